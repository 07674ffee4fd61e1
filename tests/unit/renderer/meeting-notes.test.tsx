import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createRepositories, RepositoriesProvider } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { MeetingNotes, parseTags } from '../../../renderer/features/one-on-ones/MeetingNotes';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function setup() {
  const repos = createRepositories(new TrellisDatabase(`notes-${crypto.randomUUID()}`));
  const person = await repos.people.create({ name: 'Alex Rivera' });
  const meeting = await repos.meetings.start({ personId: person.id, seriesId: null, kind: 'one-on-one', date: '2026-11-23' });
  render(
    <RepositoriesProvider value={repos}>
      <MeetingNotes meeting={meeting} personName="Alex Rivera" />
    </RepositoriesProvider>,
  );
  return { repos, meeting };
}

describe('MeetingNotes autosave', () => {
  it('saves after typing stops and says so', async () => {
    const { repos, meeting } = await setup();
    fireEvent.change(screen.getByRole('textbox', { name: 'Private notes' }), { target: { value: 'Seemed tired' } });
    expect(screen.getByRole('status', { name: 'Notes: Saving…' })).toBeTruthy();
    await screen.findByRole('status', { name: 'Notes: Saved' }, { timeout: 3000 });
    expect((await repos.meetings.get(meeting.id))?.privateNotes).toBe('Seemed tired');
  });

  it('keeps the text on screen with a clear message when the disk is full, and saves on retry', async () => {
    const { repos, meeting } = await setup();
    const real = repos.meetings.saveNotes.bind(repos.meetings);
    const spy = vi.spyOn(repos.meetings, 'saveNotes').mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const box = screen.getByRole('textbox', { name: 'Shared notes' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'Decision: ship on Friday' } });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('The disk is full');
    expect(screen.getByRole('status', { name: 'Notes: Not saved' })).toBeTruthy();
    expect(box.value).toBe('Decision: ship on Friday');
    expect((await repos.meetings.get(meeting.id))?.sharedNotes).toBe('');

    spy.mockImplementation(real);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Try saving again' })));
    await screen.findByRole('status', { name: 'Notes: Saved' });
    expect((await repos.meetings.get(meeting.id))?.sharedNotes).toBe('Decision: ship on Friday');
  });
});

describe('parseTags', () => {
  it('trims, drops empties and duplicates regardless of case', () => {
    expect(parseTags(' growth, Q3 ,, growth , GROWTH,project-x')).toEqual(['growth', 'Q3', 'project-x']);
  });
});
