import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { useInSteps } from '../../../renderer/ui/in-steps';

afterEach(cleanup);

const items = (n: number) => Array.from({ length: n }, (_, i) => `item ${i + 1}`);

/** Remembers every length it was drawn with, in order. */
function List({ of, drawn }: { of: string[]; drawn: number[] }) {
  const shown = useInSteps(of, { first: 3, step: 4 });
  drawn.push(shown.length);
  return (
    <ul aria-label="Items">
      {shown.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ul>
  );
}

describe('useInSteps', () => {
  it('draws the first items at once, then the rest in steps until all are drawn', async () => {
    const drawn: number[] = [];
    render(<List of={items(12)} drawn={drawn} />);
    expect(drawn[0]).toBe(3);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(12));
    // Every step adds at most `step` items, in order, and never draws fewer again.
    const lengths = [...new Set(drawn)];
    expect(lengths).toEqual([3, 7, 11, 12]);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(items(12));
  });

  it('draws a short list whole at once and keeps a drawn list whole as it grows', async () => {
    const drawn: number[] = [];
    const { rerender } = render(<List of={items(2)} drawn={drawn} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    rerender(<List of={items(5)} drawn={drawn} />);
    // Three were allowed from the start: the new ones come a step later, the first three stay.
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(3);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(5));
    rerender(<List of={items(4)} drawn={drawn} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
  });
});
