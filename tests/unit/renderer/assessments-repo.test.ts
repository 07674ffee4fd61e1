import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { keepUnsaved, replayUnsaved } from '../../../renderer/app/unsaved';
import { AssessmentLockedError } from '../../../renderer/db/assessments';
import { TrellisDatabase } from '../../../renderer/db/database';
import { evidenceFor } from '../../../renderer/db/evidence';
import type { Rating } from '../../../shared/domain/assessments';

const frozen = { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) };
const rating = (value: string, comment = ''): Rating => ({
  ref: { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-a' },
  value,
  comment,
  evidence: [],
});

async function setup() {
  let clock = Date.parse('2026-11-02T09:00:00Z');
  const db = new TrellisDatabase(`assessments-${crypto.randomUUID()}`);
  const repos = createRepositories(db, () => new Date((clock += 60_000)));
  const alex = await repos.people.create({ name: 'Alex Rivera', email: 'alex@example.com' });
  const draft = await repos.assessments.create({
    personId: alex.id,
    kind: 'self',
    ladder: frozen,
    trackId: 'ic',
    levelId: 'S2',
    period: { from: '2026-07-01', to: '2026-12-31' },
  });
  return { db, repos, alex, draft };
}

/** A Storage in memory (the Node test environment has no localStorage). */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('assessments repository', () => {
  it('saves a draft with its competency ids, locks it when finished and never edits it after', async () => {
    const { repos, draft } = await setup();
    expect(draft).toMatchObject({ status: 'draft', revision: 1, chainId: draft.id, date: '2026-12-31', ratings: [] });
    const saved = await repos.assessments.saveDraft(draft.id, {
      ratings: [rating('skilled', 'Split the billing module')],
      summary: 'Good half',
      privateNotes: 'mine',
    });
    expect(saved.competencyIds).toEqual(['code']);
    expect(saved.criteria).toEqual([rating('x').ref]);

    const finished = await repos.assessments.finish(draft.id);
    expect(finished.status).toBe('finished');
    expect(finished.finishedAt).toBeTruthy();
    await expect(repos.assessments.saveDraft(draft.id, { ratings: [], summary: '', privateNotes: '' })).rejects.toBeInstanceOf(AssessmentLockedError);
    await expect(repos.assessments.finish(draft.id)).rejects.toBeInstanceOf(AssessmentLockedError);
    await expect(repos.assessments.discardDraft(draft.id)).rejects.toBeInstanceOf(AssessmentLockedError);
    expect(await repos.assessments.get(draft.id)).toEqual(finished);
  });

  it('drops blank ratings and refuses a rating that breaks the schema, writing nothing', async () => {
    const { repos, draft } = await setup();
    const blank: Rating = { ...rating('x'), value: undefined, comment: '' };
    delete blank.value;
    expect((await repos.assessments.saveDraft(draft.id, { ratings: [blank], summary: '', privateNotes: '' })).ratings).toEqual([]);
    const bad = { ...rating('skilled'), evidence: [{ type: 'url' as const, url: 'javascript:alert(1)', title: 'x' }] };
    await expect(repos.assessments.saveDraft(draft.id, { ratings: [bad], summary: '', privateNotes: '' })).rejects.toThrow('http');
    expect((await repos.assessments.get(draft.id))!.ratings).toEqual([]);
  });

  it('reopens a finished assessment as the next revision of the same chain, once', async () => {
    const { repos, draft } = await setup();
    await repos.assessments.saveDraft(draft.id, { ratings: [rating('skilled')], summary: 's', privateNotes: 'p' });
    const first = await repos.assessments.finish(draft.id);
    const second = await repos.assessments.reopen(draft.id);
    expect(second).toMatchObject({ status: 'draft', revision: 2, chainId: draft.id, revisionOf: draft.id, ladder: frozen, summary: 's', privateNotes: 'p' });
    expect(second.ratings).toEqual(first.ratings);
    expect(second.finishedAt).toBeUndefined();
    expect((await repos.assessments.reopen(draft.id)).id).toBe(second.id);
    await repos.assessments.saveDraft(second.id, { ratings: [rating('expert')], summary: 's2', privateNotes: '' });
    expect(await repos.assessments.get(draft.id)).toEqual(first);

    await repos.assessments.finish(second.id);
    const newer = { ladderId: 'support', version: '2.0.0', hash: 'b'.repeat(64) };
    const third = await repos.assessments.reassess(second.id, newer, [rating('expert', 'carried')]);
    expect(third).toMatchObject({ revision: 3, revisionOf: second.id, ladder: newer, status: 'draft' });
    expect((await repos.assessments.revisions(draft.id)).map((a) => [a.revision, a.status])).toEqual([
      [1, 'finished'],
      [2, 'finished'],
      [3, 'draft'],
    ]);
  });

  it('lists a person’s assessments newest period first and offers finished ones as evidence', async () => {
    const { db, repos, alex, draft } = await setup();
    const older = await repos.assessments.create({
      personId: alex.id,
      kind: 'manager',
      ladder: frozen,
      trackId: 'ic',
      levelId: 'S2',
      period: { from: '2026-01-01', to: '2026-06-30' },
    });
    await repos.assessments.saveDraft(older.id, { ratings: [rating('skilled')], summary: '', privateNotes: '' });
    await repos.assessments.finish(older.id);
    expect((await repos.assessments.forPerson(alex.id)).map((a) => a.id)).toEqual([draft.id, older.id]);
    const evidence = await evidenceFor(db, { personId: alex.id }, ['assessment']);
    expect(evidence.map((e) => [e.id, e.title, e.competencyIds])).toEqual([[older.id, 'Manager assessment, revision 1', ['code']]]);
    expect(await evidenceFor(db, { personId: alex.id, competencyId: 'other' }, ['assessment'])).toEqual([]);
  });

  it('replays a draft kept at unload, and forgets it when the draft was finished meanwhile', async () => {
    const { repos, draft } = await setup();
    const storage = memoryStorage();
    const patch = { ratings: [rating('expert', 'typed at the last second')], summary: '', privateNotes: '' };
    keepUnsaved({ kind: 'assessment-draft', key: `assessment-draft:${draft.id}`, args: [draft.id, patch] }, storage);
    expect(await replayUnsaved(repos, storage)).toEqual({ replayed: 1, failed: [] });
    expect((await repos.assessments.get(draft.id))!.ratings[0]!.comment).toBe('typed at the last second');

    await repos.assessments.finish(draft.id);
    keepUnsaved({ kind: 'assessment-draft', key: `assessment-draft:${draft.id}`, args: [draft.id, { ...patch, summary: 'late' }] }, storage);
    expect(await replayUnsaved(repos, storage)).toEqual({ replayed: 1, failed: [] });
    expect(storage.length).toBe(0);
    expect((await repos.assessments.get(draft.id))!.summary).toBe('');
  });
});
