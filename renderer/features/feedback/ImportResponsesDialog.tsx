import { useId, useMemo, useState } from 'react';

import {
  checkResponses,
  decodeResponses,
  formatOf,
  guessMapping,
  listedProblems,
  problemText,
  readResponsesTable,
  requiredResponseFields,
  type ResponseField,
  responseFieldLabels,
  responseFields,
  type ResponseMapping,
  type ResponsesFormat,
} from '../../../shared/domain/cycle-import';
import type { FeedbackCycle } from '../../../shared/domain/cycles';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import type { Visibility } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { visibilityOptions } from './CaptureParts';

interface Source {
  name: string;
  bytes: Uint8Array;
  format: ResponsesFormat;
}

/**
 * Responses from a survey tool's export (CSV or a Markdown table), or pasted: the columns mapped
 * to fields (guessed from the header, checked by the user), every problem listed by row and
 * column, and an import of all rows or none.
 */
export default function ImportResponsesDialog({
  cycle,
  people,
  competencies,
  onClose,
}: {
  cycle: FeedbackCycle;
  people: readonly Person[];
  competencies: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { cycles } = useRepositories();
  const { announce } = useStatus();
  const inputId = useId();
  const [source, setSource] = useState<Source | null>(null);
  const [pasted, setPasted] = useState('');
  const [mapping, setMapping] = useState<ResponseMapping | null>(null);
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const decoded = useMemo(() => (source ? decodeResponses(source.bytes, source.format) : null), [source]);
  const table = useMemo(() => (source && decoded?.ok ? readResponsesTable(decoded.text, source.format) : null), [source, decoded]);
  const cycleCompetencies = cycle.competencies.map((c) => ({
    id: c.competencyId,
    name: competencies.find((x) => x.id === c.competencyId)?.name ?? c.competencyId,
  }));
  const result = useMemo(
    () =>
      table && mapping
        ? checkResponses(table, mapping, {
            people: people.map((p) => ({ id: p.id, name: p.name, email: p.email })),
            participantIds: cycle.participantIds,
            competencies: cycleCompetencies,
            defaultDate: cycle.to < todayIso() ? cycle.to : todayIso(),
          })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- cycleCompetencies follows cycle and competencies
    [table, mapping, people, cycle, competencies],
  );
  const problems = decoded && !decoded.ok ? decoded.problems : result && !result.ok ? result.problems : [];
  const { shown, more } = listedProblems(problems);

  const read = (next: Source) => {
    setSource(next);
    setError(null);
    const d = decodeResponses(next.bytes, next.format);
    setMapping(d.ok ? guessMapping(readResponsesTable(d.text, next.format).headers) : null);
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) return setError('The file is larger than 20 MB: is it the survey export?');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const head = new TextDecoder().decode(bytes.subarray(0, 400));
    read({ name: file.name, bytes, format: formatOf(file.name, head) });
  };
  const importAll = async () => {
    if (!result?.ok) return;
    setBusy(true);
    try {
      const rows = await cycles.importResponses(cycle.id, result.responses, visibility);
      announce(`Imported ${rows.length} ${rows.length === 1 ? 'response' : 'responses'}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  const columnOptions = (table?.headers ?? []).map((h, i) => ({ id: String(i), label: h || `Column ${i + 1}` }));
  const setField = (field: ResponseField, value: string | null) => setMapping((m) => (m ? { ...m, [field]: value === null ? null : Number(value) } : m));

  return (
    <Dialog title="Import responses" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <div className="person-form import-responses">
        <p className="muted">
          A CSV or Markdown table from your survey tool, one response per row, with a header row: who it is about, the response, and optionally who gave it, the
          competency and the date. Nothing is imported while any row has a problem.
        </p>
        <div className="field">
          <label className="field__label" htmlFor={inputId}>
            Responses file
          </label>
          <input
            id={inputId}
            className="file-input"
            type="file"
            accept=".csv,.tsv,.txt,.md,.markdown,text/csv,text/plain,text/markdown"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
        {!source && (
          <>
            <TextArea label="Or paste the table" rows={4} mono value={pasted} onChange={setPasted} description="CSV, or a Markdown table." />
            <div>
              <Button
                size="small"
                isDisabled={pasted.trim() === ''}
                onPress={() => read({ name: 'pasted', bytes: new TextEncoder().encode(pasted), format: formatOf('', pasted) })}
              >
                Read the pasted table
              </Button>
            </div>
          </>
        )}
        {error && (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        )}
        {table && mapping && (
          <fieldset className="criteria-field">
            <legend className="field__label">Columns</legend>
            <p className="field__description">
              {source?.name === 'pasted' ? 'The pasted table' : source?.name} has {table.rows.length} {table.rows.length === 1 ? 'row' : 'rows'} of responses.
              Check which column is which.
            </p>
            <div className="form-grid form-grid--three">
              {responseFields.map((field) =>
                requiredResponseFields.includes(field) ? (
                  <SelectField<string>
                    key={field}
                    label={responseFieldLabels[field]}
                    options={columnOptions}
                    value={mapping[field] === null ? null : String(mapping[field])}
                    onChange={(v) => setField(field, v)}
                    placeholder="Choose a column"
                  />
                ) : (
                  <SelectField<string>
                    key={field}
                    label={responseFieldLabels[field]}
                    options={columnOptions}
                    value={mapping[field] === null ? null : String(mapping[field])}
                    onChange={(v: string | null) => setField(field, v)}
                    empty={field === 'respondent' ? 'None (anonymous)' : 'None'}
                  />
                ),
              )}
            </div>
          </fieldset>
        )}
        {problems.length > 0 && (
          <section className="banner banner--error import-problems" aria-labelledby="import-problems-heading">
            <h3 id="import-problems-heading">{problems.length === 1 ? 'One problem' : `${problems.length} problems`}: nothing will be imported</h3>
            <ul aria-label="Problems in the file">
              {shown.map((p, i) => (
                <li key={i}>{problemText(p)}</li>
              ))}
            </ul>
            {more > 0 && <p>…and {more} more.</p>}
          </section>
        )}
        {result?.ok && (
          <>
            <p role="status">
              Ready: {result.responses.length} {result.responses.length === 1 ? 'response' : 'responses'} about{' '}
              {new Set(result.responses.map((r) => r.personId)).size} {new Set(result.responses.map((r) => r.personId)).size === 1 ? 'person' : 'people'}.
            </p>
            <RadioGroupField<Visibility> label="Visibility of these responses" options={visibilityOptions} value={visibility} onChange={setVisibility} />
          </>
        )}
        <div className="dialog__actions">
          {source && (
            <Button
              onPress={() => {
                setSource(null);
                setMapping(null);
              }}
            >
              Choose another file
            </Button>
          )}
          <span className="spacer" />
          <Button variant="quiet" onPress={onClose}>
            Cancel
          </Button>
          <Button variant="primary" isDisabled={!result?.ok || busy} onPress={() => void importAll()}>
            {result?.ok ? `Import ${result.responses.length} ${result.responses.length === 1 ? 'response' : 'responses'}` : 'Import'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
