/**
 * `trellis-ladder check [--json] <files…>`: checks ladder files for CI.
 * `trellis-ladder import [--out <file>] [--generic <file>] [--json] <file…>`: a spreadsheet (CSV/TSV),
 * an FT job-family YAML or Monzo framework Markdown to a Trellis draft, checked.
 * Exit code: 0 every file is valid (warnings allowed), 1 a file has errors, 2 usage error.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { checkAnyLadderFile, readLadderText } from '../electron/services/ladder-files';
import { checkLadder, type LadderProblem } from '../shared/ladder';
import { importFtJobFamily, importMonzoFramework, type ImportProblem, type ImportResult, importSpreadsheet } from '../shared/ladder/import';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const usage = `Usage: trellis-ladder check [--json] <file.yaml|file.json>...
       trellis-ladder import [--out <ladder.yaml>] [--generic <generic.md>] [--force] [--json] <file>...

check   Checks Trellis ladder files (and the files they include) and lists every
        problem as file:line:column. Shared files (no name, version, tracks or
        levels) are checked on their own; their level ids are checked by the
        ladders that include them.
import  Turns another format into a Trellis ladder draft and checks it: a
        spreadsheet saved as .csv or .tsv, a Financial Times job family (.yml),
        or Monzo framework Markdown (.md; several files become one ladder with a
        track each). Prints the draft, or writes it with --out (and the shared
        files it includes next to it).

Exit code 0 when all are valid, 1 when any has errors, 2 when the command is
used wrongly.

Options:
  --json              print the result as JSON on stdout
  --out <file>        import: write the draft there instead of printing it
  --generic <file>    import: a Monzo generic framework, applied by level number
  --force             import: replace files that --out would write
  --help              show this help
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
  if (command === 'import') return importCommand(rest, io);
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

function importCommand(args: string[], io: CliIo): number {
  const options: { out?: string; generic?: string; json: boolean; force: boolean } = { json: false, force: false };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--force') options.force = true;
    else if (arg === '--out' || arg === '--generic') {
      const value = args[++i];
      if (value === undefined || value.startsWith('-')) return usageError(io, `${arg} needs a file`);
      if (arg === '--out') options.out = value;
      else options.generic = value;
    } else if (arg.startsWith('-')) return usageError(io, `unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length === 0) return usageError(io, 'no file to import');
  const texts: Array<{ file: string; text: string }> = [];
  for (const file of [...files, ...(options.generic ? [options.generic] : [])]) {
    const text = readLadderText(path.resolve(io.cwd, file));
    if (text === null) return usageError(io, `cannot read "${file}"`);
    texts.push({ file, text });
  }
  const kinds = new Set(files.map((f) => (/\.(csv|tsv|txt)$/i.test(f) ? 'spreadsheet' : /\.md$/i.test(f) ? 'monzo' : /\.ya?ml$/i.test(f) ? 'ft' : 'unknown')));
  if (kinds.has('unknown')) return usageError(io, 'import reads .csv, .tsv, .yml/.yaml (FT job family) or .md (Monzo framework) files');
  if (kinds.size > 1 || (!kinds.has('monzo') && files.length > 1))
    return usageError(io, 'import one spreadsheet or FT file at a time; several files must all be Monzo frameworks');
  if (options.generic && !kinds.has('monzo')) return usageError(io, '--generic goes with Monzo frameworks');
  const main = texts.slice(0, files.length);
  let result: ImportResult<unknown>;
  if (kinds.has('spreadsheet')) result = importSpreadsheet(main[0]!.text, { fileName: main[0]!.file });
  else if (kinds.has('ft')) result = importFtJobFamily(main[0]!.text, { fileName: path.basename(main[0]!.file) });
  else {
    const generic = options.generic ? { fileName: path.basename(options.generic), text: texts[texts.length - 1]!.text } : undefined;
    result = importMonzoFramework(
      main.map((m) => ({ fileName: path.basename(m.file), text: m.text })),
      generic ? { generic } : {},
    );
  }
  const draftPath = options.out ?? 'draft.yaml';
  const sharedFiles = new Map(
    result.shared.map((f) => [path.posix.normalize(path.posix.join(path.posix.dirname(draftPath.replace(/\\/g, '/')), f.path)), f.yaml]),
  );
  const check =
    result.yaml === ''
      ? null
      : checkLadder({ path: draftPath, text: result.yaml }, (from, include) => {
          const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(from.replace(/\\/g, '/')), include));
          const text = sharedFiles.get(resolved);
          return text === undefined ? null : { path: resolved, text };
        });
  const importErrors = result.problems.some((p) => p.severity === 'error');
  const valid = check !== null && check.ladder !== null;
  if (options.out && result.yaml !== '') {
    const targets = [
      { file: path.resolve(io.cwd, options.out), text: result.yaml },
      ...result.shared.map((f) => ({ file: path.resolve(path.dirname(path.resolve(io.cwd, options.out!)), f.path), text: f.yaml })),
    ];
    const taken = targets.find((t) => existsSync(t.file));
    if (taken && !options.force) return usageError(io, `"${path.relative(io.cwd, taken.file)}" exists; use --force to replace it`);
    for (const t of targets) {
      mkdirSync(path.dirname(t.file), { recursive: true });
      writeFileSync(t.file, t.text);
    }
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ valid, yaml: result.yaml, shared: result.shared, mapping: result.mapping, problems: result.problems, summary: result.summary, check: check?.problems ?? [] }, null, 2)}\n`,
    );
  } else {
    const lines = result.problems.map((p) => `${importWhere(p, main[0]!.file)}  ${p.severity.padEnd(7)}  ${p.message}${p.hint ? `  (${p.hint})` : ''}`);
    for (const p of check?.problems ?? []) lines.push(`${p.file}:${p.line}:${p.column}  ${p.severity.padEnd(7)}  ${p.message}${p.hint ? `  (${p.hint})` : ''}`);
    const { competencies, levels, tracks, criteria } = result.summary;
    lines.push(
      result.yaml === ''
        ? 'nothing imported'
        : `${valid ? 'imported' : 'imported with errors'}: ${competencies} competencies, ${levels} levels, ${tracks} track${tracks === 1 ? '' : 's'}, ${criteria} criteria${options.out ? ` → ${options.out}` : ''}`,
    );
    io.stderr(`${lines.join('\n')}\n`);
    if (!options.out && result.yaml !== '') io.stdout(result.yaml);
  }
  return valid && !importErrors ? 0 : 1;
}

function importWhere(p: ImportProblem, fallback: string): string {
  const file = p.file ?? fallback;
  if (p.row !== undefined) return `${file}:${p.row}${p.column !== undefined ? `:${p.column}` : ''}`;
  if (p.line !== undefined) return `${file}:${p.line}:${p.column ?? 1}`;
  return file;
}
