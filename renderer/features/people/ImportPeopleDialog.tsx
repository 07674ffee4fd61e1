import './import-people.css';

import { useId, useMemo, useState } from 'react';

import {
  type ColumnMapping,
  type CsvTable,
  describeProblem,
  detectMapping,
  type ImportField,
  importFieldLabels,
  importFields,
  type ImportPlan,
  type ImportProblem,
  isBlank,
  parseCsv,
  peopleToCsv,
  planImport,
} from '../../../shared/domain/people-csv';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { ImportRefusedError } from '../../db/people';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';

const NOT_IN_FILE = '__none__';
const PREVIEW_ROWS = 8;
const MAX_BYTES = 5 * 1024 * 1024;

interface LoadedFile {
  name: string;
  table: CsvTable;
}

function previewPlan(file: LoadedFile, mapping: ColumnMapping, everyone: Person[]): ImportPlan {
  let n = 0;
  return planImport(file.table, mapping, everyone, () => `preview-${++n}`);
}

function summary(plan: ImportPlan): string {
  const parts = [`${plan.created} new`, `${plan.updated} updated`];
  if (plan.unchanged) parts.push(`${plan.unchanged} unchanged`);
  return `Ready to import: ${parts.join(', ')}.`;
}

function importLabel(plan: ImportPlan | null, problems: ImportProblem[]): string {
  if (!plan || problems.length > 0) return 'Import';
  const n = plan.people.length;
  return n === 0 ? 'Nothing to change' : `Import ${n} ${n === 1 ? 'person' : 'people'}`;
}

export interface ImportPeopleDialogProps {
  everyone: Person[];
  onClose: () => void;
}

/**
 * CSV import with a preview: choose a file, check (and change) which column feeds which
 * field, see every problem by row and column, then import all rows or none.
 */
export function ImportPeopleDialog({ everyone, onClose }: ImportPeopleDialogProps) {
  const { people } = useRepositories();
  const { announce } = useStatus();
  const saveText = useMainAction('files:save-text');
  const inputId = useId();
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<ImportProblem[] | null>(null);
  const [busy, setBusy] = useState(false);

  const plan = useMemo(() => (file && mapping ? previewPlan(file, mapping, everyone) : null), [file, mapping, everyone]);
  const problems = refused ?? plan?.problems ?? [];

  const choose = async (chosen: File | undefined) => {
    setError(null);
    setRefused(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setError(`${chosen.name} is larger than 5 MB; Trellis imports people lists up to that size.`);
      return;
    }
    const table = parseCsv(await chosen.text());
    setFile({ name: chosen.name, table });
    setMapping(detectMapping(table.headers));
  };

  const remap = (field: ImportField, value: string | null) => {
    setRefused(null);
    setMapping((m) => (m ? { ...m, [field]: value === null || value === NOT_IN_FILE ? null : Number(value) } : m));
  };

  const runImport = async () => {
    if (!file || !mapping) return;
    setBusy(true);
    try {
      const done = await people.importCsv(file.table, mapping);
      announce(`Imported people: ${done.created} added, ${done.updated} updated`);
      onClose();
    } catch (e) {
      if (e instanceof ImportRefusedError) setRefused(e.problems);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const toImport = plan && problems.length === 0 ? plan.people.length : 0;

  /** The current list in the importer's layout: a starting point to edit in a spreadsheet. */
  const exportCurrent = async () => {
    setError(null);
    try {
      const result = await saveText.run({ suggestedName: 'people.csv', content: peopleToCsv(everyone), kind: 'csv', title: 'Export people as CSV' });
      if (result.saved && result.path) announce(`Saved ${result.path.split(/[\\/]/).pop()}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog title="Import people from CSV" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <p className="muted">
        One row per person with a header row. Trellis recognises the columns name, email, manager email, title, track, level, start date and level since.
        Everyone needs a name and an email; people already here are matched by email and updated, not added twice.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          CSV file
        </label>
        <input id={inputId} className="file-input" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {everyone.length > 0 && !file && (
        <div className="import-template">
          <Button size="small" onPress={() => void exportCurrent()}>
            Export the current list as CSV…
          </Button>
          <span className="muted">A starting point to edit in a spreadsheet: importing it again updates people by email.</span>
        </div>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {file && mapping && (
        <>
          <MappingFields headers={file.table.headers} mapping={mapping} onChange={remap} />
          {problems.length > 0 ? <ProblemList problems={problems} /> : plan && <p className="import-ready">{summary(plan)}</p>}
          <PreviewTable file={file} mapping={mapping} problems={problems} />
        </>
      )}
      <div className="dialog__actions">
        <Button onPress={onClose}>Cancel</Button>
        <Button variant="primary" isDisabled={busy || toImport === 0} onPress={() => void runImport()}>
          {importLabel(plan, problems)}
        </Button>
      </div>
    </Dialog>
  );
}

function MappingFields({
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

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const headingId = useId();
  return (
    <section className="import-problems" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {problems.length} {problems.length === 1 ? 'problem' : 'problems'}: nothing will be imported until the file is fixed
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

function PreviewTable({ file, mapping, problems }: { file: LoadedFile; mapping: ColumnMapping; problems: ImportProblem[] }) {
  const mapped = importFields.filter((f) => mapping[f] !== null);
  const badRows = new Set(problems.map((p) => p.row));
  const rows = file.table.rows
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter((r) => !isBlank(r.cells))
    .slice(0, PREVIEW_ROWS);
  const total = file.table.rows.filter((cells) => !isBlank(cells)).length;
  return (
    <div className="import-preview" role="region" aria-label={`Preview of ${file.name}`} tabIndex={0}>
      <table className="data-table">
        <caption className="muted">
          {file.name}: {total} {total === 1 ? 'person' : 'people'}
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
                <td key={f}>{cells[mapping[f]!] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
