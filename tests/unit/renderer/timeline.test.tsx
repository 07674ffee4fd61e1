import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { Timeline } from '../../../renderer/features/people/Timeline';
import type { ActionItem, Meeting } from '../../../shared/domain/meetings';
import { buildTimeline, filterTimeline } from '../../../shared/domain/timeline';

const stamp = '2026-01-01T00:00:00.000Z';
const meeting = (i: number, extra: Partial<Meeting> = {}): Meeting => ({
  id: `m${i}`,
  personId: 'p',
  seriesId: 's',
  kind: 'one-on-one',
  date: `2026-${String((i % 12) + 1).padStart(2, '0')}-10`,
  agenda: [{ id: `a${i}`, text: `Point ${i}`, author: 'me', done: true }],
  sharedNotes: '',
  privateNotes: '',
  tags: [],
  createdAt: stamp,
  updatedAt: stamp,
  ...extra,
});
const action = (i: number, meetingId: string): ActionItem => ({
  id: `x${i}`,
  personId: 'p',
  meetingId,
  text: `Action ${i}`,
  owner: 'me',
  done: false,
  createdAt: stamp,
  updatedAt: stamp,
});

beforeAll(() => {
  // jsdom has no layout: give the timeline's scroll box the size it has in the app.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get() {
      return 480;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get() {
      return 800;
    },
  });
});
afterEach(cleanup);

describe('buildTimeline', () => {
  it('is newest first, puts a meeting before its actions, and never searches private notes', () => {
    const entries = buildTimeline([meeting(1, { privateNotes: 'SECRET-WORD' }), meeting(5)], [action(1, 'm1')], 'Alex Rivera');
    expect(entries.map((e) => e.id)).toEqual(['m5', 'm1', 'x1']);
    expect(filterTimeline(entries, new Set(['meeting', 'action']), 'secret-word')).toEqual([]);
    expect(filterTimeline(entries, new Set(['action']), '').map((e) => e.id)).toEqual(['x1']);
  });
});

describe('timeline rows', () => {
  it('name owners, say which meeting a row opens, and show done items as done', () => {
    const items: ActionItem[] = [
      { ...action(1, 'm1'), owner: 'them', text: 'Share the design doc' },
      { ...action(2, 'm1'), owner: 'me', text: 'Book the offsite', done: true, doneAt: stamp },
    ];
    const entries = buildTimeline([meeting(1, { kind: 'career', date: '2026-02-10' })], items, 'Alex Rivera');
    expect(entries.find((e) => e.id === 'x1')).toMatchObject({ detail: 'Alex Rivera · open' });
    expect(entries.find((e) => e.id === 'x1')?.done).toBeUndefined();
    expect(entries.find((e) => e.id === 'x2')).toMatchObject({ detail: 'You · done', done: true });
    expect(filterTimeline(entries, new Set(['action']), 'alex').map((e) => e.id)).toEqual(['x1']);

    render(<Timeline entries={entries} />);
    const meetingRow = screen.getByRole('link', { name: /^Career conversation on \D*10\D*2026$/ });
    expect(meetingRow.getAttribute('href')).toContain('/one-on-ones/meetings/m1');
    const done = screen.getByRole('link', { name: 'Book the offsite' }).closest('[role="listitem"]')!;
    expect(done.className).toContain('timeline-row--done');
    expect(done.textContent).toContain('✓');
    const open = screen.getByRole('link', { name: 'Share the design doc' }).closest('[role="listitem"]')!;
    expect(open.className).not.toContain('timeline-row--done');
    expect(open.textContent).toContain('Alex Rivera · open');
  });
});

describe('Timeline', () => {
  it('keeps only the rows in view in the DOM and filters by kind and words', () => {
    const meetings = Array.from({ length: 500 }, (_, i) => meeting(i));
    const actions = Array.from({ length: 2000 }, (_, i) => action(i, `m${i % 500}`));
    render(<Timeline entries={buildTimeline(meetings, actions, 'Alex Rivera')} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(screen.getByText('2500 entries')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Action items' }));
    expect(screen.getByText('500 of 2500 entries')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter timeline' }), { target: { value: 'point 499' } });
    expect(screen.getByText('1 of 2500 entries')).toBeTruthy();
  });
});
