import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints a fixture's text as if it were the file at `pretendPath`, and returns the restricted-import messages. */
async function restrictedImports(fixture: string, pretendPath: string) {
  const code = await readFile(path.join(root, 'tests/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(root, pretendPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => ({ line: m.line, message: m.message }));
}

describe('layering rules (ESLint no-restricted-imports)', () => {
  it('fails a renderer file that imports electron, node modules or electron/ code', async () => {
    const found = await restrictedImports('renderer-imports-electron.ts', 'renderer/features/people/Bad.ts');
    expect(found.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(found[0]!.message).toMatch(/renderer is sandboxed/);
    expect(found[2]!.message).toMatch(/must not import from electron\//);
  });

  it('fails a shared file that imports the renderer or node', async () => {
    const found = await restrictedImports('shared-imports-renderer.ts', 'shared/domain/Bad.ts');
    expect(found.map((f) => f.line)).toEqual([2, 3]);
  });

  it('fails a main-process service that imports electron', async () => {
    const found = await restrictedImports('service-imports-electron.ts', 'electron/services/Bad.ts');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/transport-free/);
  });

  it('lets main.ts import electron', async () => {
    expect(await restrictedImports('service-imports-electron.ts', 'electron/Good.ts')).toEqual([]);
  });
});
