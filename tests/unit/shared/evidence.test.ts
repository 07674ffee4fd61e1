import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { meetingFile } from '../../../shared/domain/markdown-export';
import type { Meeting } from '../../../shared/domain/meetings';
import {
  canonicalJson,
  competencyIdsOf,
  coverage,
  criterionRefSchema,
  exchangeFileText,
  lastQuarters,
  openExchange,
  privacyPolicies,
  quarterOf,
  sealExchange,
  sha256Hex,
  shareable,
  shareableRecords,
  withCompetencyIds,
} from '../../../shared/evidence';
import { canariesIn, canary } from '../../support/canary';

const ladder = { ladderId: 'engineering', version: '2.1.0', hash: 'a'.repeat(64) };
const header = { format: 'trellis.self-assessment', formatVersion: 1, exporterVersion: '0.2.0', exportedAt: '2026-12-01T10:00:00.000Z', ladder };
const expected = { format: 'trellis.self-assessment', maxFormatVersion: 1, content: z.object({ ratings: z.array(z.number()) }), label: 'self-assessment' };

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    personId: 'p1',
    seriesId: null,
    kind: 'one-on-one',
    date: '2026-11-02',
    agenda: [],
    sharedNotes: 'Talked about the roadmap.',
    privateNotes: canary('privateNotes'),
    tags: [],
    createdAt: '2026-11-02T10:00:00Z',
    updatedAt: '2026-11-02T10:00:00Z',
    ...overrides,
  };
}

describe('criterion references', () => {
  it('take ids from the ladder file, never free text', () => {
    expect(criterionRefSchema.safeParse({ ladderId: 'engineering', competencyId: 'code-quality', levelId: 'L3', criterionId: 'cq-l3-tests' }).success).toBe(
      true,
    );
    expect(criterionRefSchema.safeParse({ ladderId: 'engineering', competencyId: 'Writes good code' }).success).toBe(false);
    expect(criterionRefSchema.safeParse({ ladderId: '../x', competencyId: 'a' }).success).toBe(false);
  });

  it('keep the competency index in step with the criteria', () => {
    const criteria = [
      { ladderId: 'e', competencyId: 'a' },
      { ladderId: 'e', competencyId: 'b', levelId: 'L2' },
      { ladderId: 'e', competencyId: 'a', criterionId: 'x' },
    ];
    expect(competencyIdsOf(criteria)).toEqual(['a', 'b']);
    expect(withCompetencyIds({ criteria, competencyIds: ['stale'] }).competencyIds).toEqual(['a', 'b']);
  });
});

describe('privacy', () => {
  it('drops private fields from a copy, leaving the stored record as it was', () => {
    const m = meeting();
    expect(shareable('meetings', m)).not.toHaveProperty('privateNotes');
    expect(canariesIn(JSON.stringify(shareable('meetings', m)))).toEqual([]);
    expect(m.privateNotes).toBe(canary('privateNotes'));
  });

  it('every policy names only fields its rows can have, and shareableRecords applies it to each row', () => {
    for (const [table, policy] of Object.entries(privacyPolicies)) {
      expect(new Set(policy.privateFields).size, table).toBe(policy.privateFields.length);
    }
    expect(shareableRecords('meetings', [meeting(), meeting({ id: 'm2' })]).map((m) => 'privateNotes' in m)).toEqual([false, false]);
  });

  it('the Markdown notes export goes through it: no canary, ever', () => {
    const person = { name: 'Alex' };
    const file = meetingFile(meeting(), person, []);
    expect(canariesIn(`${file.name}\n${file.content}`)).toEqual([]);
  });
});

describe('exchange files', () => {
  it('canonical JSON does not depend on key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('sha256 matches the known digest', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('round-trips exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }), async (ratings) => {
        const text = exchangeFileText(await sealExchange(header, { ratings }));
        const opened = await openExchange(text, expected);
        expect(opened.ok && opened.content).toEqual({ ratings });
      }),
      { numRuns: 50 },
    );
  });

  it('any single changed byte is detected (or makes the file unreadable)', async () => {
    const text = exchangeFileText(await sealExchange(header, { ratings: [1, 2, 3] }));
    const original = await openExchange(text, expected);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 32, max: 126 }), async (at, code) => {
        const changed = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
        fc.pre(changed !== text);
        const opened = await openExchange(changed, expected);
        // A change only in layout (whitespace between tokens) keeps the same data: that is not a change of content.
        if (opened.ok) expect(opened.envelope).toEqual(original.ok && original.envelope);
        else expect(opened.problem.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });

  it('names the reason: not JSON, another format, a newer version, changed, bad content', async () => {
    const sealed = await sealExchange(header, { ratings: [1] });
    const open = (value: unknown) => openExchange(typeof value === 'string' ? value : JSON.stringify(value), expected);
    const problem = async (value: unknown) => {
      const r = await open(value);
      return r.ok ? 'ok' : r.problem.code;
    };
    expect(await problem('{"format": ')).toBe('not-json');
    expect(await problem({ hello: 'world' })).toBe('not-an-exchange-file');
    expect(await problem({ ...sealed, format: 'trellis.packet' })).toBe('wrong-format');
    expect(await problem(await sealExchange({ ...header, formatVersion: 2 }, { ratings: [1] }))).toBe('newer-format');
    expect(await problem({ ...sealed, content: { ratings: [2] } })).toBe('changed');
    expect(await problem(await sealExchange(header, { ratings: ['x'] }))).toBe('invalid-content');
    const notJson = await open('{\n  "format": 1,\n}');
    expect(!notJson.ok && notJson.problem.message).toMatch(/line 3, column/);
  });
});

describe('coverage', () => {
  it('counts entries per competency and quarter, zeros included', () => {
    expect(quarterOf('2026-11-30')).toBe('2026-Q4');
    expect(lastQuarters('2026-02-10', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    const item = (date: string, competencyIds: string[], kind: 'win' | 'feedback' = 'win') => ({
      kind,
      id: date,
      personId: 'p',
      date,
      visibility: 'shareable' as const,
      competencyIds,
      title: '',
    });
    const cells = coverage(
      [item('2026-01-05', ['a']), item('2026-02-05', ['a', 'b'], 'feedback'), item('2024-01-01', ['a'])],
      ['a', 'b'],
      ['2025-Q4', '2026-Q1'],
    );
    expect(cells).toEqual([
      { competencyId: 'a', quarter: '2025-Q4', count: 0, byKind: {} },
      { competencyId: 'a', quarter: '2026-Q1', count: 2, byKind: { win: 1, feedback: 1 } },
      { competencyId: 'b', quarter: '2025-Q4', count: 0, byKind: {} },
      { competencyId: 'b', quarter: '2026-Q1', count: 1, byKind: { feedback: 1 } },
    ]);
  });
});
