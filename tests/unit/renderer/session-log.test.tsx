import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Reading } from '../../../renderer/features/calibration/reading';
import { SessionLog } from '../../../renderer/features/calibration/SessionLog';
import type { SessionLogEntry } from '../../../shared/calibration';

afterEach(cleanup);

const reading = { name: () => 'Candidate 1' } as unknown as Reading;

const entries: SessionLogEntry[] = Array.from({ length: 2_000 }, (_, i) => ({
  id: `log-${i}`,
  sessionId: 's',
  at: new Date(Date.UTC(2026, 10, 1, 9, 0, i)).toISOString(),
  kind: 'renamed',
  detail: `Name ${i} → Name ${i + 1}`,
}));

describe('the session log', () => {
  it('draws only the entries near its view, each with its place in the whole log', () => {
    render(<SessionLog entries={entries} candidates={[]} reading={reading} />);
    const log = screen.getByRole('list', { name: 'Session log' });
    const drawn = within(log).getAllByRole('listitem');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(100);
    expect(drawn[0]!.textContent).toContain('Session renamed: Name 0 → Name 1');
    expect(drawn[0]!.getAttribute('aria-posinset')).toBe('1');
    for (const item of drawn) expect(item.getAttribute('aria-setsize')).toBe('2000');
    // The box that scrolls takes focus, so the keyboard scrolls it.
    expect(screen.getByRole('group', { name: 'Session log' }).getAttribute('tabindex')).toBe('0');
  });
});
