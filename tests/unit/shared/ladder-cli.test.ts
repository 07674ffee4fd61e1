import { spawnSync } from 'node:child_process';
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
      `${file}:15:5  error    unknown key "nme" in tracks[0]  (did you mean "name"?)`,
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
    expect(report.files[1]?.problems).toMatchObject([{ line: 38, column: 9, code: 'unknown-key', hint: 'did you mean "criteria"?' }]);
  });

  it.each([
    [[], 'missing command'],
    [['lint', 'ladders/design.yaml'], 'unknown command "lint"'],
    [['check'], 'no files to check'],
    [['check', '--fix', 'ladders/design.yaml'], 'unknown option "--fix"'],
    [['check', 'ladders/nope.yaml'], 'cannot read "ladders/nope.yaml"'],
  ])('exits 2 with usage on stderr for %j', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`trellis-ladder: ${message}`);
    expect(result.stderr).toContain('Usage: trellis-ladder check [--json] <file.yaml>...');
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
});
