import './import-ladder.css';

import { useEffect, useMemo, useState } from 'react';

import type { ImportSource } from '../../../../shared/ipc/ladder-import';
import { type LadderProblem, type Progression, progressions } from '../../../../shared/ladder';
import { type LadderSourceKind, sourceKindLabels, type SpreadsheetMapping } from '../../../../shared/ladder/import';
import { errorMessage } from '../../../app/errors';
import { useMainAction, useMainCall } from '../../../app/useMain';
import { Button } from '../../../ui/Button';
import { Checkbox } from '../../../ui/Checkbox';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroupField } from '../../../ui/RadioGroupField';
import { SelectField } from '../../../ui/SelectField';
import { useStatus } from '../../../ui/Status';
import { TextField } from '../../../ui/TextField';
import { ProblemList } from '../ProblemsPanel';
import { detect, draftOf, emptyOverrides, fileNameFor, headerCells, importWhere, type MappingOverrides } from './model';

type Step = 'choose' | 'map' | 'preview';

interface Chosen {
  source: ImportSource;
  kind: LadderSourceKind;
  why: string;
}

const NONE = '0';

/**
 * Import a ladder: pick a file in main's dialog → Trellis detects its kind → a mapping step where
 * the source needs one → a preview of the Trellis YAML draft with the checker's problems → save
 * as a new file in the ladders folder. Nothing is written before the last step, and never over a file.
 */
export default function ImportLadderDialog({ onClose, onImported }: { onClose: () => void; onImported: (key: string) => void }) {
  const open = useMainAction('ladder-import:open');
  const save = useMainAction('ladder-import:save');
  const call = useMainCall();
  const { announce } = useStatus();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<MappingOverrides | null>(null);
  const [step, setStep] = useState<Step>('choose');
  const [fileName, setFileName] = useState('');
  const [freeName, setFreeName] = useState<string | null>(null);
  const [saveProblems, setSaveProblems] = useState<LadderProblem[] | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const draft = useMemo(
    () => (chosen && overrides ? draftOf(chosen.source, overrides, fileName || fileNameFor(null, chosen.source.name)) : null),
    [chosen, overrides, fileName],
  );
  const result = draft?.imported.result;
  const importErrors = result?.problems.filter((p) => p.severity === 'error') ?? [];

  // The name a save would use now (main's answer: a taken name gets "-2").
  const validName = /^[^./\\][^/\\]*\.ya?ml$/i.test(fileName);
  useEffect(() => {
    if (step !== 'preview' || !validName) return;
    let stale = false;
    call('ladder-import:free-name', { name: fileName })
      .then(({ name }) => !stale && setFreeName(name))
      .catch(() => !stale && setFreeName(null));
    return () => {
      stale = true;
    };
  }, [call, fileName, step, validName]);

  const choose = async () => {
    setRefused(null);
    try {
      const answer = await open.run();
      if (!answer.chosen) return;
      const detection = detect(answer.source);
      if (detection.kind === null) {
        setChosen(null);
        setRefused(detection.message);
        return;
      }
      const next = { source: answer.source, kind: detection.kind, why: detection.why };
      const first = emptyOverrides(detection.kind);
      setChosen(next);
      setOverrides(first);
      const initial = draftOf(answer.source, first, fileNameFor(null, answer.source.name));
      setFileName(fileNameFor(initial.ladderId ?? ladderIdOf(initial.imported.result.mapping), answer.source.name));
      setStep(detection.kind === 'trellis' ? 'preview' : 'map');
    } catch (e) {
      setRefused(errorMessage(e));
    }
  };

  const submit = async () => {
    if (!draft?.canSave || !result) return;
    setSaveError(null);
    setSaveProblems(null);
    try {
      const saved = await save.run({ name: fileName, text: result.yaml });
      if (!saved.saved) {
        setSaveProblems(saved.problems);
        return;
      }
      announce(`Imported as ${saved.file}`);
      onImported(saved.key);
      onClose();
    } catch (e) {
      setSaveError(errorMessage(e));
    }
  };

  return (
    <Dialog title="Import a ladder" isOpen onOpenChange={(o) => !o && onClose()} size="wide">
      <ol className="import-steps" aria-label="Steps">
        {(['choose', 'map', 'preview'] as const).map((s, i) => (
          <li key={s} aria-current={step === s ? 'step' : undefined} className={step === s ? 'is-current' : undefined}>
            {i + 1}. {s === 'choose' ? 'Choose a file' : s === 'map' ? 'Map columns' : 'Preview and save'}
          </li>
        ))}
      </ol>

      {step === 'choose' && (
        <div className="import-step">
          <p>
            Trellis reads a ladder kept in a spreadsheet (saved as CSV or TSV, a row per competency or a row per criterion), a Financial Times job-family YAML
            file, or a Monzo progression framework (Markdown). You see the Trellis YAML it makes, and what the checker says, before anything is saved.
          </p>
          <Button variant="primary" onPress={() => void choose()} isDisabled={open.pending}>
            Choose a file…
          </Button>
          {refused && (
            <p className="banner banner--error" role="alert">
              {refused} Nothing was imported.
            </p>
          )}
        </div>
      )}

      {chosen && overrides && draft && result && step !== 'choose' && (
        <>
          <p className="muted import-source">
            <strong>{chosen.source.name}</strong> — {sourceKindLabels[chosen.kind]} ({chosen.why}).
            {chosen.source.encoding !== 'utf-8' && ` Read as ${chosen.source.encoding}.`}
          </p>
          {chosen.source.warning && (
            <p className="banner banner--warning" role="status">
              {chosen.source.warning}
            </p>
          )}
        </>
      )}

      {step === 'map' && chosen && overrides && result && (
        <div className="import-step">
          <MappingStep source={chosen.source} overrides={overrides} mapping={result.mapping} onChange={setOverrides} />
          <ImportProblems problems={result.problems} />
          <div className="dialog__actions">
            <Button variant="quiet" onPress={() => setStep('choose')}>
              Back
            </Button>
            <span className="spacer" />
            <Button variant="quiet" onPress={onClose}>
              Cancel
            </Button>
            <Button variant="primary" onPress={() => setStep('preview')} isDisabled={result.yaml === ''}>
              Preview
            </Button>
          </div>
        </div>
      )}

      {step === 'preview' && chosen && draft && result && (
        <div className="import-step">
          <p className="import-summary">
            {result.yaml === ''
              ? 'Nothing could be imported from this file.'
              : chosen.kind === 'trellis'
                ? 'This file is already a Trellis ladder; it is saved as it is.'
                : `${result.summary.competencies} competencies, ${result.summary.levels} levels, ${result.summary.tracks} track${result.summary.tracks === 1 ? '' : 's'}, ${result.summary.criteria} criteria.`}
          </p>
          <ImportProblems problems={result.problems} />
          <section aria-labelledby="draft-check-heading" className="import-check">
            <h3 id="draft-check-heading">Checker</h3>
            {draft.problems.length === 0 ? <p className="muted">No problems: this ladder can be saved.</p> : <ProblemList problems={draft.problems} />}
          </section>
          <section aria-labelledby="draft-yaml-heading">
            <h3 id="draft-yaml-heading">Trellis YAML draft</h3>
            <pre className="import-yaml" tabIndex={0} aria-labelledby="draft-yaml-heading">
              {result.yaml}
            </pre>
          </section>
          <TextField
            label="File name"
            value={fileName}
            onChange={(v) => {
              setFileName(v);
              setSaveProblems(null);
            }}
            error={validName ? undefined : 'A plain file name ending in .yaml, such as team.yaml'}
            description={
              validName && freeName && freeName !== fileName ? `${fileName} is taken: it is saved as ${freeName}` : 'Saved as a new file in your ladders folder'
            }
          />
          {saveProblems && (
            <div className="banner banner--error" role="alert">
              <p>Trellis did not save the ladder: the checker found problems.</p>
              <ProblemList problems={saveProblems} />
            </div>
          )}
          {saveError && (
            <p className="banner banner--error" role="alert">
              {saveError}
            </p>
          )}
          <div className="dialog__actions">
            <Button variant="quiet" onPress={() => setStep(chosen.kind === 'trellis' ? 'choose' : 'map')}>
              Back
            </Button>
            <span className="spacer" />
            <Button variant="quiet" onPress={onClose}>
              Cancel
            </Button>
            <Button variant="primary" onPress={() => void submit()} isDisabled={!draft.canSave || !validName || save.pending || importErrors.length > 0}>
              Save ladder
            </Button>
          </div>
        </div>
      )}
      {step === 'choose' && (
        <div className="dialog__actions">
          <span className="spacer" />
          <Button variant="quiet" onPress={onClose}>
            Cancel
          </Button>
        </div>
      )}
    </Dialog>
  );
}

function ladderIdOf(mapping: unknown): string | null {
  const ladder = (mapping as { ladder?: { id?: unknown } } | null)?.ladder;
  return typeof ladder?.id === 'string' ? ladder.id : null;
}

/** What the importer found wrong in the source, by row and column (spreadsheets) or line (YAML, Markdown). */
function ImportProblems({
  problems,
}: {
  problems: Array<{ severity: 'error' | 'warning'; message: string; hint?: string } & Parameters<typeof importWhere>[0]>;
}) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section
      aria-labelledby="import-problems-heading"
      className={`banner ${errors > 0 ? 'banner--error' : 'banner--warning'}`}
      role={errors > 0 ? 'alert' : undefined}
    >
      <h3 id="import-problems-heading">
        {errors > 0 ? `The file has ${errors} problem${errors === 1 ? '' : 's'}; it cannot be imported as it is` : 'Worth a look before saving'}
      </h3>
      <ul className="problem-list">
        {problems.slice(0, 50).map((p, i) => (
          <li key={i} className={`problem problem--${p.severity}`}>
            <span className={`badge ${p.severity === 'error' ? 'badge--danger' : 'badge--warning'}`}>{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
            <code className="problem__where">{importWhere(p)}</code> <span className="problem__message">{p.message}</span>
            {p.hint && <span className="problem__hint muted"> — {p.hint}</span>}
          </li>
        ))}
      </ul>
      {problems.length > 50 && <p className="muted">and {problems.length - 50} more.</p>}
    </section>
  );
}

const progressionLabels: Record<Progression, string> = {
  cumulative: 'Cumulative: each level includes the ones below',
  incremental: 'Incremental: a cell lists only what is new',
  restated: 'Restated: each cell is complete',
};

/** The choices the importer made, to correct: which column is which, the ladder's name and id, how levels build up. */
function MappingStep({
  source,
  overrides,
  mapping,
  onChange,
}: {
  source: ImportSource;
  overrides: MappingOverrides;
  mapping: unknown;
  onChange: (next: MappingOverrides) => void;
}) {
  const ladder = (mapping as { ladder: { id: string; name: string } }).ladder;
  const progression = (mapping as { progression?: Progression }).progression ?? null;
  const setCommon = (patch: Record<string, unknown>) => onChange({ ...overrides, mapping: { ...overrides.mapping, ...patch } } as MappingOverrides);
  return (
    <div className="import-mapping">
      <div className="form-grid">
        <TextField label="Ladder name" value={ladder.name} onChange={(name) => setCommon({ ladder: { ...ladder, name } })} />
        <TextField
          label="Ladder id"
          value={ladder.id}
          onChange={(id) => setCommon({ ladder: { ...ladder, id } })}
          description="Letters, digits, “.”, “_” or “-”; people and assessments refer to it"
        />
        <SelectField<Progression>
          label="How levels build up"
          value={progression}
          empty="Not said (cumulative)"
          onChange={(p) => setCommon({ progression: p ?? undefined })}
          options={progressions.map((p) => ({ id: p, label: progressionLabels[p] }))}
        />
      </div>
      {overrides.kind === 'spreadsheet' && (
        <SpreadsheetMappingFields
          source={source}
          mapping={mapping as SpreadsheetMapping}
          overrides={overrides.mapping}
          onChange={(m) => onChange({ kind: 'spreadsheet', mapping: m })}
        />
      )}
      {overrides.kind !== 'spreadsheet' && <LevelList mapping={mapping} />}
    </div>
  );
}

function LevelList({ mapping }: { mapping: unknown }) {
  const levels = (mapping as { levels?: Array<{ id: string; title: string; track?: string }> }).levels;
  const tracks = (mapping as { tracks?: Array<{ id: string; name: string }> }).tracks ?? [];
  if (!levels) return tracks.length > 0 ? <p className="muted">Tracks: {tracks.map((t) => t.name).join(', ')}</p> : null;
  return (
    <p className="muted">
      Levels, lowest first: {levels.map((l) => `${l.title} (${l.id}${l.track ? `, ${l.track}` : ''})`).join(' · ')}
      {tracks.length > 0 && <> — tracks: {tracks.map((t) => t.name).join(', ')}</>}
    </p>
  );
}

type ColumnField =
  | 'competencyColumn'
  | 'categoryColumn'
  | 'descriptionColumn'
  | 'levelColumn'
  | 'criteriaColumn'
  | 'trackColumn'
  | 'examplesColumn'
  | 'linksColumn'
  | 'expectsColumn'
  | 'idColumn';

const columnLabels: Record<ColumnField, string> = {
  competencyColumn: 'Competency column',
  categoryColumn: 'Category column',
  descriptionColumn: 'Description column',
  levelColumn: 'Level column',
  criteriaColumn: 'Criteria column',
  trackColumn: 'Track column',
  examplesColumn: 'Examples column',
  linksColumn: 'Links column',
  expectsColumn: 'Expected proficiency column',
  idColumn: 'Criterion id column',
};

const required = new Set<ColumnField>(['competencyColumn', 'levelColumn', 'criteriaColumn']);

function SpreadsheetMappingFields({
  source,
  mapping,
  overrides,
  onChange,
}: {
  source: ImportSource;
  mapping: SpreadsheetMapping;
  overrides: Partial<SpreadsheetMapping>;
  onChange: (next: Partial<SpreadsheetMapping>) => void;
}) {
  const headers = headerCells(source.text, mapping);
  const options = headers.map((h) => ({ id: String(h.column), label: h.label }));
  const fields: ColumnField[] =
    mapping.layout === 'grid'
      ? ['competencyColumn', 'categoryColumn', 'descriptionColumn']
      : [
          'competencyColumn',
          'levelColumn',
          'criteriaColumn',
          'categoryColumn',
          'trackColumn',
          'examplesColumn',
          'linksColumn',
          'expectsColumn',
          'idColumn',
          'descriptionColumn',
        ];
  const [headerRowText, setHeaderRowText] = useState(String(mapping.headerRow));
  // A column given to one field is taken from the level columns the importer chose.
  const setColumn = (field: ColumnField, column: number) => {
    const { levelColumns: _levels, ...rest } = overrides;
    onChange({ ...rest, [field]: column });
  };
  const mapped = new Set(fields.map((f) => mapping[f]).filter((c): c is number => typeof c === 'number' && c > 0));
  const levelColumnSet = new Set(mapping.levelColumns.map((l) => l.column));

  return (
    <>
      <RadioGroupField<SpreadsheetMapping['layout']>
        label="How the sheet is laid out"
        value={mapping.layout}
        onChange={(layout) =>
          onChange({ ladder: overrides.ladder, progression: overrides.progression, headerRow: overrides.headerRow, delimiter: overrides.delimiter, layout })
        }
        options={[
          { id: 'grid', label: 'A row per competency, a column per level' },
          { id: 'rows', label: 'A row per criterion (competency, level and criteria in columns)' },
        ]}
      />
      <div className="form-grid">
        <TextField
          label="Header row"
          inputMode="numeric"
          value={headerRowText}
          onChange={(v) => {
            setHeaderRowText(v);
            const n = Number(v);
            if (Number.isInteger(n) && n >= 1 && n <= 1000) onChange({ ...overrides, headerRow: n, levelColumns: undefined });
          }}
          error={/^\d{1,4}$/.test(headerRowText) && Number(headerRowText) >= 1 ? undefined : 'A row number, 1 for the first row'}
          description="The row that names the columns"
        />
        {fields.map((field) => {
          const value = mapping[field];
          const current = typeof value === 'number' && value > 0 ? String(value) : null;
          return required.has(field) ? (
            <SelectField
              key={field}
              label={columnLabels[field]}
              value={current}
              placeholder="Choose a column"
              onChange={(v) => setColumn(field, Number(v))}
              options={options}
            />
          ) : (
            <SelectField
              key={field}
              label={columnLabels[field]}
              value={current}
              empty="None"
              onChange={(v) => setColumn(field, Number(v ?? NONE))}
              options={options}
            />
          );
        })}
      </div>
      {mapping.layout === 'grid' ? (
        <fieldset className="import-levels">
          <legend>Level columns, lowest level first</legend>
          {headers
            .filter((h) => !mapped.has(h.column))
            .map((h) => (
              <Checkbox
                key={h.column}
                isSelected={levelColumnSet.has(h.column)}
                onChange={(on) => {
                  const next = on
                    ? [...mapping.levelColumns, { column: h.column, id: '', title: '' }].sort((a, b) => a.column - b.column)
                    : mapping.levelColumns.filter((l) => l.column !== h.column);
                  onChange({ ...overrides, levelColumns: next.map((l) => levelFor(l, headers)) });
                }}
              >
                {h.label}
                {levelColumnSet.has(h.column) && ` → level ${mapping.levelColumns.find((l) => l.column === h.column)?.id}`}
              </Checkbox>
            ))}
        </fieldset>
      ) : (
        mapping.levelValues.length > 0 && (
          <p className="muted">Levels found, lowest first: {mapping.levelValues.map((l) => (l.id === l.value ? l.id : `${l.value} → ${l.id}`)).join(' · ')}</p>
        )
      )}
    </>
  );
}

/** A level column keeps the id the importer gave it; a newly ticked one is named from its header. */
function levelFor(level: { column: number; id: string; title: string }, headers: Array<{ column: number; label: string }>) {
  if (level.id) return level;
  const header = (headers.find((h) => h.column === level.column)?.label ?? '').replace(/^[A-Z]+: /, '');
  const title = header === '(no header)' ? `Level ${level.column}` : header;
  const id =
    title
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-._]+$/g, '')
      .slice(0, 60) || `level-${level.column}`;
  return { column: level.column, id, title };
}
