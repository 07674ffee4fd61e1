/**
 * `trellis-ladder check [--json] <files…>`: checks ladder files for CI.
 * Exit code: 0 every file is valid (warnings allowed), 1 a file has errors, 2 usage error.
 */
import path from 'node:path';

import { checkAnyLadderFile } from '../electron/services/ladder-files';
import type { LadderProblem } from '../shared/ladder';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const usage = `Usage: trellis-ladder check [--json] <file.yaml>...

Checks Trellis ladder files (and the files they include) and lists every problem
as file:line:column. Shared files (no name, version, tracks or levels) are
checked on their own; their level ids are checked by the ladders that include them. Exit code 0 when all are valid, 1 when any has errors,
2 when the command is used wrongly.

Options:
  --json    print the result as JSON on stdout
  --help    show this help
`;

interface FileReport {
  file: string;
  /** "shared": a file that ladders include, checked on its own. */
  kind: 'ladder' | 'shared';
  valid: boolean;
  filesRead: string[];
  problems: LadderProblem[];
}

export function main(args: string[], io: CliIo): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(usage);
    return 0;
  }
  const [command, ...rest] = args;
  if (command !== 'check') return usageError(io, command === undefined ? 'missing command' : `unknown command "${command}"`);
  const json = rest.includes('--json');
  const unknown = rest.find((a) => a.startsWith('-') && a !== '--json');
  if (unknown !== undefined) return usageError(io, `unknown option "${unknown}"`);
  const files = rest.filter((a) => !a.startsWith('-'));
  if (files.length === 0) return usageError(io, 'no files to check');

  const reports: FileReport[] = [];
  for (const file of files) {
    const check = checkAnyLadderFile(path.resolve(io.cwd, file));
    if (!check) return usageError(io, `cannot read "${file}"`);
    const relative = (p: string) => path.relative(io.cwd, p) || p;
    const problems = check.problems.map((p) => ({ ...p, file: relative(p.file) }));
    const valid = check.kind === 'ladder' ? check.ladder !== null : check.valid;
    reports.push({ file: relative(path.resolve(io.cwd, file)), kind: check.kind, valid, filesRead: check.files.map(relative), problems });
  }
  const valid = reports.every((r) => r.valid);
  if (json) io.stdout(`${JSON.stringify({ valid, files: reports }, null, 2)}\n`);
  else io.stdout(humanReport(reports));
  return valid ? 0 : 1;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`trellis-ladder: ${message}\n\n${usage}`);
  return 2;
}

function humanReport(reports: FileReport[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const p of report.problems) {
      if (p.severity === 'error') errors++;
      else warnings++;
      lines.push(`${p.file}:${p.line}:${p.column}  ${p.severity.padEnd(7)}  ${p.message}${p.hint ? `  (${p.hint})` : ''}`);
    }
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const invalid = reports.filter((r) => !r.valid).length;
  lines.push(
    invalid === 0
      ? `${count(reports.length, 'file')} valid${warnings > 0 ? `, ${count(warnings, 'warning')}` : ''}`
      : `${count(invalid, 'file')} of ${reports.length} invalid: ${count(errors, 'error')}, ${count(warnings, 'warning')}`,
  );
  return `${lines.join('\n')}\n`;
}
