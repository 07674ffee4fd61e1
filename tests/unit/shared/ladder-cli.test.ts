import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../../..');

/** Runs the CLI the way CI does: a separate node process from the repository root. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/trellis-ladder.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('trellis-ladder CLI', () => {
  it('exits 0 for the shipped ladders and the shared file', () => {
    const result = run('check', 'ladders/engineering.yaml', 'ladders/product.yaml', 'ladders/design.yaml', 'ladders/shared/core.yaml');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('4 files valid\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 for a broken ladder and prints file:line:col, severity, message and hint', () => {
    const result = run('check', 'ladders/product.yaml', 'tests/fixtures/ladders/broken/several.yaml');
    expect(result.code).toBe(1);
    const file = path.join('tests', 'fixtures', 'ladders', 'broken', 'several.yaml');
    expect(result.stdout.split('\n')).toEqual([
      `${file}:15:5  error    unknown key "nme" in track "ic"  (did you mean "name"? Allowed here: id, name, description, forksAfter, progression, emphasis, archetypes, and x-… keys for your own data)`,
      `${file}:23:11  error    levels out of order on track "ic": "L2" (rank 1) comes after "L1" (rank 1)  (list levels lowest first, with rising ranks)`,
      `${file}:31:15  error    unknown category "craft"  (known categories: code)`,
      `${file}:37:7  error    unknown level "L5"  (did you mean "L1"?)`,
      '1 file of 2 invalid: 4 errors, 0 warnings',
      '',
    ]);
  });

  it('prints parseable JSON with --json', () => {
    const result = run('check', '--json', 'ladders/design.yaml', 'tests/fixtures/ladders/broken/unknown-key.yaml');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      files: Array<{
        file: string;
        kind: string;
        valid: boolean;
        filesRead: string[];
        problems: Array<{ line: number; column: number; code: string; hint?: string }>;
      }>;
    };
    expect(report.valid).toBe(false);
    expect(report.files.map((f) => [f.file, f.kind, f.valid])).toEqual([
      [path.join('ladders', 'design.yaml'), 'ladder', true],
      [path.join('tests', 'fixtures', 'ladders', 'broken', 'unknown-key.yaml'), 'ladder', false],
    ]);
    expect(report.files[0]?.filesRead).toEqual([path.join('ladders', 'design.yaml'), path.join('ladders', 'shared', 'core.yaml')]);
    expect(report.files[1]?.problems).toMatchObject([
      { line: 38, column: 9, code: 'unknown-key', hint: expect.stringMatching(/^did you mean "criteria"\? Allowed here: criteria, examples/) },
    ]);
  });

  it.each([
    [[], 'missing command'],
    [['lint', 'ladders/design.yaml'], 'unknown command "lint"'],
    [['check'], 'no files to check'],
    [['check', '--fix', 'ladders/design.yaml'], 'unknown option "--fix"'],
    [['check', 'ladders/nope.yaml'], 'cannot read "ladders/nope.yaml"'],
    [['import'], 'no file to import'],
    [['import', 'ladders/ladder.schema.json'], 'import reads .csv, .tsv, .yml/.yaml (FT job family) or .md (Monzo framework) files'],
    [
      ['import', '--generic', 'tests/fixtures/ladders/import/monzo-generic.md', 'tests/fixtures/ladders/import/grid.csv'],
      '--generic goes with Monzo frameworks',
    ],
    [['import', '--out'], '--out needs a file'],
  ])('exits 2 with usage on stderr for %j', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`trellis-ladder: ${message}`);
    expect(result.stderr).toContain('Usage: trellis-ladder check [--json] <file.yaml|file.json>...');
  });

  it("runs as `npx trellis-ladder` from the repository root (npm exec finds the root package's own bin)", () => {
    const result = spawnSync('npx', ['--no-install', 'trellis-ladder', 'check', 'ladders/product.yaml'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      shell: process.platform === 'win32',
    });
    expect(result.stdout).toBe('1 file valid\n');
    expect(result.status).toBe(0);
  });

  it('prints help with exit 0', () => {
    const result = run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: trellis-ladder check');
  });

  it('imports a spreadsheet: the draft on stdout, what was read on stderr, exit 0 when it checks', () => {
    const result = run('import', 'tests/fixtures/ladders/import/rows.tsv');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# yaml-language-server: \$schema=\.\/ladder\.schema\.json/);
    expect(result.stdout).toContain('expects: working-knowledge');
    expect(result.stderr).toBe('imported: 2 competencies, 4 levels, 2 tracks, 9 criteria\n');
  });

  it('writes a Monzo framework with its generic one to --out, and never replaces files without --force', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trellis-import-'));
    try {
      const out = path.join(dir, 'backend.yaml');
      const args = ['import', '--out', out, '--generic', 'tests/fixtures/ladders/import/monzo-generic.md', 'tests/fixtures/ladders/import/monzo-backend.md'];
      const first = run(...args);
      expect(first.code).toBe(0);
      expect(first.stdout).toBe('');
      expect(first.stderr).toContain(`→ ${out}`);
      expect(run('check', out).stdout).toBe('1 file valid\n');
      expect(readFileSync(path.join(dir, 'shared', 'generic.yaml'), 'utf8')).toContain('ranks:');
      const again = run(...args);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('exists; use --force to replace it');
      expect(run(...args, '--force').code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports where an import went wrong, by row and column, and exits 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trellis-import-'));
    try {
      const sheet = path.join(dir, 'sheet.csv');
      writeFileSync(sheet, 'Competency,L1\n');
      const result = run('import', '--json', sheet);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as { valid: boolean; problems: { row: number; message: string }[] };
      expect(report.valid).toBe(false);
      expect(report.problems[0]).toMatchObject({ row: 2, message: 'no competencies: no row below the header names one' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
