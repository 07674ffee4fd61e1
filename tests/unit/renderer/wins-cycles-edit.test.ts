import 'fake-indexeddb/auto';

import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { replayUnsaved } from '../../../renderer/app/unsaved';
import { TrellisDatabase } from '../../../renderer/db/database';
import { tableChanges } from '../../../renderer/features/search/changes';
import { SearchEngine } from '../../../renderer/features/search/engine';
import { searchKind } from '../../../renderer/features/search/kinds';
import { buildTimeline } from '../../../shared/domain/timeline';
import type { WinDraft } from '../../../shared/domain/wins';

/**
 * Editing and deleting wins, cycles and cycle responses: what the repositories refuse, what goes
 * with a delete, and that every write names its rows in Dexie's change notices, which the search
 * worker follows (features/search/changes.ts), so search follows edits and deletes.
 */
const open: TrellisDatabase[] = [];
async function setup() {
  const name = `edit-${crypto.randomUUID()}`;
  const db = new TrellisDatabase(name);
  open.push(db);
  const repos = createRepositories(db);
  const ana = await repos.people.create({ name: 'Ana Ruiz' });
  const bo = await repos.people.create({ name: 'Bo Chen' });
  const notices: ReturnType<typeof tableChanges>[] = [];
  const listener = (parts: Record<string, unknown>) => void notices.push(tableChanges(parts, name));
  Dexie.on('storagemutated', listener);
  return { db, repos, ana, bo, notices, stop: () => Dexie.on('storagemutated').unsubscribe(listener) };
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const draft = (personId: string, patch: Partial<WinDraft> = {}): WinDraft => ({
  personId,
  date: '2026-03-02',
  visibility: 'shareable',
  criteria: [{ ladderId: 'engineering', competencyId: 'delivery', levelId: 'L3' }],
  title: 'Shipped billing',
  impact: 'Month closed early',
  links: [],
  celebrate: true,
  ...patch,
});

describe('editing and deleting a win', () => {
  it('saves an edit with competencies recomputed, refuses bad input and an unknown person, and deletes', async () => {
    const { repos, ana, bo, notices, stop } = await setup();
    try {
      const win = await repos.wins.create(draft(ana.id));
      const saved = await repos.wins.save(win.id, {
        ...draft(bo.id),
        title: 'Shipped billing v2',
        criteria: [{ ladderId: 'engineering', competencyId: 'planning' }],
      });
      expect(saved).toMatchObject({ personId: bo.id, title: 'Shipped billing v2', competencyIds: ['planning'] });
      expect(notices.at(-1)?.get('wins')).toEqual({ ids: new Set([win.id]), all: false });
      await expect(repos.wins.save(win.id, { title: '  ' })).rejects.toMatchObject({ name: 'ValidationError', fieldErrors: { title: 'Say what happened' } });
      await expect(repos.wins.save(win.id, { links: ['ftp://x'] })).rejects.toMatchObject({ name: 'ValidationError' });
      await expect(repos.wins.save(win.id, { personId: 'nobody' })).rejects.toMatchObject({ name: 'NotFoundError' });
      expect(await repos.wins.get(win.id)).toEqual(saved);

      await repos.wins.remove(win.id);
      expect(await repos.wins.get(win.id)).toBeUndefined();
      expect(notices.at(-1)?.get('wins')).toEqual({ ids: new Set([win.id]), all: false });
      await expect(repos.wins.save(win.id, { title: 'x' })).rejects.toMatchObject({ name: 'NotFoundError' });
    } finally {
      stop();
    }
  });

  it('lists anyone’s wins in a period, newest first, through the date index', async () => {
    const { repos, ana, bo, stop } = await setup();
    stop();
    for (const [personId, date] of [
      [ana.id, '2025-12-31'],
      [bo.id, '2026-01-01'],
      [ana.id, '2026-03-31'],
      [bo.id, '2026-04-01'],
    ] as const)
      await repos.wins.create(draft(personId, { date }));
    expect((await repos.wins.between('2026-01-01', '2026-03-31')).map((w) => w.date)).toEqual(['2026-03-31', '2026-01-01']);
    expect((await repos.wins.forPerson(ana.id, '2026-01-01', '2026-12-31')).map((w) => w.date)).toEqual(['2026-03-31']);
  });

  it('replays typing kept at unload into the win, and drops it when the win is gone or the text is refused', async () => {
    const { repos, ana, stop } = await setup();
    stop();
    const win = await repos.wins.create(draft(ana.id));
    const store = new Map<string, string>();
    const storage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
      clear: () => store.clear(),
    } satisfies Storage;
    const keep = (id: string, d: WinDraft) => storage.setItem(`trellis.unsaved:win:${id}`, JSON.stringify({ kind: 'win', args: [id, d], keptAt: 'x' }));
    keep(win.id, draft(ana.id, { title: 'Typed before the reload' }));
    keep('gone', draft(ana.id));
    expect(await replayUnsaved(repos, storage)).toEqual({ replayed: 1, failed: [] });
    expect((await repos.wins.get(win.id))?.title).toBe('Typed before the reload');
    keep(win.id, draft(ana.id, { title: '' }));
    expect((await replayUnsaved(repos, storage)).failed).toEqual([]);
    expect(store.size).toBe(0);
  });

  it('opens from search and the timeline on the win itself, and is forgotten by search once deleted', async () => {
    const { repos, ana, stop } = await setup();
    stop();
    const win = await repos.wins.create(draft(ana.id, { title: 'Untangled the invoicing jobs' }));
    const engine = new SearchEngine();
    const load = async (_table: string, ids: readonly string[]) => Promise.all(ids.map((id) => repos.wins.get(id)));
    engine.putRows('wins', [win]);
    const [group] = await engine.search('invoicing', {}, 5, load);
    expect(searchKind('win')!.open({ ...group!.hits[0]!, field: 'body', terms: [] }).path).toBe(`/feedback/wins/${win.id}`);
    expect(buildTimeline([], [], 'Ana', { wins: [win] })[0]!.href).toBe(`/feedback/wins/${win.id}`);
    await repos.wins.remove(win.id);
    engine.removeRecords('wins', [win.id]);
    expect(await engine.search('invoicing', {}, 5, load)).toEqual([]);
  });
});

describe('editing and deleting a cycle and its responses', () => {
  async function cycleWithResponses() {
    const ctx = await setup();
    const { repos, ana, bo } = ctx;
    const cycle = await repos.cycles.create({
      name: 'Spring',
      from: '2026-01-01',
      to: '2026-03-31',
      due: '2026-04-10',
      participantIds: [ana.id, bo.id],
      competencies: [
        { ladderId: 'engineering', competencyId: 'delivery' },
        { ladderId: 'engineering', competencyId: 'planning' },
      ],
    });
    const asked = await repos.cycles.addRequest(cycle.id, { personId: ana.id, peerId: null, peerName: 'Dana', due: '2026-04-10' });
    await repos.cycles.addRequest(cycle.id, { personId: bo.id, peerId: null, peerName: 'Eli', due: '2026-04-10' });
    const response = await repos.cycles.addResponse(cycle.id, {
      personId: ana.id,
      respondentId: null,
      respondentName: 'Dana',
      competencyId: 'delivery',
      text: 'Ships steadily',
      date: '2026-04-01',
      visibility: 'shareable',
    });
    return { ...ctx, cycle, asked, response };
  }

  it('renames and changes the period, and refuses to take away what a response references', async () => {
    const { repos, ana, bo, cycle, stop } = await cycleWithResponses();
    stop();
    const renamed = await repos.cycles.update(cycle.id, { name: 'Spring 2026', from: '2026-02-01', due: '2026-04-20' });
    expect(renamed).toMatchObject({ name: 'Spring 2026', from: '2026-02-01', due: '2026-04-20' });
    await expect(repos.cycles.update(cycle.id, { participantIds: [bo.id] })).rejects.toMatchObject({
      name: 'ValidationError',
      fieldErrors: { participantIds: expect.any(String) },
    });
    await expect(repos.cycles.update(cycle.id, { competencies: [{ ladderId: 'engineering', competencyId: 'planning' }] })).rejects.toMatchObject({
      fieldErrors: { competencies: expect.stringContaining('delivery') },
    });
    await expect(repos.cycles.update(cycle.id, { participantIds: [] })).rejects.toMatchObject({
      fieldErrors: { participantIds: 'Choose at least one participant' },
    });
    await expect(repos.cycles.update(cycle.id, { to: '2025-01-01' })).rejects.toMatchObject({ fieldErrors: { to: 'The period ends before it starts' } });
    expect(await repos.cycles.get(cycle.id)).toEqual(renamed);
    // Planning has no response: it may go.
    expect((await repos.cycles.update(cycle.id, { competencies: [{ ladderId: 'engineering', competencyId: 'delivery' }] })).competencies).toHaveLength(1);
    expect((await repos.cycles.requests(cycle.id)).map((r) => r.personId).sort()).toEqual([ana.id, bo.id].sort());
  });

  it('takes out a participant nobody answered about with the peers asked about them', async () => {
    const { repos, ana, cycle, stop } = await cycleWithResponses();
    stop();
    const next = await repos.cycles.update(cycle.id, { participantIds: [ana.id] });
    expect(next.participantIds).toEqual([ana.id]);
    expect((await repos.cycles.requests(cycle.id)).map((r) => r.personId)).toEqual([ana.id]);
  });

  it('edits a response’s text, competency, date and visibility, refusing a competency the cycle does not ask about', async () => {
    const { repos, cycle, response, asked, notices, stop } = await cycleWithResponses();
    try {
      const edited = await repos.cycles.updateResponse(response.id, {
        text: 'Ships steadily and plans ahead',
        competencyId: 'planning',
        visibility: 'private',
      });
      expect(edited).toMatchObject({
        text: 'Ships steadily and plans ahead',
        criteria: [{ ladderId: 'engineering', competencyId: 'planning' }],
        competencyIds: ['planning'],
        visibility: 'private',
        requestId: asked.id,
        respondentName: 'Dana',
      });
      expect(notices.at(-1)?.get('cycleResponses')).toEqual({ ids: new Set([response.id]), all: false });
      expect((await repos.cycles.updateResponse(response.id, { competencyId: null })).competencyIds).toEqual([]);
      await expect(repos.cycles.updateResponse(response.id, { competencyId: 'craft' })).rejects.toMatchObject({
        fieldErrors: { competencyId: expect.any(String) },
      });
      await expect(repos.cycles.updateResponse(response.id, { text: ' ' })).rejects.toMatchObject({ fieldErrors: { text: 'Write the response' } });
      await expect(repos.cycles.updateResponse('nope', { text: 'x' })).rejects.toMatchObject({ name: 'NotFoundError' });

      await repos.cycles.removeResponse(response.id);
      expect(await repos.cycles.responses(cycle.id)).toEqual([]);
      expect(notices.at(-1)?.get('cycleResponses')).toEqual({ ids: new Set([response.id]), all: false });
    } finally {
      stop();
    }
  });

  it('deletes a cycle with its requests and responses, telling search to read those tables again', async () => {
    const { repos, db, cycle, notices, stop } = await cycleWithResponses();
    try {
      await repos.cycles.remove(cycle.id);
      expect(await repos.cycles.get(cycle.id)).toBeUndefined();
      expect(await db.cycleRequests.count()).toBe(0);
      expect(await db.cycleResponses.count()).toBe(0);
      const last = notices.at(-1)!;
      expect(last.get('feedbackCycles')?.ids.has(cycle.id)).toBe(true);
      expect(last.get('cycleResponses')).toBeDefined();
    } finally {
      stop();
    }
  });
});
