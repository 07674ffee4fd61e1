/**
 * Properties of resolution on generated valid ladders: every track × competency × level has exactly
 * one cell; an inherited cell copies the nearest explicit cell below it on its track; a cell
 * written in the file is "defined" (or "not-applicable") at its own level.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { cellFor, checkLadder } from '../../../shared/ladder';

const ladderArb = fc
  .record({
    trunk: fc.integer({ min: 1, max: 4 }),
    tracks: fc.array(fc.record({ own: fc.integer({ min: 0, max: 3 }), forkAt: fc.nat() }), { minLength: 1, maxLength: 3 }),
    competencies: fc.array(
      fc.record({
        cells: fc.array(fc.constantFrom('criteria', 'na', 'omit'), { minLength: 16, maxLength: 16 }),
        restrict: fc.option(fc.nat(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ trunk, tracks, competencies }) => {
    const trunkIds = Array.from({ length: trunk }, (_, i) => `T${i + 1}`);
    const levels: object[] = trunkIds.map((id, i) => ({ id, title: `Trunk ${i + 1}`, summary: 'Shared level.', rank: i + 1 }));
    const trackDefs = tracks.map((t, ti) => {
      const forksAfter = trunkIds[t.forkAt % trunk]!;
      for (let j = 0; j < t.own; j++) levels.push({ id: `K${ti}-${j}`, track: `track${ti}`, title: `Own ${j}`, summary: 'Track level.' });
      return { id: `track${ti}`, name: `Track ${ti}`, forksAfter };
    });
    const allLevelIds = levels.map((l) => (l as { id: string }).id);
    const comps = competencies.map((c, ci) => {
      const cells: Record<string, object> = {};
      allLevelIds.forEach((levelId, li) => {
        const kind = c.cells[li % 16];
        if (kind === 'criteria') cells[levelId] = { criteria: `C${ci} at ${levelId}`, examples: [`E${ci} ${levelId}`] };
        if (kind === 'na') cells[levelId] = { notApplicable: true };
      });
      const tracksFor = c.restrict === undefined ? undefined : [trackDefs[c.restrict % trackDefs.length]!.id];
      return { id: `comp${ci}`, name: `Comp ${ci}`, category: 'cat', ...(tracksFor ? { tracks: tracksFor } : {}), levels: cells };
    });
    return {
      id: 'generated',
      name: 'Generated',
      version: '1',
      changelog: [{ version: '1', summary: 'Generated.' }],
      scales: [{ id: 's', name: 'S', min: 1, max: 3 }],
      tracks: trackDefs,
      levels,
      categories: [{ id: 'cat', name: 'Cat' }],
      competencies: comps,
    };
  });

describe('resolved cells', () => {
  it('follow the inheritance rules on every generated ladder', () => {
    fc.assert(
      fc.property(ladderArb, (file) => {
        const result = checkLadder({ path: 'g.yaml', text: stringify(file) });
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const ladder = result.ladder!;
        let expectedCells = 0;
        for (const track of ladder.tracks) {
          for (const comp of file.competencies) {
            const applies = !comp.tracks || comp.tracks.includes(track.id);
            expectedCells += applies ? track.levelIds.length : 0;
            if (!applies) continue;
            let below: string | undefined;
            for (const levelId of track.levelIds) {
              const own = (comp.levels as Record<string, { criteria?: string; notApplicable?: boolean }>)[levelId];
              const cell = cellFor(ladder, track.id, comp.id, levelId)!;
              if (own) {
                expect(cell.status).toBe(own.notApplicable ? 'not-applicable' : 'defined');
                expect(cell.inheritedFromLevelId).toBeUndefined();
                if (own.criteria) expect(cell.criteria).toBe(own.criteria);
                below = levelId;
              } else if (below === undefined) {
                expect(cell.status).toBe('missing');
              } else {
                expect(cell.inheritedFromLevelId).toBe(below);
                const from = cellFor(ladder, track.id, comp.id, below)!;
                expect(cell.criteria).toBe(from.criteria);
                expect(cell.status).toBe(from.status === 'not-applicable' ? 'not-applicable' : 'inherited');
              }
            }
          }
        }
        expect(ladder.cells).toHaveLength(expectedCells);
        const missingWarnings = result.problems.filter((p) => p.code === 'missing-cell').length;
        expect(missingWarnings > 0).toBe(ladder.cells.some((c) => c.status === 'missing'));
      }),
      { numRuns: 150 },
    );
  });
});
