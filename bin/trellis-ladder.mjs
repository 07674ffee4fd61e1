#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx (a devDependency), so it works on a
// fresh clone after `npm ci`, with no build step.
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';

const cli = await tsImport('../scripts/trellis-ladder.ts', import.meta.url);
process.exitCode = cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
