/**
 * Ladders as real companies write them, transcribed in the shapes the issue lists (texts written
 * for the fixtures, structure as the sources have it): each validates with no problem at all and
 * without data the source does not have (no level summaries, no made-up scales or versions), and
 * the structure that used to get lost is there in the resolved model.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { checkLadderFile } from '../../../electron/services/ladder-files';
import { cellFor, expectedStep, type Ladder, levelAsks, levelDelta, suggestLevel } from '../../../shared/ladder';

const dir = path.join(import.meta.dirname, '../../fixtures/ladders/real');
const load = (file: string): Ladder => {
  const check = checkLadderFile(path.join(dir, file))!;
  expect(check.problems).toEqual([]);
  return check.ladder!;
};
const text = (file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('transcribed ladders validate without invented data', () => {
  it.each(['ft-v2.yaml', 'ft-v1.yaml', 'monzo-backend.yaml', 'monzo-operations.yaml', 'snowflake.yaml', 'engineeringladders.yaml'])(
    '%s has no problems, and no summary, changelog or version the source lacks',
    (file) => {
      const ladder = load(file);
      const source = text(file);
      expect(source).not.toMatch(/^\s+summary:/m);
      expect(source).not.toMatch(/^changelog:/m);
      expect(source).not.toMatch(/^version:/m);
      // The version is the content hash, and every level still has a title to show.
      expect(ladder.versionFrom).toBe('content');
      expect(ladder.version).toMatch(/^[0-9a-f]{12}$/);
      for (const level of ladder.levels) expect(level.title.length).toBeGreaterThan(0);
    },
  );
});

describe('the JSON Schema editors use', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(path.join(dir, '../../../../ladders/ladder.schema.json'), 'utf8')) as object,
  );
  it.each([
    'ft-v2.yaml',
    'ft-v1.yaml',
    'monzo-backend.yaml',
    'shared/monzo-generic.yaml',
    'monzo-operations.yaml',
    'snowflake.yaml',
    'engineeringladders.yaml',
  ])('accepts %s, x- keys included, and rejects a misspelt key next to them', (file) => {
    const value = parse(text(file)) as Record<string, unknown>;
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...value, 'x-anything': { at: 'all' }, critera: 1 })).toBe(false);
  });
});

describe('FT v2: forking tracks with an expected proficiency per cell', () => {
  const ladder = load('ft-v2.yaml');

  it('forks after Senior Engineer 1 into IC and people-manager tracks, Technology Director on the manager track', () => {
    expect(ladder.tracks.map((t) => [t.id, t.levelIds])).toEqual([
      ['ic', ['junior', 'engineer', 'senior-1', 'senior-2-ic', 'principal-ic']],
      ['pm', ['junior', 'engineer', 'senior-1', 'senior-2-pm', 'principal-pm', 'tech-director']],
    ]);
    expect(ladder.progression).toBe('restated');
    expect(ladder.supersedes).toBe('ft-engineering-legacy');
    expect(ladder.extensions).toEqual({ 'x-ft-google-sheet-id': '1GdndpZmqWHMDnniHEHSfuHsqkh8YtpFd22KnEjz_eAM' });
  });

  it('has the expected proficiency on the FT scale, rising along each track', () => {
    expect(expectedStep(ladder, 'pm', 'planning-organising', 'tech-director')?.step?.label).toBe('Expert');
    expect(expectedStep(ladder, 'ic', 'technical', 'senior-1')?.step?.label).toBe('Working knowledge');
    expect(cellFor(ladder, 'ic', 'technical', 'junior')?.items?.map((i) => i.id)).toEqual([
      '3d2a8f74-2e3c-4c65-9b2a-5e3b7c2d9f01-1',
      '3d2a8f74-2e3c-4c65-9b2a-5e3b7c2d9f01-2',
    ]);
  });

  it('restated cells: a level asks its own cell only, and comparing shows what changed', () => {
    const asks = levelAsks(ladder, 'ic', 'technical', 'senior-2-ic');
    expect(asks.included).toEqual([]);
    expect(asks.all.map((a) => a.criterion.text)).toEqual([
      'Gives architectural guidance on projects.',
      'Compares technologies and chooses between them with the trade-offs in view.',
    ]);
    const delta = levelDelta(ladder, 'ic', 'technical', 'senior-1', 'senior-2-ic');
    expect(delta.removed).toHaveLength(2);
    expect(delta.added).toHaveLength(2);
    expect(delta.expects).toEqual({ from: 'working-knowledge', to: 'working-knowledge', change: 'same' });
  });
});

describe('FT v1: many criteria per cell, each with examples and links', () => {
  const ladder = load('ft-v1.yaml');

  it('keeps each criterion whole, under one competency per theme (no "not applicable" filler)', () => {
    expect(ladder.status).toBe('legacy');
    expect(ladder.competencies.map((c) => c.id)).toEqual(['technical', 'communication', 'delivery', 'leadership']);
    const cell = cellFor(ladder, 'engineering', 'technical', 'engineer')!;
    expect(cell.items?.map((i) => [i.id, i.examples.length, i.links.length])).toEqual([
      ['7a1c2e3f-0001-4a00-8000-000000000011', 1, 1],
      ['7a1c2e3f-0001-4a00-8000-000000000012', 0, 0],
      ['7a1c2e3f-0001-4a00-8000-000000000013', 1, 0],
    ]);
    expect(ladder.cells.filter((c) => c.status === 'not-applicable')).toEqual([]);
  });

  it('incremental: a level asks what is new at it and everything below', () => {
    const asks = levelAsks(ladder, 'engineering', 'technical', 'senior-2');
    expect(asks.own.map((a) => a.criterion.id)).toEqual(['7a1c2e3f-0001-4a00-8000-000000000031']);
    expect(asks.all).toHaveLength(9);
    // A level without its own cell adds nothing new.
    const delivery = levelAsks(ladder, 'engineering', 'delivery', 'engineer');
    expect(delivery.status).toBe('inherited');
    expect(delivery.own).toEqual([]);
    expect(delivery.included.map((a) => a.levelId)).toEqual(['junior', 'junior']);
    expect(levelDelta(ladder, 'engineering', 'delivery', 'junior', 'engineer').same).toBe(true);
  });
});

describe('Monzo backend: sparse topics and a generic framework by level number', () => {
  const ladder = load('monzo-backend.yaml');

  it('applies the generic framework to every level with that rank, and adds the framework’s own criteria to it', () => {
    expect(cellFor(ladder, 'backend', 'values', 'L4')?.criteria).toBe('Helps newcomers understand how the company works.');
    expect(cellFor(ladder, 'backend', 'communication', 'L1')?.items?.map((i) => i.text)).toEqual([
      'Says what they are working on and asks for help when stuck.',
      'Writes pull request descriptions that give the context of the change.',
    ]);
    // L2 has no "add": it replaces; L3 adds to the generic rank-3 cell.
    expect(cellFor(ladder, 'backend', 'communication', 'L2')?.items).toHaveLength(2);
    expect(cellFor(ladder, 'backend', 'communication', 'L3')?.items?.map((i) => i.writtenIn)).toEqual([
      { competencyId: 'generic-communication', rank: 3 },
      { competencyId: 'communication', levelId: 'L3' },
    ]);
  });

  it('leadership starts at level 3: not applicable below, not a gap', () => {
    expect(cellFor(ladder, 'backend', 'leadership', 'L2')).toMatchObject({ status: 'not-applicable', inheritedFromLevelId: 'L1' });
    expect(levelAsks(ladder, 'backend', 'leadership', 'L4').all.map((a) => a.levelId)).toEqual(['L4', 'L3']);
  });
});

describe('Monzo operations: two tracks whose level numbers overlap', () => {
  const ladder = load('monzo-operations.yaml');

  it('keeps the tracks apart while their ranks line up', () => {
    expect(ladder.tracks.map((t) => t.levelIds)).toEqual([
      ['ic-1', 'ic-2', 'ic-3', 'ic-4', 'ic-5'],
      ['lead-3', 'lead-4', 'lead-5', 'lead-6'],
    ]);
    const rank = (id: string) => ladder.levels.find((l) => l.id === id)!.rank;
    expect(rank('ic-3')).toBe(rank('lead-3'));
    expect(cellFor(ladder, 'ic', 'problem-ownership', 'ic-3')).toBeUndefined();
  });
});

describe('Snowflake: points per milestone, bands to levels and titles', () => {
  const ladder = load('snowflake.yaml');
  const all = (milestone: string) => Object.fromEntries(ladder.competencies.map((c) => [c.id, milestone]));

  it('has sixteen competencies in four categories, each described by its milestones', () => {
    expect(ladder.competencies).toHaveLength(16);
    expect(new Set(ladder.competencies.map((c) => c.categoryId)).size).toBe(4);
    const mobile = ladder.scales.find((s) => s.id === 'mobile-milestones')!;
    expect(mobile.steps.map((s) => s.points)).toEqual([0, 1, 3, 6, 12, 20]);
    expect(mobile.steps[1]).toMatchObject({ signals: expect.any(Array), examples: expect.any(Array) });
  });

  it('suggests the level and the titles a total of points opens, per track', () => {
    // 16 × milestone 2 (3 points) = 48 points: band 3.2, Senior Engineer or Group Lead.
    const ic = suggestLevel(ladder, 'ic', all('m2'));
    expect(ic).toMatchObject({ scored: true, total: 48, maxTotal: 320, levelId: '3', subLevelId: '3.2', titles: ['Senior Engineer'] });
    expect(ic.next).toEqual({ min: 50, levelId: '3.3', pointsNeeded: 2 });
    expect(suggestLevel(ladder, 'manager', all('m2')).titles).toEqual(['Group Lead']);
    expect(suggestLevel(ladder, 'ic', all('m0'))).toMatchObject({ total: 0, levelId: '1', subLevelId: '1.1', titles: ['Engineer I'] });
    expect(suggestLevel(ladder, 'ic', all('m5'))).toMatchObject({ total: 320, subLevelId: '5.3', titles: ['Principal Engineer'] });
    expect(suggestLevel(ladder, 'ic', {}).unrated).toHaveLength(16);
  });
});

describe('engineeringladders.com: each dimension with its own steps', () => {
  const ladder = load('engineeringladders.yaml');

  it('says which step of each axis every position expects, cumulatively', () => {
    expect(ladder.tracks.map((t) => [t.id, t.levelIds.length])).toEqual([
      ['developer', 7],
      ['tech-lead', 4],
      ['engineering-manager', 3],
    ]);
    expect(expectedStep(ladder, 'developer', 'technology', 'D4')?.step?.label).toBe('Evangelizes');
    expect(expectedStep(ladder, 'engineering-manager', 'people', 'EM5')?.step?.label).toBe('Manages');
    expect(levelDelta(ladder, 'developer', 'influence', 'D4', 'D5').expects).toEqual({ from: 'team', to: 'multiple-teams', change: 'up' });
    expect(cellFor(ladder, 'developer', 'system', 'D1')).toMatchObject({ status: 'defined', criteria: '', items: [], expects: 'enhances' });
  });
});
