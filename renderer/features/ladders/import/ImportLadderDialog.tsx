import './import-ladder.css';

import { useEffect, useMemo, useState } from 'react';

import type { ImportSource } from '../../../../shared/ipc/ladder-import';
import type { LadderProblem } from '../../../../shared/ladder';
import { type LadderSourceKind, sourceKindLabels } from '../../../../shared/ladder/import';
import { errorMessage } from '../../../app/errors';
import { useMainAction, useMainCall } from '../../../app/useMain';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { useStatus } from '../../../ui/Status';
import { TextField } from '../../../ui/TextField';
import { ProblemList } from '../ProblemsPanel';
import { ImportProblems } from './ImportProblems';
import { MappingStep } from './MappingStep';
import { detect, draftOf, emptyOverrides, fileNameFor, type MappingOverrides } from './model';

type Step = 'choose' | 'map' | 'preview';

interface Chosen {
  source: ImportSource;
  kind: LadderSourceKind;
  why: string;
}

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
