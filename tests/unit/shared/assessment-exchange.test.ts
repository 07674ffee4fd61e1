import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { exportSelfAssessment, type ImportContext, importedAssessmentId, importSelfAssessment } from '../../../shared/domain/assessment-exchange';
import type { Assessment, Rating } from '../../../shared/domain/assessments';
import { exchangeFileText, sealExchange } from '../../../shared/evidence/exchange';
import { canariesIn, canary } from '../../support/canary';

const hash1 = '1'.repeat(64);
const hash2 = '2'.repeat(64);
const ladder = { ladderId: 'support', version: '1.0.0', hash: hash1 };
const now = new Date('2026-11-20T10:00:00Z');

function assessment(over: Partial<Assessment> = {}): Assessment {
  const ratings: Rating[] = [
    {
      ref: { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-a' },
      value: 'skilled',
      comment: 'Split the billing module',
      evidence: [],
    },
    {
      ref: { ladderId: 'support', competencyId: 'oncall', levelId: 'S2' },
      notApplicable: { reason: 'No rotation' },
      comment: '',
      evidence: [{ type: 'url', url: 'https://example.com/pr/1', title: 'PR' }],
    },
  ];
  return {
    id: 'a1',
    personId: 'engineer-local-id',
    date: '2026-12-31',
    visibility: 'shareable',
    criteria: ratings.map((r) => r.ref),
    competencyIds: ['code', 'oncall'],
    kind: 'self',
    ladder,
    trackId: 'ic',
    levelId: 'S2',
    period: { from: '2026-07-01', to: '2026-12-31' },
    status: 'finished',
    revision: 1,
    chainId: 'a1',
    ratings,
    summary: 'A good half',
    privateNotes: canary('privateNotes'),
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-02T09:00:00Z',
    finishedAt: '2026-11-02T09:00:00Z',
    ...over,
  };
}

const person = { name: 'Alex Rivera', email: 'alex@example.com' };

function context(over: Partial<ImportContext> = {}): ImportContext {
  return {
    person: { id: 'manager-side-id', name: 'Alex Rivera', email: 'Alex@Example.com' },
    storedVersions: [{ hash: hash1, version: '1.0.0' }],
    ladderName: 'Support',
    currentHash: hash1,
    alreadyImported: () => false,
    now,
    ...over,
  };
}

async function fileOf(a: Assessment = assessment()): Promise<string> {
  const out = await exportSelfAssessment({ assessment: a, person, exporterVersion: '0.1.0', now });
  if (!out.ok) throw new Error(out.message);
  return out.text;
}

describe('exporting a self-assessment', () => {
  it('writes an exchange file with the frozen ladder and no private field', async () => {
    const text = await fileOf();
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toMatchObject({ format: 'trellis.self-assessment', formatVersion: 1, exporter: { app: 'Trellis', version: '0.1.0' }, ladder });
    expect(canariesIn(text)).toEqual([]);
    expect(text).not.toContain('privateNotes');
    expect(text).not.toContain('engineer-local-id');
  });

  it('refuses drafts, manager assessments and private ones', async () => {
    const refused = async (a: Assessment) => {
      const out = await exportSelfAssessment({ assessment: a, person, exporterVersion: '0.1.0', now });
      return out.ok ? null : out.message;
    };
    expect(await refused(assessment({ status: 'draft', finishedAt: undefined }))).toBe('Finish the self-assessment before exporting it.');
    expect(await refused(assessment({ kind: 'manager' }))).toBe('Only a self-assessment can be exported as a self-assessment file.');
    expect(await refused(assessment({ visibility: 'private' }))).toBe('This assessment is private: it never leaves this computer.');
  });
});

describe('importing a self-assessment', () => {
  it('stores it for the manager’s person, finished, frozen against the same ladder version', async () => {
    const out = await importSelfAssessment(await fileOf(), context());
    expect(out.status).toBe('ready');
    if (out.status !== 'ready') return;
    expect(out.warnings).toEqual([]);
    expect(out.assessment).toMatchObject({
      personId: 'manager-side-id',
      kind: 'self',
      status: 'finished',
      ladder,
      privateNotes: '',
      revision: 1,
      chainId: 'imported:a1',
    });
    expect(out.assessment.ratings).toEqual(assessment().ratings);
    expect(out.assessment.importedFrom).toMatchObject({ personName: 'Alex Rivera', personEmail: 'alex@example.com', exporterVersion: '0.1.0' });
    expect(out.assessment.id).toBe(importedAssessmentId(out.assessment.importedFrom!.sha256));
  });

  it('does nothing the second time', async () => {
    const text = await fileOf();
    const out = await importSelfAssessment(
      text,
      context({ alreadyImported: (sha) => importedAssessmentId(sha) === importedAssessmentId(JSON.parse(text).sha256) }),
    );
    expect(out).toEqual({ status: 'duplicate', message: 'This self-assessment (revision 1) was imported already; nothing changed.' });
  });

  it('refuses a changed file, another person, an unknown ladder or version, and a malformed file, each with its reason', async () => {
    const text = await fileOf();
    const reason = async (t: string, ctx: ImportContext = context()) => {
      const out = await importSelfAssessment(t, ctx);
      return out.status === 'refused' ? [out.code, out.message] : [out.status];
    };
    expect(await reason(text.replace('Split the billing module', 'Split the billing modules'))).toEqual([
      'changed',
      'This self-assessment file was changed after it was exported: its content no longer matches its sha256.',
    ]);
    expect(await reason(text, context({ person: { id: 'p', name: 'Sam Lee', email: 'sam@example.com' } }))).toEqual([
      'other-person',
      "This self-assessment is by Alex Rivera <alex@example.com>, not by Sam Lee <sam@example.com>. Import it on that person's page.",
    ]);
    expect(await reason(text, context({ person: { id: 'p', name: 'Alex Rivera' } }))).toEqual(['ready']);
    expect(await reason(text, context({ person: { id: 'p', name: 'Sam Lee' } }))).toEqual([
      'other-person',
      "This self-assessment is by Alex Rivera <alex@example.com>, not by Sam Lee. Import it on that person's page.",
    ]);
    expect(await reason(text, context({ storedVersions: [], ladderName: null }))).toEqual([
      'unknown-ladder',
      'This self-assessment was made against the ladder "support", which this Trellis does not have. Add that ladder to your ladders folder, then import again.',
    ]);
    expect(await reason(text, context({ storedVersions: [{ hash: hash2, version: '2.0.0' }], currentHash: hash2 }))).toEqual([
      'unknown-version',
      'This self-assessment was made against Support version 1.0.0 (content 111111111111), which this Trellis has never had (it knows 2.0.0). Ask for a file made against your version, or open that version of the ladder here first.',
    ]);
    expect((await reason('{"format": '))[0]).toBe('not-json');
    expect(await reason('{"format": "trellis.self-assessment"}')).toEqual([
      'not-an-exchange-file',
      'This is not a Trellis self-assessment file: formatVersion is missing or wrong.',
    ]);
    const other = exchangeFileText(
      await sealExchange({ format: 'trellis.packet', formatVersion: 1, exporterVersion: '0.1.0', exportedAt: now.toISOString(), ladder }, {}),
    );
    expect(await reason(other)).toEqual(['wrong-format', 'This file is a trellis.packet file, not a self-assessment file.']);
    const bad = exchangeFileText(
      await sealExchange(
        { format: 'trellis.self-assessment', formatVersion: 1, exporterVersion: '0.1.0', exportedAt: now.toISOString(), ladder },
        { person, assessment: { id: 'x' } },
      ),
    );
    expect((await reason(bad))[0]).toBe('invalid-content');
  });

  it('warns, and keeps it frozen, when the ladder in use is a newer version', async () => {
    const out = await importSelfAssessment(
      await fileOf(),
      context({
        storedVersions: [
          { hash: hash2, version: '2.0.0' },
          { hash: hash1, version: '1.0.0' },
        ],
        currentHash: hash2,
      }),
    );
    expect(out.status === 'ready' && out.warnings).toEqual([
      'It was made against Support version 1.0.0; the ladder in use is 2.0.0. It stays frozen against 1.0.0 and shows what changed.',
    ]);
    expect(out.status === 'ready' && out.assessment.ladder).toEqual(ladder);
  });
});

const text = fc.string({ maxLength: 40 });
const ratingArb: fc.Arbitrary<Rating> = fc.record({
  ref: fc.record({
    ladderId: fc.constant('support'),
    competencyId: fc.constantFrom('code', 'comms', 'oncall'),
    levelId: fc.constant('S2'),
    criterionId: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), { nil: undefined }),
  }),
  value: fc.option(fc.oneof(fc.constantFrom('learning', 'skilled'), fc.integer({ min: 1, max: 5 })), { nil: undefined }),
  notApplicable: fc.option(fc.record({ reason: text }), { nil: undefined }),
  comment: text,
  evidence: fc.array(fc.record({ type: fc.constant('url' as const), url: fc.webUrl({ validSchemes: ['https'] }).filter((u) => !/\s/.test(u)), title: text }), {
    maxLength: 2,
  }),
});

function clean(r: Rating): Rating {
  const out = { ...r, ref: { ...r.ref } };
  if (out.ref.criterionId === undefined) delete out.ref.criterionId;
  if (out.value === undefined) delete out.value;
  if (out.notApplicable === undefined) delete out.notApplicable;
  return out;
}

describe('exchange round trip (property)', () => {
  it('export then import gives back exactly the ratings, period, level and summary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ratingArb, { maxLength: 6 }), text, fc.integer({ min: 1, max: 9 }), async (ratings, summary, revision) => {
        const original = assessment({ ratings: ratings.map(clean), summary, revision });
        const out = await importSelfAssessment(await fileOf(original), context());
        expect(out.status).toBe('ready');
        if (out.status !== 'ready') return;
        const { ratings: r, summary: s, period, levelId, trackId, revision: rev, finishedAt, ladder: l } = out.assessment;
        expect({ r, s, period, levelId, trackId, rev, finishedAt, l }).toEqual({
          r: original.ratings,
          s: original.summary,
          period: original.period,
          levelId: original.levelId,
          trackId: original.trackId,
          rev: original.revision,
          finishedAt: original.finishedAt,
          l: original.ladder,
        });
      }),
      { numRuns: 60 },
    );
  });

  it('detects any single changed byte: refused, or (a whitespace-only change) warned about', async () => {
    const bytes = new TextEncoder().encode(await fileOf());
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, delta) => {
        const changed = bytes.slice();
        changed[at] = (changed[at]! + delta) % 256;
        const out = await importSelfAssessment(new TextDecoder().decode(changed), context());
        if (out.status === 'ready')
          expect(out.warnings).toContain('The file’s layout was changed after it was exported; its content still matches its sha256.');
        else expect(out.status).toBe('refused');
      }),
      { numRuns: 300 },
    );
  });
});
