/**
 * The import's steps as pure functions, so they are tested without a screen: which importer a
 * source needs, running it with the mapping the user adjusted, the header cells the mapping step
 * offers as columns, and the checker's verdict on the draft.
 */
import Papa from 'papaparse';

import type { ImportSource } from '../../../../shared/ipc/ladder-import';
import { checkLadder, type LadderProblem } from '../../../../shared/ladder';
import {
  columnLetter,
  type Detection,
  detectLadderSource,
  type FtMapping,
  importFtJobFamily,
  importMonzoFramework,
  type ImportProblem,
  type ImportResult,
  importSpreadsheet,
  type LadderSourceKind,
  type MonzoMapping,
  type SpreadsheetMapping,
} from '../../../../shared/ladder/import';

export type MappingOverrides =
  | { kind: 'spreadsheet'; mapping: Partial<SpreadsheetMapping> }
  | { kind: 'ft'; mapping: Partial<FtMapping> }
  | { kind: 'monzo'; mapping: Partial<MonzoMapping> }
  | { kind: 'trellis'; mapping: Record<string, never> };

export type AnyImport =
  | { kind: 'spreadsheet'; result: ImportResult<SpreadsheetMapping> }
  | { kind: 'ft'; result: ImportResult<FtMapping> }
  | { kind: 'monzo'; result: ImportResult<MonzoMapping> }
  | { kind: 'trellis'; result: ImportResult<null> };

export interface Draft {
  imported: AnyImport;
  /** The draft as the checker sees it: the path is the file name it would be saved under. */
  problems: LadderProblem[];
  /** True when the draft may be saved: something was imported and neither step found an error. */
  canSave: boolean;
  ladderId: string | null;
}

export function detect(source: ImportSource): Detection {
  return detectLadderSource(source.name, source.text);
}

export function emptyOverrides(kind: LadderSourceKind): MappingOverrides {
  return kind === 'trellis' ? { kind, mapping: {} } : ({ kind, mapping: {} } as MappingOverrides);
}

/** Runs the importer the source needs with the user's changes to the detected mapping. Never throws. */
export function runImport(source: ImportSource, overrides: MappingOverrides): AnyImport {
  switch (overrides.kind) {
    case 'spreadsheet':
      return { kind: 'spreadsheet', result: importSpreadsheet(source.text, { fileName: source.name, mapping: overrides.mapping }) };
    case 'ft':
      return { kind: 'ft', result: importFtJobFamily(source.text, { fileName: source.name, mapping: overrides.mapping }) };
    case 'monzo':
      return { kind: 'monzo', result: importMonzoFramework({ fileName: source.name, text: source.text }, { mapping: overrides.mapping }) };
    case 'trellis':
      // Already a Trellis ladder: the draft is the file itself, checked like any other.
      return {
        kind: 'trellis',
        result: {
          yaml: source.text,
          shared: [],
          mapping: null,
          problems: [],
          summary: { tracks: 0, levels: 0, competencies: 0, cells: 0, criteria: 0 },
        },
      };
  }
}

/** The import and the checker's verdict on its draft, as it would be saved under `fileName`. */
export function draftOf(source: ImportSource, overrides: MappingOverrides, fileName: string): Draft {
  const imported = runImport(source, overrides);
  const { yaml, problems: importProblems } = imported.result;
  const check = yaml.trim() === '' ? null : checkLadder({ path: fileName, text: yaml });
  const problems = check?.problems ?? [];
  const canSave =
    check !== null && check.ladder !== null && !problems.some((p) => p.severity === 'error') && !importProblems.some((p) => p.severity === 'error');
  return { imported, problems, canSave, ladderId: check?.ladder?.id ?? null };
}

/** "row 3, column B", "line 4, column 2": where an import problem is, in the source's own terms. */
export function importWhere(p: ImportProblem): string {
  const file = p.file ? `${p.file}: ` : '';
  if (p.row !== undefined) return `${file}row ${p.row}${p.column !== undefined ? `, column ${p.columnLetter ?? columnLetter(p.column)}` : ''}`;
  if (p.line !== undefined) return `${file}line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}`;
  return file.replace(/: $/, '') || 'the file';
}

/** The header row's cells, 1-based columns with their letters: what the mapping step offers. */
export function headerCells(text: string, mapping: Pick<SpreadsheetMapping, 'delimiter' | 'headerRow'>): Array<{ column: number; label: string }> {
  const clean = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(clean, { delimiter: mapping.delimiter, preview: Math.max(1, mapping.headerRow), skipEmptyLines: false });
  const row = parsed.data[mapping.headerRow - 1];
  const cells = Array.isArray(row) ? row : [];
  return cells.map((c, i) => {
    const text = String(c ?? '').trim();
    return { column: i + 1, label: `${columnLetter(i + 1)}: ${text === '' ? '(no header)' : text.slice(0, 60)}` };
  });
}

/** The file name the draft is offered under: the ladder's id, as YAML. */
export function fileNameFor(ladderId: string | null, sourceName: string): string {
  const stem =
    (ladderId ?? sourceName.replace(/\.[^.]+$/, ''))
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'imported-ladder';
  return `${stem}.yaml`;
}
