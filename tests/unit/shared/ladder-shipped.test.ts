import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { checkLadderFile } from '../../../electron/services/ladder-files';
import { builtInScale, cellFor, checkLadder, derivedCriterionId, expectedStep, ladderSchema, limits, progressionOf } from '../../../shared/ladder';

const dir = path.join(import.meta.dirname, '../../../ladders');
const ladderFiles = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const sharedFiles = readdirSync(path.join(dir, 'shared')).map((f) => `shared/${f}`);

describe('shipped ladders', () => {
  it('cover engineering (IC + management), product and design', () => {
    expect(ladderFiles.sort()).toEqual(['design.yaml', 'engineering.yaml', 'product.yaml']);
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(dir, 'ladder.schema.json'), 'utf8')) as object);
  it.each([...ladderFiles, ...sharedFiles])('%s passes the generated JSON schema', (file) => {
    const valid = validate(parse(readFileSync(path.join(dir, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects what editors should underline: a misspelt key, a missing title, a cell with both criteria and notApplicable', () => {
    const fixtures = path.join(import.meta.dirname, '../../fixtures/ladders');
    expect(validate(parse(readFileSync(path.join(fixtures, 'valid-small.yaml'), 'utf8')))).toBe(true);
    for (const broken of ['unknown-key.yaml', 'missing-required.yaml', 'wrong-type.yaml']) {
      expect(validate(parse(readFileSync(path.join(fixtures, 'broken', broken), 'utf8'))), broken).toBe(false);
    }
    const both = parse(readFileSync(path.join(fixtures, 'valid-small.yaml'), 'utf8')) as { competencies: Array<{ levels: Record<string, object> }> };
    both.competencies[0]!.levels.L1 = { criteria: 'x', notApplicable: true };
    expect(validate(both)).toBe(false);
  });

  it.each(ladderFiles)('%s has no problems and a complete matrix on every track', (file) => {
    const check = checkLadderFile(path.join(dir, file))!;
    expect(check.problems).toEqual([]);
    const ladder = ladderSchema.parse(check.ladder);
    for (const track of ladder.tracks) {
      expect(track.levelIds.length).toBeGreaterThanOrEqual(6);
      const onTrack = ladder.competencies.filter((c) => c.trackIds.includes(track.id));
      const assessed = onTrack.filter((c) => track.levelIds.some((l) => cellFor(ladder, track.id, c.id, l)?.status !== 'not-applicable'));
      expect(assessed.length).toBeGreaterThanOrEqual(8);
      expect(new Set(assessed.map((c) => c.categoryId)).size).toBeGreaterThanOrEqual(3);
      for (const competency of onTrack) {
        for (const levelId of track.levelIds) {
          const cell = cellFor(ladder, track.id, competency.id, levelId)!;
          expect(cell.status, `${track.id}/${competency.id}/${levelId}`).not.toBe('missing');
          if (cell.status === 'not-applicable') expect(cell.reason, `${track.id}/${competency.id}/${levelId}`).toBeTruthy();
          else {
            expect(cell.criteria.length, `${track.id}/${competency.id}/${levelId}`).toBeGreaterThan(20);
            expect(cell.examples.length, `${track.id}/${competency.id}/${levelId}`).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it('engineering uses criteria items with ids, expects and progression', () => {
    const ladder = checkLadderFile(path.join(dir, 'engineering.yaml'))!.ladder!;
    expect(progressionOf(ladder, 'ic')).toBe('cumulative');
    const defined = ladder.cells.filter((c) => c.status === 'defined');
    // Every criterion (also those from shared/core.yaml) has an id written in the file.
    expect(defined.flatMap((c) => c.items ?? []).every((i) => i.idFrom === 'file')).toBe(true);
    expect(cellFor(ladder, 'ic', 'code-quality', 'L3')?.items?.[0]?.id).toBe('code-quality-l3');
    expect(cellFor(ladder, 'ic', 'eng-communication', 'L2')?.items?.[0]?.id).toBe('communication-l2');
    // The craft competencies say which step of the expertise scale each level expects.
    for (const competency of ['code-quality', 'system-design', 'operations']) {
      expect(ladder.competencies.find((c) => c.id === competency)?.scaleId).toBe('expertise');
      for (const track of ladder.tracks)
        for (const levelId of track.levelIds) {
          const cell = cellFor(ladder, track.id, competency, levelId);
          if (cell && cell.status !== 'not-applicable') expect(expectedStep(ladder, track.id, competency, levelId), `${competency} ${levelId}`).toBeDefined();
        }
    }
    expect(expectedStep(ladder, 'ic', 'system-design', 'L7')?.step?.label).toBe('Authority');
  });

  it('engineering shares a trunk L1–L4 that forks into IC and management', () => {
    const ladder = checkLadderFile(path.join(dir, 'engineering.yaml'))!.ladder!;
    const [ic, management] = ladder.tracks;
    expect(ic?.levelIds).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
    expect(management?.levelIds).toEqual(['L1', 'L2', 'L3', 'L4', 'M1', 'M2', 'M3', 'M4']);
    // Shared text comes from shared/core.yaml, not a copy.
    expect(cellFor(ladder, 'ic', 'eng-communication', 'L3')?.source?.file).toMatch(/shared[/\\]core\.yaml$/);
    expect(cellFor(ladder, 'management', 'code-quality', 'M3')).toMatchObject({ status: 'not-applicable', inheritedFromLevelId: 'M1' });
    expect(cellFor(ladder, 'management', 'people-leadership', 'L3')).toMatchObject({ status: 'not-applicable', inheritedFromLevelId: 'L1' });
  });
});

describe('docs/ladder-format.md', () => {
  it('opens with a complete example ladder that is valid', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../docs/ladder-format.md'), 'utf8');
    const example = /## A first ladder\s+```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = checkLadder({ path: 'support.yaml', text: example! });
    expect(result.problems).toEqual([]);
    expect(result.ladder?.levels.map((l) => l.id)).toEqual(['S1', 'S2']);
  });

  it('documents the derived criterion ids and the built-in scale as the checker makes them', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../docs/ladder-format.md'), 'utf8');
    expect(doc).toContain(derivedCriterionId({ ladderId: 'engineering', competencyId: 'code-quality', levelId: 'L3' }, 1));
    expect(doc).toContain(derivedCriterionId({ ladderId: 'engineering', competencyId: 'values', rank: 2 }, 1));
    for (const step of builtInScale.steps) expect(doc).toContain(`\`${step.id}\` (${step.label})`);
  });

  it('states the same limits as the checker', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../docs/ladder-format.md'), 'utf8');
    expect(doc).toContain(`${limits.maxBytes.toLocaleString('en-US')} characters`);
    expect(doc).toContain(`deeper than ${limits.maxDepth} levels`);
    expect(doc).toContain(`more than ${limits.maxAliasCount} copies`);
  });
});
