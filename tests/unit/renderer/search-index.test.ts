import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';
import path from 'node:path';

import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { tableChanges } from '../../../renderer/features/search/changes';
import { type LoadRows, SearchEngine, searchTerm, shardOf } from '../../../renderer/features/search/engine';
import { kindsByTable, registerSearchKind, type SearchDoc, searchKind, searchKinds } from '../../../renderer/features/search/kinds';
import { criterionDocs } from '../../../renderer/features/search/kinds/ladder-criteria';
import { snippet } from '../../../renderer/features/search/snippet';
import type { Meeting } from '../../../shared/domain/meetings';
import { fold } from '../../../shared/domain/text';
import { checkLadder } from '../../../shared/ladder';

const meeting = (id: string, patch: Partial<Meeting> = {}): Meeting => ({
  id,
  personId: 'p1',
  seriesId: 's1',
  kind: 'one-on-one',
  date: '2026-03-02',
  agenda: [],
  sharedNotes: '',
  privateNotes: '',
  tags: [],
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  ...patch,
});

/** Rows kept in memory, as the worker reads them from IndexedDB. */
function memory() {
  const tables = new Map<string, Map<string, unknown>>();
  const put = (table: string, rows: { id: string }[]) => {
    const t = tables.get(table) ?? new Map<string, unknown>();
    tables.set(table, t);
    for (const r of rows) t.set(r.id, r);
  };
  const load: LoadRows = async (table, ids) => ids.map((id) => tables.get(table)?.get(id));
  return { put, load, remove: (table: string, id: string) => tables.get(table)?.delete(id) };
}

describe('search terms and snippets', () => {
  it('folds accents and case with the one fold of shared/domain/text.ts and drops stop words', () => {
    expect(searchTerm('Équipe')).toBe(fold('Équipe'));
    expect(searchTerm('ÉQUIPE')).toBe('equipe');
    expect(searchTerm('the')).toBeNull();
  });

  it('marks the matched words around the first match, with ellipses when cut', () => {
    const long = `${'Filler words here. '.repeat(20)}Worried about the Équipe reorganisation. ${'More text after. '.repeat(20)}`;
    const parts = snippet(long, new Set(['equipe', 'reorganisation']));
    expect(parts[0]!.text.startsWith('…words here.')).toBe(true);
    expect(parts.at(-1)!.text.endsWith('…')).toBe(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Équipe', 'reorganisation']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(180);
  });

  it('leaves Markdown marks out of a snippet', () => {
    const parts = snippet('**Decision:** see [the doc](https://x.example) about `rollout`', new Set(['rollout']));
    expect(parts.map((p) => p.text).join('')).toBe('Decision: see the doc about rollout');
  });
});

describe('search kinds registry', () => {
  it('has one module per kind, grouped by table, in order', () => {
    expect(searchKinds().map((k) => k.kind)).toEqual([
      'person',
      'meeting-notes',
      'agenda-item',
      'action-item',
      'talking-point',
      'feedback',
      'follow-up',
      'goal',
      'assessment',
      'goal-check-in',
      'win',
      'feedback-cycle',
      'cycle-response',
      'ladder-criterion',
      'calibration-session',
      'calibration-decision',
    ]);
    expect(
      kindsByTable()
        .get('meetings')
        ?.map((k) => k.kind),
    ).toEqual(['meeting-notes', 'agenda-item']);
    expect(searchKind('ladder-criterion')?.table).toBeUndefined();
  });

  it('makes a calibration decision one document with no candidate name, opening its session; nothing for an empty one', () => {
    const kind = searchKind('calibration-decision')!;
    const decision = {
      id: 'd1',
      sessionId: 's1',
      outcome: 'promote',
      rationale: 'Clear org-wide scope',
      openQuestions: 'Mentoring?',
      decidedAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
    };
    const [doc] = kind.docs(decision);
    expect(doc).toMatchObject({ title: 'Promote', body: 'Clear org-wide scope\nMentoring?', date: '2026-12-01', ref: 's1' });
    expect(kind.open({ ...doc!, field: 'body', terms: [] }).path).toBe('/calibration/s1');
    expect(kind.docs({ ...decision, rationale: '', openQuestions: ' ' })).toEqual([]);
  });

  it('makes an assessment one document: comments searchable, private notes private, nothing for an empty one', () => {
    const kind = searchKind('assessment')!;
    const base = {
      id: 'a1',
      personId: 'p1',
      kind: 'self',
      revision: 2,
      levelId: 'L3',
      status: 'finished',
      period: { from: '2026-01-01', to: '2026-06-30' },
      summary: 'A strong half',
      privateNotes: 'Ask about the move',
      ratings: [{ ref: { ladderId: 'e', competencyId: 'c' }, comment: 'Led the migration', evidence: [], notApplicable: undefined }],
    };
    expect(kind.docs(base)).toEqual([
      {
        id: 'assessment:a1',
        kind: 'assessment',
        recordId: 'a1',
        personId: 'p1',
        date: '2026-06-30',
        title: 'Self-assessment, revision 2 · L3',
        body: 'A strong half\nLed the migration',
        private: 'Ask about the move',
      },
    ]);
    expect(kind.docs({ ...base, summary: '', privateNotes: ' ', ratings: [] })).toEqual([]);
    expect(kind.open({ id: 'assessment:a1', recordId: 'a1', field: 'body', terms: [] })).toEqual({ path: '/growth/assessments/a1' });
  });

  it('lets a later feature add a kind with one module', async () => {
    registerSearchKind<{ id: string; personId: string; text: string }>({
      kind: 'test-feedback',
      label: 'Feedback',
      singular: 'Feedback',
      table: 'testFeedback',
      order: 60,
      docs: (r) => [{ id: `test-feedback:${r.id}`, kind: 'test-feedback', recordId: r.id, personId: r.personId, title: 'Feedback', body: r.text }],
      open: (hit) => ({ path: `/feedback/${hit.recordId}` }),
    });
    const engine = new SearchEngine();
    const rows = memory();
    rows.put('testFeedback', [{ id: 'f1', personId: 'p1', text: 'Great demo of the billing flow' } as never]);
    engine.putRows('testFeedback', [{ id: 'f1', personId: 'p1', text: 'Great demo of the billing flow' }]);
    const groups = await engine.search('billing', {}, 5, rows.load);
    expect(groups.map((g) => [g.kind, g.hits[0]?.recordId])).toEqual([['test-feedback', 'f1']]);
    expect(searchKind('test-feedback')?.open({ ...groups[0]!.hits[0]!, field: 'body', terms: [] }).path).toBe('/feedback/f1');
  });
});

describe('the search engine', () => {
  it('finds feedback and follow-ups, marking a private entry’s match as private, and opens the entry', async () => {
    const engine = new SearchEngine();
    const rows = memory();
    const base = {
      personId: 'p1',
      date: '2026-03-02',
      criteria: [],
      competencyIds: [],
      fromId: null,
      fromName: '',
      nextStep: '',
      createdAt: 'x',
      updatedAt: 'x',
    };
    const shared = {
      ...base,
      id: 'e1',
      kind: 'recognition',
      visibility: 'shareable',
      situation: 'At the demo',
      behaviour: 'Explained the billing rollout',
      impact: '',
    };
    const secret = { ...base, id: 'e2', kind: 'constructive', visibility: 'private', situation: '', behaviour: 'Dismissed the billing concerns', impact: '' };
    const follow = {
      id: 'f1',
      feedbackId: 'e2',
      personId: 'p1',
      due: '2026-03-09',
      note: 'Ask about billing again',
      visibility: 'private',
      open: 1,
      outcome: '',
      createdAt: 'x',
      updatedAt: 'x',
    };
    rows.put('feedback', [shared, secret]);
    rows.put('followUps', [follow]);
    engine.putRows('feedback', [shared, secret]);
    engine.putRows('followUps', [follow]);
    const groups = await engine.search('billing', {}, 5, rows.load);
    expect(groups.map((g) => [g.kind, g.hits.map((h) => [h.recordId, h.field])])).toEqual([
      [
        'feedback',
        [
          ['e1', 'body'],
          ['e2', 'private'],
        ],
      ],
      ['follow-up', [['f1', 'private']]],
    ]);
    expect(searchKind('follow-up')!.open({ ...groups[1]!.hits[0]!, field: 'private', terms: [] }).path).toBe('/feedback/entries/e2');
  });

  it('indexes shared and private notes and each agenda item, and says which field matched', async () => {
    const engine = new SearchEngine();
    const rows = memory();
    const m = meeting('m1', {
      sharedNotes: 'We agreed the roadmap.',
      privateNotes: 'Worried about the Équipe reorganisation.',
      agenda: [{ id: 'a1', text: 'Offsite planning', author: 'me', done: false }],
    });
    rows.put('meetings', [m]);
    engine.putRows('meetings', [m]);
    const [notes] = await engine.search('equipe', {}, 5, rows.load);
    expect(notes).toMatchObject({ kind: 'meeting-notes', total: 1 });
    expect(notes!.hits[0]).toMatchObject({ recordId: 'm1', field: 'private', personId: 'p1', date: '2026-03-02' });
    expect(notes!.hits[0]!.snippet.find((p) => p.hit)?.text).toBe('Équipe');
    const open = searchKind('meeting-notes')!.open(notes!.hits[0]!);
    expect(open).toEqual({ path: '/one-on-ones/meetings/m1', reveal: { target: 'meeting:m1:private', terms: ['equipe'] } });

    const [agenda] = await engine.search('offsite', {}, 5, rows.load);
    expect(agenda).toMatchObject({ kind: 'agenda-item', hits: [{ recordId: 'm1', ref: 'a1', field: 'body' }] });
  });

  it('finds by prefix while typing and forgives a typo in a longer word; every word must match', async () => {
    const engine = new SearchEngine();
    const rows = memory();
    const ms = [meeting('m1', { sharedNotes: 'Migration of the billing service' }), meeting('m2', { sharedNotes: 'Billing dashboards' })];
    rows.put('meetings', ms);
    engine.putRows('meetings', ms);
    const ids = async (q: string) => (await engine.search(q, {}, 5, rows.load)).flatMap((g) => g.hits.map((h) => h.recordId)).sort();
    expect(await ids('migr')).toEqual(['m1']);
    expect(await ids('biling')).toEqual(['m1', 'm2']);
    expect(await ids('billing migration')).toEqual(['m1']);
    expect(await ids('   ')).toEqual([]);
  });

  it('replaces a record on update and forgets it on delete, without a rebuild', async () => {
    const engine = new SearchEngine();
    const rows = memory();
    rows.put('meetings', [meeting('m1', { sharedNotes: 'alpha' })]);
    engine.putRows('meetings', [meeting('m1', { sharedNotes: 'alpha' })]);
    const count = engine.documentCount;
    engine.putRows('meetings', [meeting('m1', { sharedNotes: 'beta' })]);
    rows.put('meetings', [meeting('m1', { sharedNotes: 'beta' })]);
    expect(engine.documentCount).toBe(count);
    expect(await engine.search('alpha', {}, 5, rows.load)).toEqual([]);
    expect((await engine.search('beta', {}, 5, rows.load))[0]?.total).toBe(1);
    engine.removeRecords('meetings', ['m1']);
    expect(await engine.search('beta', {}, 5, rows.load)).toEqual([]);
    expect(engine.documentCount).toBe(0);
  });

  it('filters by kind, person and date, and caps hits per kind with the total', async () => {
    const engine = new SearchEngine();
    const rows = memory();
    const ms = Array.from({ length: 8 }, (_, i) =>
      meeting(`m${i}`, {
        personId: i % 2 ? 'p2' : 'p1',
        date: `2026-01-0${i + 1}`,
        sharedNotes: 'rollout plan',
        agenda: [{ id: `a${i}`, text: 'rollout', author: 'me', done: false }],
      }),
    );
    rows.put('meetings', ms);
    engine.putRows('meetings', ms);
    const all = await engine.search('rollout', {}, 3, rows.load);
    expect(all.map((g) => [g.kind, g.total, g.hits.length])).toEqual([
      ['meeting-notes', 8, 3],
      ['agenda-item', 8, 3],
    ]);
    const narrowed = await engine.search('rollout', { kinds: ['meeting-notes'], personId: 'p2', from: '2026-01-03', to: '2026-01-06' }, 10, rows.load);
    expect(narrowed.map((g) => g.hits.map((h) => h.recordId).sort())).toEqual([['m3', 'm5']]);
  });

  it('takes ladder criteria from the page and replaces them as a whole', async () => {
    const file = path.resolve('ladders/engineering.yaml');
    const ladder = checkLadder({ path: file, text: readFileSync(file, 'utf8') }, (_from, include) => ({
      path: include,
      text: readFileSync(path.resolve('ladders', include), 'utf8'),
    })).ladder!;
    const docs = criterionDocs('bundled:engineering.yaml', ladder);
    expect(docs.length).toBeGreaterThan(20);
    const engine = new SearchEngine();
    engine.setDocs('ladder-criterion', docs);
    const groups = await engine.search('mentoring', {}, 5, memory().load);
    expect(groups[0]?.kind).toBe('ladder-criterion');
    expect(groups[0]!.hits[0]!.snippet.some((p) => p.hit) || groups[0]!.hits[0]!.field === 'title').toBe(true);
    const ref = JSON.parse(groups[0]!.hits[0]!.ref!) as { key: string; competencyId: string };
    expect(ref.key).toBe('bundled:engineering.yaml');
    engine.setDocs('ladder-criterion', []);
    expect(await engine.search('mentoring', {}, 5, memory().load)).toEqual([]);
  });
});

describe('a saved search index', () => {
  const corpus = () => [
    meeting('m1', {
      sharedNotes: 'Migration of the billing service',
      privateNotes: 'Worried about burnout',
      agenda: [{ id: 'a1', text: 'Offsite', author: 'me', done: false }],
    }),
    meeting('m2', { personId: 'p2', date: '2025-11-20', sharedNotes: 'Billing dashboards' }),
    meeting('m3', { sharedNotes: '', privateNotes: '' }),
  ];
  const reload = (engine: SearchEngine, before = new Map<string, string>()) => {
    const parts = engine.parts();
    const shards = new Map([...before, ...[...parts.shards]]);
    return { engine: SearchEngine.load(parts.meta, shards), shards };
  };

  it('loads as it was saved: the same answers, and it goes on following changes', async () => {
    const rows = memory();
    const engine = new SearchEngine();
    rows.put('meetings', corpus());
    engine.putRows('meetings', corpus());
    engine.setDocs('ladder-criterion', [{ id: 'ladder-criterion:x', kind: 'ladder-criterion', recordId: 'x', title: 'Mentoring', body: 'Coaches others' }]);
    const { engine: loaded } = reload(engine);
    expect(loaded.documentCount).toBe(engine.documentCount);
    for (const q of ['billing', 'burnout', 'offsite', 'migr', 'biling', 'mentoring']) {
      expect(await loaded.search(q, {}, 5, rows.load)).toEqual(await engine.search(q, {}, 5, rows.load));
    }
    // Records with nothing to search are known too, so a start does not read them again.
    expect([...loaded.recordIds('meetings')].sort()).toEqual(['m1', 'm2', 'm3']);
    // Changes after loading: a replaced record, a deleted one, pushed documents replaced whole.
    loaded.putRows('meetings', [meeting('m2', { personId: 'p2', sharedNotes: 'Quarterly goals' })]);
    rows.put('meetings', [meeting('m2', { personId: 'p2', sharedNotes: 'Quarterly goals' })]);
    loaded.removeRecords('meetings', ['m1']);
    loaded.setDocs('ladder-criterion', []);
    const ids = async (q: string) => (await loaded.search(q, {}, 5, rows.load)).flatMap((g) => g.hits.map((h) => h.recordId));
    expect(await ids('billing')).toEqual([]);
    expect(await ids('quarterly')).toEqual(['m2']);
    expect(await ids('mentoring')).toEqual([]);
  });

  it('saves again only the weeks that changed', () => {
    const engine = new SearchEngine();
    engine.putRows('meetings', corpus());
    const first = engine.parts();
    const firstShards = [...first.shards];
    expect(firstShards.map(([k]) => k).sort()).toEqual(['2025-11.3', '2026-03.1']);
    expect([...engine.parts().shards]).toEqual([]);
    engine.putRows('meetings', [meeting('m2', { personId: 'p2', date: '2025-11-20', sharedNotes: 'Billing again' })]);
    const second = engine.parts();
    const secondShards = [...second.shards];
    expect(secondShards.map(([k]) => k)).toEqual(['2025-11.3']);
    // The latest of each part loads as the whole index.
    const loaded = SearchEngine.load(second.meta, new Map([...firstShards, ...secondShards]));
    expect(loaded.documentCount).toBe(engine.documentCount);
    // A part missing is no index at all.
    expect(() => SearchEngine.load(second.meta, new Map(secondShards))).toThrow(/lacks its part 2026-03\.1/);
  });

  it('is refused when it is not one, or was made by another version of search', () => {
    const meta = JSON.parse(new SearchEngine().parts().meta) as { signature: string };
    expect(meta.signature).toMatch(/^engine@\d+ .*meeting-notes@\d+/);
    expect(() => SearchEngine.load(JSON.stringify({ ...meta, signature: 'engine@0' }), new Map())).toThrow(/another format/);
    expect(() => SearchEngine.load('{}', new Map())).toThrow(/another format/);
    expect(() => SearchEngine.load('not json', new Map())).toThrow();
  });

  it('stops matching once the data it was made for is replaced', async () => {
    const { searchGeneration, renewSearchGeneration } = await import('../../../renderer/db/search-index-store');
    const storage = new Map<string, string>();
    const fake = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) } as Storage;
    const first = searchGeneration('trellis', fake);
    expect(searchGeneration('trellis', fake)).toBe(first);
    expect(searchGeneration('trellis-sample', fake)).not.toBe(first);
    const renewed = renewSearchGeneration('trellis', fake);
    expect(renewed).not.toBe(first);
    expect(searchGeneration('trellis', fake)).toBe(renewed);
  });
});

describe('searching week by week', () => {
  it('puts each document in the week of its date (a quarter of its month), undated ones apart, in date order', () => {
    expect(shardOf('2026-03-31')).toBe('2026-03.4');
    expect(shardOf('2026-03-22')).toBe('2026-03.4');
    expect(shardOf('2026-03-21')).toBe('2026-03.3');
    expect(shardOf('2026-04-01')).toBe('2026-04.1');
    expect(shardOf('2026-04-07')).toBe('2026-04.1');
    expect(shardOf('2025-12-09')).toBe('2025-12.2');
    expect(shardOf(undefined)).toBe('undated');
    const days = ['2025-12-09', '2026-03-31', '2026-03-01', '2026-04-15', '2025-12-31'];
    expect([...days].sort().map(shardOf)).toEqual([...days].map(shardOf).sort());
  });

  it('shows the newest matches first and stops early for a common word, saying the totals are at least', async () => {
    const rows = memory();
    const engine = new SearchEngine();
    // 150 matching notes in each of four months, newest in 2026-11.
    const ms = ['2025-02-10', '2025-05-10', '2026-08-10', '2026-11-10'].flatMap((date, q) =>
      Array.from({ length: 150 }, (_, i) => meeting(`q${q}-${i}`, { date, sharedNotes: `rollout status ${i}` })),
    );
    rows.put('meetings', ms);
    engine.putRows('meetings', ms);
    const [notes] = await engine.search('rollout', {}, 5, rows.load);
    expect(notes!.hits.every((h) => h.date === '2026-11-10')).toBe(true);
    expect(notes).toMatchObject({ totalAtLeast: true });
    // Only the newest month was read: it alone had plenty.
    expect(notes!.total).toBe(150);
    // A rare word is looked for in every month, and its total is exact.
    engine.putRows('meetings', [meeting('old', { date: '2021-01-05', sharedNotes: 'kestrel rollout' })]);
    rows.put('meetings', [meeting('old', { date: '2021-01-05', sharedNotes: 'kestrel rollout' })]);
    const [rare] = await engine.search('kestrel', {}, 5, rows.load);
    expect(rare).toMatchObject({ total: 1, hits: [{ recordId: 'old' }] });
    expect(rare!.totalAtLeast).toBeUndefined();
    // A date range reads only its months, newest first.
    const [ranged] = await engine.search('rollout', { from: '2025-01-01', to: '2025-06-30' }, 500, rows.load);
    expect(new Set(ranged!.hits.map((h) => h.date))).toEqual(new Set(['2025-05-10']));
    const [oldest] = await engine.search('rollout', { from: '2025-01-01', to: '2025-03-31' }, 500, rows.load);
    expect(oldest).toMatchObject({ total: 150 });
    expect(oldest!.totalAtLeast).toBeUndefined();
  });

  it('moves a record to its new month when its date changes', async () => {
    const rows = memory();
    const engine = new SearchEngine();
    rows.put('meetings', [meeting('m1', { date: '2024-01-10', sharedNotes: 'heron' })]);
    engine.putRows('meetings', [meeting('m1', { date: '2024-01-10', sharedNotes: 'heron' })]);
    rows.put('meetings', [meeting('m1', { date: '2026-07-01', sharedNotes: 'heron' })]);
    engine.putRows('meetings', [meeting('m1', { date: '2026-07-01', sharedNotes: 'heron' })]);
    const [g] = await engine.search('heron', {}, 5, rows.load);
    expect(g).toMatchObject({ total: 1, hits: [{ date: '2026-07-01' }] });
    expect(engine.documentCount).toBe(1);
  });
});

describe("Dexie's change notices", () => {
  it('name the rows each write touched, and a bulk write names the whole table', async () => {
    const name = `search-${crypto.randomUUID()}`;
    const db = new TrellisDatabase(name);
    const repos = createRepositories(db);
    const seen: Map<string, { ids: Set<string>; all: boolean }>[] = [];
    const listener = (parts: Record<string, unknown>) => void seen.push(tableChanges(parts, name));
    Dexie.on('storagemutated', listener);
    try {
      const alex = await repos.people.create({ name: 'Alex' });
      expect(seen.at(-1)?.get('people')).toEqual({ ids: new Set([alex.id]), all: false });
      await db.actionItems.bulkPut(
        Array.from({ length: 60 }, (_, i) => ({
          id: `a${i}`,
          personId: alex.id,
          meetingId: 'm',
          text: 'x',
          owner: 'me' as const,
          done: false,
          open: 1 as const,
          createdAt: 'x',
          updatedAt: 'x',
        })),
      );
      expect(seen.at(-1)?.get('actionItems')?.all).toBe(true);
      await db.people.delete(alex.id);
      expect(seen.at(-1)?.get('people')).toEqual({ ids: new Set([alex.id]), all: false });
      // Another database's notices are not ours.
      expect(tableChanges({ 'idb://other/people/': { from: 'x', to: 'x', d: 1 } }, name).size).toBe(0);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
      db.close();
    }
  });
});

// Keeps the doc type honest for the registry test above.
export type _Doc = SearchDoc;
