#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx (a devDependency), so it works on a
// fresh clone after `npm ci`, with no build step.
import process from 'node:process';

let tsImport;
try {
  ({ tsImport } = await import('tsx/esm/api'));
} catch {
  process.stderr.write('trellis-ladder: cannot load tsx; run `npm ci` (with dev dependencies) in the Trellis folder first.\n');
  process.exit(2);
}
const cli = await tsImport('../scripts/trellis-ladder.ts', import.meta.url);
process.exitCode = cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
