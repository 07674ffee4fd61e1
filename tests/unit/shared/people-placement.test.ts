/**
 * People on the ladder: the stored shape, reading a level written as text (an HR file's Level
 * column) as a place on the ladder, and the People CSV carrying it both ways.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { detectMapping, type PlaceOnLadder, planImport } from '../../../shared/domain/people-csv';
import { parseCsv, peopleToCsv } from '../../../shared/domain/people-csv-file';
import { type Person, personInputSchema, personSchema } from '../../../shared/domain/person';
import { matchLevel } from '../../../shared/domain/placement-match';
import { checkLadder, checkPlacement, type Ladder, placementOptions } from '../../../shared/ladder';

const fixtures = path.join(import.meta.dirname, '../../fixtures/ladders/app');
const readInclude = (_from: string, include: string) => {
  try {
    return { path: path.join(fixtures, include), text: readFileSync(path.join(fixtures, include), 'utf8') };
  } catch {
    return null;
  }
};
function team(text = readFileSync(path.join(fixtures, 'team.yaml'), 'utf8')): Ladder {
  const check = checkLadder({ path: path.join(fixtures, 'team.yaml'), text }, readInclude);
  if (!check.ladder) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
  return check.ladder;
}
const ladder = team();
const against = { ladderId: 'team', version: ladder.version, hash: 'a'.repeat(64) };
const placeOn: PlaceOnLadder = { against, options: placementOptions(ladder) };

describe('the stored placement', () => {
  it('is optional: people stored before ladders still read, with their free-text track and level', () => {
    const old = { id: 'p1', name: 'Ana', track: 'engineering', level: 'E4', managerId: null, archived: false, createdAt: 'x', updatedAt: 'x' };
    expect(personSchema.parse(old)).toEqual(old);
  });

  it('is ids of a ladder, track and level plus the version it was made against, and nothing else', () => {
    const placement = { ladderId: 'team', trackId: 'ic', levelId: 'L3', against };
    expect(personInputSchema.parse({ name: 'Ana', placement }).placement).toEqual(placement);
    expect(personInputSchema.parse({ name: 'Ana', placement: null }).placement).toBeUndefined();
    expect(personInputSchema.safeParse({ name: 'Ana', placement: { ...placement, levelId: '../x' } }).success).toBe(false);
    expect(personInputSchema.safeParse({ name: 'Ana', placement: { ...placement, extra: 1 } }).success).toBe(false);
    expect(personInputSchema.safeParse({ name: 'Ana', placement: { ...placement, against: { ...against, ladderId: 'other' } } }).success).toBe(false);
  });
});

describe('matchLevel', () => {
  const options = placementOptions(ladder);
  it('reads a level by id or title, in any case, on the track that has it', () => {
    expect(matchLevel(options, 'L3')).toEqual({ trackId: 'ic', levelId: 'L3', title: 'Senior Engineer' });
    expect(matchLevel(options, '  senior   engineer ')).toMatchObject({ levelId: 'L3' });
    expect(matchLevel(options, 'Engineering Manager')).toEqual({ trackId: 'mgr', levelId: 'M4', title: 'Engineering Manager' });
    expect(matchLevel(options, 'Staff Engineer')).toMatchObject({ trackId: 'ic', levelId: 'L4' });
  });
  it('prefers the track a track column names when several tracks have the level', () => {
    expect(matchLevel(options, 'L2', 'Engineering Management')).toMatchObject({ trackId: 'mgr', levelId: 'L2' });
    expect(matchLevel(options, 'L2', 'mgr')).toMatchObject({ trackId: 'mgr' });
    expect(matchLevel(options, 'L2')).toMatchObject({ trackId: 'ic' });
  });
  it('guesses nothing: text that names no level stays text', () => {
    expect(matchLevel(options, 'E4')).toBeNull();
    expect(matchLevel(options, '')).toBeNull();
    expect(matchLevel(options, undefined)).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), (text, hint) => {
        const match = matchLevel(options, text, hint);
        if (match) expect(checkPlacement(ladder, { ladderId: 'team', ...match }).ok).toBe(true);
      }),
    );
  });
});

describe('People CSV and the ladder', () => {
  const csv = [
    'Name,Email,Track,Level',
    'Ana,ana@example.com,Engineering Management,L2',
    'Bo,bo@example.com,,Senior Engineer',
    'Cy,cy@example.com,engineering,E4',
  ].join('\n');
  const planned = (text: string, existing: Person[] = []) => {
    const table = parseCsv(text);
    let n = 0;
    return planImport(table, detectMapping(table.headers), existing, () => `id-${++n}`, { placeOn });
  };

  it('places a row whose Level names a level of the chosen ladder, and keeps the others as free text', () => {
    const plan = planned(csv);
    expect(plan.problems).toEqual([]);
    const byName = new Map(plan.people.map((p) => [p.fields.name, p.fields]));
    expect(byName.get('Ana')!.placement).toEqual({ ladderId: 'team', trackId: 'mgr', levelId: 'L2', against });
    // A track of the ladder in the Track column is the placement's track, not an error about the old free-text tracks.
    expect(byName.get('Ana')!.track).toBeUndefined();
    expect(byName.get('Bo')!.placement).toMatchObject({ trackId: 'ic', levelId: 'L3' });
    expect(byName.get('Cy')!.placement).toBeUndefined();
    expect(byName.get('Cy')).toMatchObject({ track: 'engineering', level: 'E4' });
  });

  it('without a chosen ladder, imports exactly as before', () => {
    const table = parseCsv(csv);
    const plan = planImport(table, detectMapping(table.headers), [], () => 'x');
    expect(plan.problems).toEqual([]);
    expect(plan.people.map((p) => [p.fields.track, p.fields.level, p.fields.placement])).toEqual([
      ['management', 'L2', undefined],
      [undefined, 'Senior Engineer', undefined],
      ['engineering', 'E4', undefined],
    ]);
  });

  it('exports a placed person’s level id, so importing the file again places them on the same level', () => {
    const plan = planned(csv);
    const people = plan.people.map((p): Person => ({ ...p.fields, id: p.id, archived: false, createdAt: 'x', updatedAt: 'x' }));
    const exported = peopleToCsv(people);
    expect(exported.split('\r\n')[1]).toContain(',L2,');
    const again = planned(exported, people);
    expect(again.problems).toEqual([]);
    // Rows that changed (Bo's level text is now the id) keep their place; the others are unchanged.
    const after = people.map((p) => again.people.find((x) => x.id === p.id)?.fields.placement ?? p.placement);
    expect(after).toEqual(people.map((p) => p.placement));
    expect(again.created).toBe(0);
  });
});

describe('a placement after the ladder changed (what the People screen flags)', () => {
  it('finds the renamed level through the version the person was placed against', () => {
    const renamed = team(readFileSync(path.join(fixtures, 'team.yaml'), 'utf8').replace(/\bL3\b/g, 'S3'));
    const check = checkPlacement(renamed, { ladderId: 'team', trackId: 'ic', levelId: 'L3' }, ladder);
    expect(check).toMatchObject({ ok: false, problem: 'unknown-level', suggestions: [{ trackId: 'ic', levelId: 'S3', why: 'same-title' }] });
  });
});
