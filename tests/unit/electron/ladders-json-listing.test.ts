/** `.json` ladders are listed next to YAML ones; JSON Schemas, drafts and hidden files are not ladders. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { scanFolder } from '../../../electron/services/ladders/catalog';
import { isDraftFileName, isLadderFileName } from '../../../electron/services/ladders/files';

describe('ladder file names', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes .yaml, .yml and .json files, not schemas, drafts or hidden files', () => {
    expect(['a.yaml', 'b.yml', 'c.json', 'D.JSON'].map(isLadderFileName)).toEqual([true, true, true, true]);
    expect(['ladder.schema.json', 'a.draft.yaml', 'c.draft.json', '.a.yaml', 'notes.md', 'a.yaml.tmp'].map(isLadderFileName)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isDraftFileName('team.draft.json')).toBe(true);
  });

  it('lists a folder’s ladders', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'trellis-ladders-'));
    for (const name of ['team.json', 'eng.yaml', 'ladder.schema.json', 'eng.draft.yaml']) writeFileSync(path.join(dir, name), '{}');
    expect((await scanFolder(dir)).files).toEqual(['eng.yaml', 'team.json']);
  });
});
