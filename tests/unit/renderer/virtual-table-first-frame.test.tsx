import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { VirtualTable } from '../../../renderer/ui/VirtualTable';

afterEach(cleanup);

const rows = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, name: `Row ${i}` }));

function Table({ rowsStartAt }: { rowsStartAt?: number }) {
  return (
    <VirtualTable
      label="Rows"
      columns={['Name']}
      rows={rows}
      rowKey={(r) => r.id}
      renderRow={(r) => <td>{r.name}</td>}
      estimateRowHeight={40}
      fixedRowHeight
      overscan={2}
      {...(rowsStartAt !== undefined ? { rowsStartAt } : {})}
    />
  );
}

// jsdom lays nothing out: the table stays as it is drawn before it is measured (an 800 px view).
const drawn = () => within(screen.getByRole('table', { name: 'Rows' })).getAllByRole('row').length - 1;

describe('a VirtualTable’s first frame, before it is measured', () => {
  it('draws a view’s worth of rows, or only those that reach into the view below a header as tall as told', () => {
    render(<Table />);
    expect(drawn()).toBe(800 / 40 + 2);
    cleanup();
    render(<Table rowsStartAt={480} />);
    expect(drawn()).toBe((800 - 480) / 40 + 2);
    // Every row still counts for assistive technology.
    expect(screen.getByRole('table', { name: 'Rows' }).getAttribute('aria-rowcount')).toBe('201');
  });
});
