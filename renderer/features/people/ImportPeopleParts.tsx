/** The parts of the CSV import dialog: mapping, date reading, "this manager is me", problems and the preview. */
import { useId } from 'react';

import { type DateDetection, type DateOrder, readDate } from '../../../shared/domain/csv-dates';
import {
  type ColumnMapping,
  type CsvTable,
  describeProblem,
  type ImportField,
  importFieldLabels,
  importFields,
  type ImportProblem,
  isBlank,
  type UnknownManager,
} from '../../../shared/domain/people-csv';
import type { Person } from '../../../shared/domain/person';
import { Checkbox } from '../../ui/Checkbox';
import { formatDate } from '../../ui/dates';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { SelectField } from '../../ui/SelectField';

/** The mapping's choice for a field the file does not have. */
export const NOT_IN_FILE = '__none__';
const PREVIEW_ROWS = 8;
export const longDate = (iso: string) => formatDate(iso, 'spelled');

/** A manager cell the user said is them: its key for the plan, its text as the file wrote it. */
export interface ChosenManager {
  key: string;
  text: string;
}

/** Unknown managers offered as "this is me" at most: the few that manage the most rows. */
const ME_CANDIDATES = 3;

/**
 * An HR export names the user as everyone's manager, often by an email Trellis does not know
 * for them: the managers that match nobody can each be said to be the user.
 */
export function ManagerIsMe({
  me,
  unknown,
  chosen,
  onChange,
}: {
  me: Pick<Person, 'name'>;
  unknown: UnknownManager[];
  chosen: ChosenManager[];
  onChange: (chosen: ChosenManager[]) => void;
}) {
  // A chosen manager resolves, so it leaves `unknown`: it is listed from `chosen`, ticked.
  const offered = [...chosen.map((c) => ({ ...c, rows: null })), ...unknown.slice(0, ME_CANDIDATES).map((u) => ({ ...u, rows: u.rows.length }))];
  if (offered.length === 0) return null;
  return (
    <fieldset className="import-me">
      <legend>Managers Trellis does not know</legend>
      {offered.map((o) => (
        <Checkbox
          key={o.key}
          isSelected={chosen.some((c) => c.key === o.key)}
          onChange={(on) => onChange(on ? [...chosen, { key: o.key, text: o.text }] : chosen.filter((c) => c.key !== o.key))}
        >
          <span>
            “{o.text}” is me, {me.name}
            {o.rows !== null && <span className="muted"> · manager in {o.rows === 1 ? '1 row' : `${o.rows} rows`}</span>}
          </span>
        </Checkbox>
      ))}
    </fieldset>
  );
}

/** How the file's dates are read: said in words with an example, or asked when the file cannot tell. */
export function DateReadingField({
  dates,
  choice,
  onChoose,
}: {
  dates: DateDetection & { readAs: DateOrder | null };
  choice: DateOrder | null;
  onChoose: (order: DateOrder) => void;
}) {
  if (dates.forms.length === 0 || !dates.example) return null;
  const example = dates.example;
  const meaning = (order: DateOrder | null) => {
    const reading = readDate(example, order);
    return reading.ok ? longDate(reading.iso) : null;
  };
  if (dates.ambiguous) {
    return (
      <RadioGroupField<DateOrder>
        label="How does the file write dates?"
        value={choice}
        onChange={onChoose}
        options={[
          { id: 'mdy', label: `Month first (US): ${example} is ${meaning('mdy')}` },
          { id: 'dmy', label: `Day first: ${example} is ${meaning('dmy')}` },
        ]}
        description={choice ? undefined : 'Every date in the file could be read either way: choose one to import.'}
      />
    );
  }
  const meant = meaning(dates.readAs);
  if (!meant) return null;
  const how =
    dates.readAs === 'mdy' ? 'Month first (US)' : dates.readAs === 'dmy' ? 'Day first' : dates.forms.includes('iso') ? 'Year first (ISO)' : 'As written';
  return (
    <div className="field import-dates" role="group" aria-labelledby="import-dates-label">
      <span className="field__label" id="import-dates-label">
        Dates
      </span>
      <p className="import-dates__value">
        {how}: {example} is {meant}
      </p>
      {dates.conflicts > 0 && (
        <span className="field__description">
          {dates.conflicts} {dates.conflicts === 1 ? 'date does' : 'dates do'} not fit this order: see the problems below.
        </span>
      )}
    </div>
  );
}

export function MappingFields({
  headers,
  mapping,
  onChange,
}: {
  headers: string[];
  mapping: ColumnMapping;
  onChange: (field: ImportField, value: string | null) => void;
}) {
  const options = [{ id: NOT_IN_FILE, label: 'Not in the file' }, ...headers.map((h, i) => ({ id: String(i), label: h }))];
  return (
    <fieldset className="import-mapping">
      <legend>Which column holds each field</legend>
      <div className="import-mapping__grid">
        {importFields.map((field) => (
          <SelectField
            key={field}
            label={importFieldLabels[field]}
            options={options}
            value={mapping[field] === null ? NOT_IN_FILE : String(mapping[field])}
            onChange={(v) => onChange(field, v)}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const headingId = useId();
  return (
    <section className="import-problems" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {problems.length} {problems.length === 1 ? 'problem' : 'problems'}: nothing will be imported until {problems.length === 1 ? 'it is' : 'they are'} solved
      </h3>
      {/* Focusable so keyboard users can scroll a long list. */}
      <ul className="import-problems__list" tabIndex={0} aria-label="Problems in the file">
        {problems.map((p, i) => (
          <li key={i}>{describeProblem(p)}</li>
        ))}
      </ul>
    </section>
  );
}

export function PreviewTable({
  fileName,
  table,
  mapping,
  problems,
  readAs,
}: {
  fileName: string;
  table: CsvTable;
  mapping: ColumnMapping;
  problems: ImportProblem[];
  readAs: DateOrder | null;
}) {
  const mapped = importFields.filter((f) => mapping[f] !== null);
  const badRows = new Set(problems.map((p) => p.row));
  const rows = table.rows
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter((r) => !isBlank(r.cells))
    .slice(0, PREVIEW_ROWS);
  const total = table.rows.filter((cells) => !isBlank(cells)).length;
  const show = (field: ImportField, raw: string) => {
    if ((field !== 'startDate' && field !== 'levelSince') || raw.trim() === '') return raw;
    const reading = readDate(raw, readAs);
    // The day Trellis will store, beside what the file says when the two differ.
    if (!reading.ok) return raw;
    const long = longDate(reading.iso);
    return (
      <>
        {long}
        {raw.trim() !== reading.iso && <span className="muted small"> ({raw.trim()})</span>}
      </>
    );
  };
  return (
    <div className="import-preview" role="region" aria-label={`Preview of ${fileName}`} tabIndex={0}>
      <table className="data-table">
        <caption className="muted">
          {fileName}: {total} {total === 1 ? 'person' : 'people'}
          {total > PREVIEW_ROWS ? `, the first ${PREVIEW_ROWS} shown` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            {mapped.map((f) => (
              <th scope="col" key={f}>
                {importFieldLabels[f]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ cells, row }) => (
            <tr key={row} className={badRows.has(row) ? 'import-preview__bad' : undefined}>
              <td>
                {row}
                {badRows.has(row) && <span className="badge badge--danger">problem</span>}
              </td>
              {mapped.map((f) => (
                <td key={f}>{show(f, cells[mapping[f]!] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
