import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createLaddersService, type LaddersService } from '../../../electron/services/ladders/service';
import { AppError } from '../../../shared/ipc/result';
import { cellFor } from '../../../shared/ladder';
import { eventually } from '../../support/eventually';

const fixtures = path.resolve(__dirname, '../../fixtures/ladders/app');

let root: string;
let userFolder: string;
let bundled: string;
let changes: string[][];
let service: LaddersService;

function start(): LaddersService {
  return createLaddersService({
    bundledDir: bundled,
    userDataDir: path.join(root, 'data'),
    userFolder: () => userFolder,
    onChanged: (keys) => changes.push(keys),
    debounceMs: 40,
  });
}

const quiet = (ms: number) => new Promise((r) => setTimeout(r, ms));
const team = 'user:team.yaml';

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'trellis-ladders-'));
  userFolder = path.join(root, 'mine');
  bundled = path.join(root, 'bundled');
  await mkdir(userFolder, { recursive: true });
  await cp(path.join(fixtures, 'team.yaml'), path.join(userFolder, 'team.yaml'));
  await cp(path.join(fixtures, 'parts'), path.join(userFolder, 'parts'), { recursive: true });
  await cp(fixtures, bundled, { recursive: true });
  changes = [];
  service = start();
});

afterEach(async () => {
  await service.close();
  await rm(root, { recursive: true, force: true });
});

describe('ladders service: reading', () => {
  it('answers a version asked for before anything was listed (an assessment opened first thing after a start)', async () => {
    // A service on a fresh data folder: its version store is empty until the ladders are read.
    const first = await service.list();
    const hash = first.ladders.find((l) => l.key === 'bundled:support.yaml')!.hash!;
    await service.close();
    await rm(path.join(root, 'data'), { recursive: true, force: true });
    const fresh = start();
    try {
      const stored = await fresh.versions.get('support', hash);
      expect(stored?.hash).toBe(hash);
      expect((await fresh.versions.list('support')).map((v) => v.hash)).toContain(hash);
    } finally {
      await fresh.close();
      service = start();
    }
  });

  it('lists bundled and user ladders, valid, without included parts or drafts', async () => {
    await writeFile(path.join(userFolder, 'team.draft.yaml'), 'not: a ladder');
    const list = await service.list();
    expect(list.ladders.map((l) => [l.key, l.status, l.readOnly])).toEqual([
      ['bundled:scored.yaml', 'valid', true],
      ['bundled:support.yaml', 'valid', true],
      ['bundled:team.yaml', 'valid', true],
      ['user:team.yaml', 'valid', false],
    ]);
    expect(list.ladders.find((l) => l.key === team)?.hasDraft).toBe(true);
  });

  it('does not list a shared file at the top of the folder as a ladder', async () => {
    await cp(path.join(fixtures, 'parts', 'scales.yaml'), path.join(userFolder, 'scales.yaml'));
    await writeFile(path.join(userFolder, 'broken.yaml'), 'id: broken\nname: [oops\n');
    const keys = (await service.list()).ladders.map((l) => l.key);
    expect(keys).not.toContain('user:scales.yaml');
    expect(keys).toContain('user:broken.yaml');
  });

  it('creates the user folder on first use', async () => {
    userFolder = path.join(root, 'new', 'ladders');
    await service.list();
    expect(await readdir(userFolder)).toEqual([]);
  });
});

describe('ladders service: watching the user folder', () => {
  it('reloads a file changed on disk and reports it once', async () => {
    await service.list();
    const text = await readFile(path.join(userFolder, 'team.yaml'), 'utf8');
    await writeFile(path.join(userFolder, 'team.yaml'), text.replace('Breaks a task into steps', 'Splits a task into steps'));
    await eventually(() => expect(changes).toEqual([[team]]));
    const detail = await service.get(team);
    expect(cellFor(detail.ladder!, 'ic', 'planning', 'L1')?.criteria).toMatch(/^Splits a task/);
  });

  it("follows an editor's rename-on-save (unlink + add)", async () => {
    await service.list();
    const file = path.join(userFolder, 'team.yaml');
    const text = await readFile(file, 'utf8');
    await unlink(file);
    await writeFile(path.join(userFolder, 'team.yaml~'), text.replace('Team Ladder', 'Team Ladder (renamed save)'));
    await rename(path.join(userFolder, 'team.yaml~'), file);
    await eventually(async () => expect((await service.get(team)).ladder?.name).toBe('Team Ladder (renamed save)'));
  });

  it('reloads a ladder when a file it includes changes', async () => {
    await service.list();
    const part = path.join(userFolder, 'parts', 'scales.yaml');
    await writeFile(part, (await readFile(part, 'utf8')).replace('label: Exceeds', 'label: Well above'));
    await eventually(() => expect(changes).toEqual([[team]]));
    const scale = (await service.get(team)).ladder!.scales[0]!;
    expect(scale.steps.map((s) => s.label)).toContain('Well above');
  });

  it('notices files added and removed', async () => {
    await service.list();
    await cp(path.join(fixtures, 'support.yaml'), path.join(userFolder, 'support.yaml'));
    await eventually(async () => expect((await service.list()).ladders.map((l) => l.key)).toContain('user:support.yaml'));
    await unlink(path.join(userFolder, 'support.yaml'));
    await eventually(async () => expect((await service.list()).ladders.map((l) => l.key)).not.toContain('user:support.yaml'));
  });

  it('keeps the last valid version in use when the file on disk breaks, and reports where', async () => {
    await service.list();
    const file = path.join(userFolder, 'team.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('      L2:\n        criteria: Reviews', '      L2:\n        critera: Reviews'));
    await eventually(async () => expect((await service.get(team)).summary.status).toBe('invalid-using-last-valid'));
    const detail = await service.get(team);
    expect(detail.summary.problems[0]).toMatchObject({ file: 'team.yaml', line: 59, severity: 'error' });
    expect(cellFor(detail.ladder!, 'ic', 'code-quality', 'L2')?.criteria).toMatch(/^Reviews teammates/);
    expect(detail.files[0]!.text).toContain('critera');
  });

  it('after a restart, a broken file falls back on the last valid version from the version store', async () => {
    await service.list();
    await service.close();
    const file = path.join(userFolder, 'team.yaml');
    await writeFile(file, 'id: team\nname: [unclosed\n');
    service = start();
    const summary = (await service.list()).ladders.find((l) => l.key === team)!;
    expect(summary.status).toBe('invalid-using-last-valid');
    expect(summary.name).toBe('Team Ladder');
  });
});

describe('ladders service: saving', () => {
  it('writes a valid file atomically, leaves no temp file, and stays silent about its own write', async () => {
    const detail = await service.get(team);
    const next = detail.files[0]!.text.replace('name: Team Ladder', 'name: Team Ladder v2');
    const result = await service.save(team, next, detail.summary.diskHash);
    expect(result.saved).toBe(true);
    expect(await readFile(path.join(userFolder, 'team.yaml'), 'utf8')).toBe(next);
    expect((await readdir(userFolder)).filter((n) => n.startsWith('.'))).toEqual([]);
    await quiet(600);
    expect(changes).toEqual([[team]]);
  });

  it('refuses an invalid file, leaving the disk as it was', async () => {
    const before = await readFile(path.join(userFolder, 'team.yaml'), 'utf8');
    const result = await service.save(team, before.replace('title: Engineer\n', 'title: ""\n'));
    expect(result.saved).toBe(false);
    if (!result.saved) expect(result.problems.some((p) => p.severity === 'error' && p.line > 0 && p.column > 0)).toBe(true);
    expect(await readFile(path.join(userFolder, 'team.yaml'), 'utf8')).toBe(before);
  });

  it('saves an invalid text as a draft beside the file, which the loader ignores', async () => {
    const result = await service.saveDraft(team, 'id: team\nname: [half done');
    expect(result.path).toBe('team.draft.yaml');
    expect(await readFile(path.join(userFolder, 'team.draft.yaml'), 'utf8')).toBe('id: team\nname: [half done');
    const list = await service.list();
    expect(list.ladders.filter((l) => l.origin === 'user').map((l) => l.key)).toEqual([team]);
    expect((await service.get(team)).draft).toBe('id: team\nname: [half done');
  });

  it('refuses to save over a file that changed on disk since it was opened', async () => {
    const detail = await service.get(team);
    await writeFile(path.join(userFolder, 'team.yaml'), `${detail.files[0]!.text}\n# edited elsewhere\n`);
    await expect(service.save(team, detail.files[0]!.text.replace('Team Ladder', 'Mine'), detail.summary.diskHash)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('never writes bundled ladders', async () => {
    await expect(service.save('bundled:team.yaml', 'x')).rejects.toBeInstanceOf(AppError);
    await expect(service.save('bundled:team.yaml', 'x')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('quick-edits one cell and keeps the comments of the file', async () => {
    const result = await service.editCell(
      team,
      { trackId: 'ic', competencyId: 'design', levelId: 'L2' },
      'Proposes a design for a feature\nand asks for review.',
    );
    expect(result.saved).toBe(true);
    const text = await readFile(path.join(userFolder, 'team.yaml'), 'utf8');
    expect(text).toContain('# Comments like this one must survive a quick edit untouched.');
    expect(text).toContain('# L3 is left out on purpose: it inherits L2.');
    const ladder = (await service.get(team)).ladder!;
    expect(cellFor(ladder, 'ic', 'design', 'L2')).toMatchObject({ status: 'defined', criteria: 'Proposes a design for a feature\nand asks for review.' });
  });

  it('copies a bundled ladder and its included parts into the user folder', async () => {
    const { key } = await service.copyToFolder('bundled:support.yaml');
    expect(key).toBe('user:support.yaml');
    expect((await service.get(key)).summary.status).toBe('valid');
    const again = await service.copyToFolder('bundled:team.yaml');
    expect(again.key).toBe('user:team-2.yaml');
  });
});

describe('ladders service: versions', () => {
  it('keeps every valid version by hash with the date first seen', async () => {
    const first = await service.get(team);
    const next = first.files[0]!.text.replace('Explains the design of the component', 'Explains the design of each component');
    await service.save(team, next);
    const versions = await service.versions.list('team');
    expect(versions.map((v) => v.hash)).toEqual([first.summary.hash, (await service.get(team)).summary.hash]);
    const stored = await service.versions.get('team', first.summary.hash!);
    expect(stored?.files[0]?.text).toBe(first.files[0]!.text);
  });
});
