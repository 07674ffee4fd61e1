// Reading and writing the file itself, apart from people-csv.ts (which the data layer imports at
// start): the CSV library loads only with the import and export screens.
import Papa from 'papaparse';

import { type CsvTable, ESCAPED_IN_FILE, escapeFormula, type ImportProblem, isBlank, unescapeFormula } from './people-csv';
import type { Person } from './person';
import type { Team } from './team';

/** Parse CSV text. Never throws: malformed quoting becomes a problem on its row. */
export function parseCsv(text: string): CsvTable {
  // Blank lines are kept (and skipped later) so that row numbers match the spreadsheet's.
  const clean = text.replace(/^\uFEFF/, '');
  // Papa guesses the delimiter (',' ';' or a tab …) best without blank lines in the way.
  const { delimiter } = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', preview: 50 }).meta;
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: false, delimiter });
  const parsed = result.data.length > 0 && isBlank(result.data[result.data.length - 1]!) ? result.data.slice(0, -1) : result.data;
  const data = parsed.map((cells) => cells.map(unescapeFormula));
  const [headerRow, ...body] = data;
  // A one-column file has no delimiter to detect; that is not a problem with the file.
  const problems: ImportProblem[] = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      row: typeof e.row === 'number' ? e.row + 1 : null,
      column: null,
      message: `the file could not be read here (${e.message.replace(/\.$/, '')})`,
    }));
  if (!headerRow || headerRow.every((h) => h.trim() === '')) {
    return {
      headers: [],
      rows: [],
      problems: [...problems, { row: null, column: null, message: 'The file is empty: it needs a header row and one row per person.' }],
    };
  }
  const headers = headerRow.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (body.every(isBlank)) problems.push({ row: null, column: null, message: 'The file has a header row but no people.' });
  return { headers, rows: body, problems };
}

const csvHeaders = ['name', 'email', 'manager email', 'title', 'track', 'level', 'start date', 'level since', 'department', 'location'];

/**
 * People as CSV in the layout the importer recognises (a re-import updates them). Cells that a
 * spreadsheet would run as a formula are escaped and quoted.
 */
export function peopleToCsv(people: Person[], teams: Pick<Team, 'id' | 'name'>[] = []): string {
  const emailOf = new Map(people.map((p) => [p.id, p.email ?? '']));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const rows = people.map((p) =>
    [
      p.name,
      p.email ?? '',
      p.managerId ? (emailOf.get(p.managerId) ?? '') : '',
      p.title ?? '',
      p.track ?? '',
      // A placed person's level is its id on the ladder: importing the file again places them on the same level.
      p.placement?.levelId ?? p.level ?? '',
      p.startDate ?? '',
      p.levelSince ?? '',
      p.teamId ? (teamName.get(p.teamId) ?? '') : '',
      p.location ?? '',
    ].map(escapeFormula),
  );
  return Papa.unparse(
    { fields: csvHeaders, data: rows },
    { newline: '\r\n', escapeFormulae: false, quotes: (value: unknown) => typeof value === 'string' && ESCAPED_IN_FILE.test(value) },
  );
}
