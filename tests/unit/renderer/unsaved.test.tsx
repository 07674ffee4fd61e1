import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createRepositories, RepositoriesProvider } from '../../../renderer/app/data';
import { keepAll } from '../../../renderer/app/flush';
import { discardUnsaved, forgetIfSaved, keepUnsaved, replayUnsaved, type UnsavedWrite } from '../../../renderer/app/unsaved';
import { TrellisDatabase } from '../../../renderer/db/database';
import { MeetingNotes } from '../../../renderer/features/one-on-ones/MeetingNotes';

async function setup() {
  const repos = createRepositories(new TrellisDatabase(`unsaved-${crypto.randomUUID()}`));
  const person = await repos.people.create({ name: 'Alex Rivera' });
  const meeting = await repos.meetings.start({ personId: person.id, seriesId: null, kind: 'one-on-one', date: '2026-11-23' });
  return { repos, meeting };
}

const notes = (id: string, privateNotes: string): UnsavedWrite => ({ kind: 'meeting-notes', key: `meeting-notes:${id}`, args: [id, { privateNotes }] });

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('typing kept when the page goes away', () => {
  it('is kept synchronously by the editor and written to the database at the next start', async () => {
    const { repos, meeting } = await setup();
    render(
      <RepositoriesProvider value={repos}>
        <MeetingNotes meeting={meeting} personName="Alex Rivera" />
      </RepositoriesProvider>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Private notes' }), { target: { value: 'Said in the last second' } });
    // What beforeunload does; the page is then gone before the autosave or any flush runs.
    keepAll();
    cleanup();
    expect(localStorage.length).toBe(1);

    const outcome = await replayUnsaved(repos);
    expect(outcome).toEqual({ replayed: 1, failed: [] });
    expect((await repos.meetings.get(meeting.id))?.privateNotes).toBe('Said in the last second');
    expect(localStorage.length).toBe(0);
  });

  it('nothing is kept when nothing is pending', async () => {
    const { repos, meeting } = await setup();
    render(
      <RepositoriesProvider value={repos}>
        <MeetingNotes meeting={meeting} personName="Alex Rivera" />
      </RepositoriesProvider>,
    );
    keepAll();
    expect(localStorage.length).toBe(0);
  });

  it('a kept copy goes once the same value is saved, but not when an older value finishes saving', () => {
    keepUnsaved(notes('m1', 'newer'));
    forgetIfSaved(notes('m1', 'older'));
    expect(localStorage.length).toBe(1);
    forgetIfSaved(notes('m1', 'newer'));
    expect(localStorage.length).toBe(0);
  });

  it('typing into a meeting deleted since is dropped; a write that fails otherwise is kept for the next start', async () => {
    const { repos, meeting } = await setup();
    keepUnsaved(notes('gone', 'for a deleted meeting'));
    keepUnsaved({ kind: 'meeting-notes', key: `meeting-notes:${meeting.id}`, args: [meeting.id, { mood: 99 }] });
    const outcome = await replayUnsaved(repos);
    expect(outcome.replayed).toBe(0);
    expect(outcome.failed.map((f) => f.key)).toEqual([`meeting-notes:${meeting.id}`]);
    expect(localStorage.length).toBe(1);
    expect(await repos.meetings.get(meeting.id)).toMatchObject({ privateNotes: '' });
  });

  it('entries that are not Trellis writes are dropped, other keys are left alone', async () => {
    const { repos } = await setup();
    localStorage.setItem('trellis.unsaved:x', '{not json');
    localStorage.setItem('trellis.unsaved:y', JSON.stringify({ kind: 'rm -rf', args: [] }));
    localStorage.setItem('someone-else', 'kept');
    expect(await replayUnsaved(repos)).toEqual({ replayed: 0, failed: [] });
    expect(localStorage.length).toBe(1);
    keepUnsaved(notes('m1', 'x'));
    discardUnsaved();
    expect(localStorage.getItem('someone-else')).toBe('kept');
    expect(localStorage.length).toBe(1);
  });
});
