import { useId, useState } from 'react';
import { useLocation } from 'wouter';

import { importedAssessmentId, importSelfAssessment } from '../../../shared/domain/assessment-exchange';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainCall } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../ui/Status';
import { summaryFor } from './useAssessmentLadders';

/** An exchange file is small: a self-assessment of a whole ladder is far below this. */
const MAX_FILE_BYTES = 5_000_000;

type Outcome = { tone: 'error' | 'info'; message: string; warnings?: string[]; openId?: string };

/**
 * The manager's side of an engineer's self-assessment file: checked before anything is stored
 * (hash, person, ladder version), stored once however often it is imported.
 */
export function ImportAssessmentDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { assessments } = useRepositories();
  const call = useMainCall();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      if (file.size > MAX_FILE_BYTES) {
        setOutcome({ tone: 'error', message: `${file.name} is ${Math.round(file.size / 1_000_000)} MB; a self-assessment file is never that large.` });
        return;
      }
      const text = await file.text();
      const peek = ladderIdOf(text);
      const [list, versions] = await Promise.all([
        call('ladders:list'),
        peek ? call('ladders:versions', { ladderId: peek }).catch(() => []) : Promise.resolve([]),
      ]);
      const summary = peek ? summaryFor(list, peek) : undefined;
      const result = await importSelfAssessment(text, {
        person,
        storedVersions: versions.map((v) => ({ hash: v.hash, version: v.version })),
        ladderName: summary?.name ?? versions[0]?.name ?? null,
        currentHash: summary?.hash ?? null,
        alreadyImported: (sha) => assessments.hasImport(importedAssessmentId(sha)),
        now: new Date(),
      });
      if (result.status === 'refused') setOutcome({ tone: 'error', message: `${file.name} was not imported. ${result.message}` });
      else if (result.status === 'duplicate') setOutcome({ tone: 'info', message: result.message, openId: importedAssessmentId(shaOf(text)) });
      else {
        const added = await assessments.addImported(result.assessment);
        const message = added
          ? `Imported the self-assessment of ${person.name} (revision ${result.assessment.revision}).`
          : 'This self-assessment was imported already; nothing changed.';
        announce(message);
        setOutcome({ tone: 'info', message, warnings: result.warnings, openId: result.assessment.id });
      }
    } catch (e) {
      setOutcome({ tone: 'error', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Import a self-assessment of ${person.name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <p className="muted">
        The file {person.name} exported from their Trellis. It is checked before anything is stored: that nobody changed it, that it is theirs, and that you
        have the ladder version it was made against.
      </p>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          Self-assessment file
        </label>
        <input
          id={inputId}
          className="file-input"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {outcome && (
        <div className={outcome.tone === 'error' ? 'banner banner--error' : 'banner'} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          <p>{outcome.message}</p>
          {outcome.warnings && outcome.warnings.length > 0 && (
            <ul aria-label="Warnings">
              {outcome.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="dialog__actions">
        <span className="spacer" />
        {outcome?.openId && (
          <Button
            variant="primary"
            onPress={() => {
              onClose();
              navigate(`/growth/assessments/${outcome.openId}`);
            }}
          >
            Open it
          </Button>
        )}
        <Button onPress={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}

/** The ladder id a file says it is for, to fetch that ladder's stored versions before the full check. */
function ladderIdOf(text: string): string | null {
  try {
    const raw = JSON.parse(text) as { ladder?: { ladderId?: unknown } };
    const id = raw?.ladder?.ladderId;
    return typeof id === 'string' && /^[A-Za-z0-9._-]{1,80}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

function shaOf(text: string): string {
  try {
    const sha = (JSON.parse(text) as { sha256?: unknown }).sha256;
    return typeof sha === 'string' ? sha : '';
  } catch {
    return '';
  }
}
