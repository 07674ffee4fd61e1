import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { cellAt, cellMatches, groupsOf, indexCells, levelLabel, levelsOf, preview } from '../../../renderer/features/ladders/model';
import { checkLadder } from '../../../shared/ladder';

const folder = path.resolve(__dirname, '../../fixtures/ladders/app');
const ladder = checkLadder({ path: 'team.yaml', text: readFileSync(path.join(folder, 'team.yaml'), 'utf8') }, (_f, include) => ({
  path: include,
  text: readFileSync(path.join(folder, include), 'utf8'),
})).ladder!;

describe('ladder view model', () => {
  it('gives each track its levels and its competencies by category', () => {
    expect(levelsOf(ladder, 'mgr').map((l) => l.id)).toEqual(['L1', 'L2', 'L3', 'M4']);
    expect(groupsOf(ladder, 'ic').map((g) => [g.name, g.competencies.map((c) => c.id)])).toEqual([
      ['Craft', ['code-quality', 'design']],
      ['Delivery', ['planning']],
      ['People', ['mentoring']],
    ]);
    expect(levelLabel(ladder, 'ic', 'L4')).toBe('L4 Staff Engineer');
  });

  it('finds cells by every word, ignoring case and accents', () => {
    const index = indexCells(ladder);
    const cell = cellAt(index, 'ic', 'mentoring', 'L2')!;
    const mentoring = ladder.competencies.find((c) => c.id === 'mentoring')!;
    expect(cellMatches('PAIRING sessión', cell, mentoring, 'Engineer II')).toBe(true);
    expect(cellMatches('pairing design', cell, mentoring, 'Engineer II')).toBe(false);
    expect(cellMatches('   ', cell, mentoring, 'Engineer II')).toBe(true);
  });

  it('previews Markdown as short plain text, keeping hyphenated words', () => {
    expect(preview('- **Plans** a multi-week [project](https://x.example)\n- and more')).toBe('Plans a multi-week project and more');
    expect(preview('word '.repeat(40)).length).toBeLessThanOrEqual(90);
  });
});
