import { useState } from 'react';
import { useLocation } from 'wouter';

import { exportSelfAssessment } from '../../../shared/domain/assessment-exchange';
import { type Assessment, type CompetencyTargets, ratingKey, valueLabel } from '../../../shared/domain/assessments';
import type { Person } from '../../../shared/domain/person';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainCall } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/dates';
import { LockIcon } from '../../ui/LockIcon';
import { useStatus } from '../../ui/Status';
import { CompetencyCard } from './CompetencyCard';
import { ExportMarkdownButton } from './ExportMarkdownButton';
import { StatusBadge } from './StatusBadge';

/** A finished assessment: locked, read-only, exported or reopened as a new revision. */
export function FinishedView({
  assessment,
  targets,
  person,
  ladder,
}: {
  assessment: Assessment;
  targets: CompetencyTargets[];
  person: Person | null;
  ladder: Ladder;
}) {
  const { assessments } = useRepositories();
  const { announce } = useStatus();
  const call = useMainCall();
  const [, navigate] = useLocation();
  const byKey = new Map(assessment.ratings.map((r) => [ratingKey(r.ref), r]));
  const [error, setError] = useState<string | null>(null);

  const reopen = async () => {
    try {
      const next = await assessments.reopen(assessment.id);
      navigate(`/growth/assessments/${next.id}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const exportFile = async () => {
    setError(null);
    try {
      if (!person) throw new Error('The person of this assessment is not here any more.');
      const info = await call('app:info');
      const result = await exportSelfAssessment({ assessment, person, exporterVersion: info.version, now: new Date() });
      if (!result.ok) return setError(result.message);
      const saved = await call('files:save-text', {
        kind: 'json',
        title: 'Export self-assessment',
        suggestedName: `${person.name} self-assessment ${assessment.period.to} r${assessment.revision}`.replace(/[^\p{L}\p{N} ._-]/gu, ''),
        content: result.text,
      });
      if (saved.saved) announce(`Exported to ${saved.path ?? 'the file you chose'}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <div className="growth-status">
        <StatusBadge status="finished" />
        <span className="muted">
          Revision {assessment.revision}
          {assessment.finishedAt ? ` · finished ${formatDateTime(assessment.finishedAt)}` : ''}
          {assessment.importedFrom ? ` · imported from ${assessment.importedFrom.personName}’s file` : ''}
        </span>
        <span className="spacer" />
        {person && assessment.visibility === 'shareable' && <ExportMarkdownButton assessment={assessment} person={person} ladder={ladder} onError={setError} />}
        {assessment.kind === 'self' && !assessment.importedFrom && <Button onPress={() => void exportFile()}>Export self-assessment…</Button>}
        <Button variant="primary" onPress={() => void reopen()}>
          Reopen as new revision
        </Button>
      </div>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {targets.map((c) => (
        <CompetencyCard key={c.competency.id} c={c}>
          <dl className="growth-ratings">
            {c.targets.map((t) => {
              const r = byKey.get(t.key);
              return (
                <div key={t.key} className="growth-ratings__item">
                  <dt>{t.text ?? 'Rating'}</dt>
                  <dd>
                    <strong>{r?.notApplicable ? `Not applicable: ${r.notApplicable.reason}` : valueLabel(c.scale, r?.value)}</strong>
                    {r?.comment && <p className="growth-ratings__comment">{r.comment}</p>}
                    {r && r.evidence.length > 0 && (
                      <ul className="growth-ratings__evidence" aria-label="Evidence">
                        {r.evidence.map((e, i) => (
                          <li key={i}>{e.type === 'url' ? e.url : e.title}</li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </CompetencyCard>
      ))}
      {assessment.summary && (
        <section className="card section-card" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <p className="growth-ratings__comment">{assessment.summary}</p>
        </section>
      )}
      {assessment.privateNotes && (
        <section className="card section-card private-card" aria-labelledby="private-heading">
          <div className="private-title">
            <h2 id="private-heading" className="private-heading">
              <LockIcon size={16} /> Private notes
            </h2>
            <span className="private-label">Only you · never exported</span>
          </div>
          <p className="growth-ratings__comment">{assessment.privateNotes}</p>
        </section>
      )}
    </>
  );
}
