import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { exportSelfAssessment } from '../../../shared/domain/assessment-exchange';
import {
  type Assessment,
  assessmentKindLabels,
  carryOverRatings,
  type CompetencyTargets,
  type DraftPatch,
  finishProblem,
  progressOf,
  ratedChanges,
  type Rating,
  ratingKey,
  ratingTargets,
  updateRating,
  valueLabel,
} from '../../../shared/domain/assessments';
import type { Person } from '../../../shared/domain/person';
import type { EvidenceItem } from '../../../shared/evidence/coverage';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { UnsavedWrite } from '../../app/unsaved';
import { useMainCall } from '../../app/useMain';
import { usePerson } from '../../app/usePeople';
import { evidenceFor } from '../../db/evidence';
import { Button } from '../../ui/Button';
import { formatDate, formatDateTime } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { LockIcon } from '../../ui/LockIcon';
import { Page } from '../../ui/Page';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { SaveFailed, type SaveState, saveStateLabel, useAutosave } from '../one-on-ones';
import { RatingEditor } from './RatingEditor';
import { StatusBadge } from './StatusBadge';
import { useCurrentLadder, useFrozenLadder } from './useAssessmentLadders';

/** How much evidence the pickers offer: the newest records of the person. */
const EVIDENCE_OFFERED = 60;

/** One assessment: edited (autosaved) while a draft, read-only once finished, always against its frozen ladder. */
export default function AssessmentPage({ id }: { id: string }) {
  const { assessments } = useRepositories();
  const assessment = useLiveQuery(async () => (await assessments.get(id)) ?? null, [assessments, id]);
  if (assessment === undefined) return <p className="loading">Loading…</p>;
  if (assessment === null)
    return (
      <Page title="Assessment not found">
        <EmptyState icon="?" title="This assessment is not here any more">
          <p>
            It may have been discarded in another window. Go back to <Link href="/growth">Growth</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  return <AssessmentScreen key={assessment.id} assessment={assessment} />;
}

function AssessmentScreen({ assessment }: { assessment: Assessment }) {
  const person = usePerson(assessment.personId);
  const frozen = useFrozenLadder(assessment.ladder.ladderId, assessment.ladder.hash);
  const current = useCurrentLadder(assessment.ladder.ladderId);
  const ladder = frozen.status === 'ready' ? frozen.value.ladder : null;
  const targets = useMemo(
    () => (ladder ? ratingTargets(ladder, assessment.trackId, assessment.levelId) : []),
    [ladder, assessment.trackId, assessment.levelId],
  );

  if (person === undefined || frozen.status === 'loading') return <p className="loading">Loading…</p>;
  const who = person?.name ?? 'someone no longer here';
  const level =
    ladder?.tracks.find((t) => t.id === assessment.trackId)?.titles[assessment.levelId] ?? ladder?.levels.find((l) => l.id === assessment.levelId)?.title;
  const track = ladder?.tracks.find((t) => t.id === assessment.trackId)?.name ?? assessment.trackId;
  const subtitle = `${ladder?.name ?? assessment.ladder.ladderId} ${assessment.ladder.version} · ${track} · ${assessment.levelId}${level && level !== assessment.levelId ? ` ${level}` : ''} · ${formatDate(assessment.period.from, 'medium')} – ${formatDate(assessment.period.to, 'medium')}`;

  return (
    <Page
      title={`${assessmentKindLabels[assessment.kind]} · ${who}`}
      subtitle={subtitle}
      actions={
        <Link className="btn" href={`/growth/assessments/${assessment.id}/gap`}>
          Gap to the next level
        </Link>
      }
    >
      <p className="growth-crumbs">
        <Link href={`/growth/people/${assessment.personId}`}>All assessments of {who}</Link>
      </p>
      {frozen.status === 'error' && (
        <p className="banner banner--error" role="alert">
          The ladder version this assessment was made against ({assessment.ladder.ladderId} {assessment.ladder.version}) cannot be shown: {frozen.error}
        </p>
      )}
      {ladder && current.ladder && current.summary?.hash && current.summary.hash !== assessment.ladder.hash && (
        <LadderChanged assessment={assessment} frozen={ladder} current={current.ladder} currentHash={current.summary.hash} />
      )}
      <Revisions assessment={assessment} />
      {ladder && assessment.status === 'draft' && <DraftEditor assessment={assessment} targets={targets} />}
      {ladder && assessment.status === 'finished' && <FinishedView assessment={assessment} targets={targets} person={person ?? null} />}
    </Page>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`Assessment: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

const draftOf = (a: Assessment): DraftPatch => ({ ratings: a.ratings, summary: a.summary, privateNotes: a.privateNotes });

function usePersonEvidence(personId: string): EvidenceItem[] {
  const { db } = useRepositories();
  return (
    useLiveQuery(async () => (await evidenceFor(db, { personId })).filter((e) => e.kind !== 'assessment').slice(0, EVIDENCE_OFFERED), [db, personId]) ?? []
  );
}

function DraftEditor({ assessment, targets }: { assessment: Assessment; targets: CompetencyTargets[] }) {
  const { assessments } = useRepositories();
  const { announce } = useStatus();
  const [draft, setDraft] = useState<DraftPatch>(() => draftOf(assessment));
  const [finishError, setFinishError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();
  const evidence = usePersonEvidence(assessment.personId);
  const save = useCallback((d: DraftPatch) => assessments.saveDraft(assessment.id, d), [assessments, assessment.id]);
  const unsaved = useCallback(
    (d: DraftPatch): UnsavedWrite => ({ kind: 'assessment-draft', key: `assessment-draft:${assessment.id}`, args: [assessment.id, d] }),
    [assessment.id],
  );
  const { state, retry } = useAutosave(draft, save, { unsaved });
  const byKey = new Map(draft.ratings.map((r) => [ratingKey(r.ref), r]));
  const progress = progressOf(draft.ratings, targets);
  const change = (ref: Rating['ref']) => (patch: (r: Rating) => Rating) => setDraft((d) => ({ ...d, ratings: updateRating(d.ratings, ref, patch) }));

  const finish = async () => {
    const problem = finishProblem(progressOf(draft.ratings, targets));
    setFinishError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await retry();
      await assessments.finish(assessment.id);
      announce(`${assessmentKindLabels[assessment.kind]} finished and locked`);
    } catch (e) {
      setFinishError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    try {
      await assessments.discardDraft(assessment.id);
      navigate(`/growth/people/${assessment.personId}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <>
      <div className="growth-status">
        <StatusBadge status="draft" />
        <span className="muted">Revision {assessment.revision}</span>
        <SaveIndicator state={state} />
        <span className="muted" aria-label="Progress">
          {progress.rated} of {progress.total} rated{progress.notApplicable ? ` · ${progress.notApplicable} not applicable` : ''}
        </span>
        <span className="spacer" />
        <Button variant="quiet" onPress={() => void discard()}>
          Discard draft
        </Button>
        <Button variant="primary" onPress={() => void finish()} isDisabled={busy}>
          Finish assessment
        </Button>
      </div>
      <SaveFailed state={state} retry={retry} />
      {finishError && (
        <p className="banner banner--error" role="alert">
          {finishError}
        </p>
      )}
      {targets.map((c) => (
        <CompetencyCard key={c.competency.id} c={c}>
          {c.targets.map((t) => (
            <RatingEditor
              key={t.key}
              target={t}
              label={t.text ?? c.competency.name}
              scale={c.scale}
              rating={byKey.get(t.key)}
              evidence={evidence}
              onChange={change(t.ref)}
            />
          ))}
        </CompetencyCard>
      ))}
      <section className="card section-card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <TextArea label="Overall comment" rows={4} value={draft.summary} onChange={(summary) => setDraft((d) => ({ ...d, summary }))} />
      </section>
      <section className="card section-card private-card" aria-labelledby="private-heading">
        <div className="private-title">
          <h2 id="private-heading" className="private-heading">
            <LockIcon size={16} /> Private notes
          </h2>
          <span className="private-label">Only you · never exported</span>
        </div>
        <TextArea label="Private notes" hideLabel rows={3} value={draft.privateNotes} onChange={(privateNotes) => setDraft((d) => ({ ...d, privateNotes }))} />
      </section>
    </>
  );
}

function CompetencyCard({ c, children }: { c: CompetencyTargets; children: React.ReactNode }) {
  const headingId = `competency-${c.competency.id}`;
  const expects = c.asks.expects;
  return (
    <section className="card section-card growth-competency" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h2 id={headingId}>{c.competency.name}</h2>
        {c.categoryName && <span className="muted small">{c.categoryName}</span>}
      </div>
      {expects !== undefined && (
        <p className="muted small">
          Expected at this level: <strong>{valueLabel(c.scale, expects)}</strong> ({c.scale.name})
        </p>
      )}
      {c.ladderNotApplicable ? (
        <p className="muted">Not applicable at this level{c.asks.reason ? `: ${c.asks.reason.replace(/[.\s]+$/, '')}` : ''}.</p>
      ) : (
        children
      )}
    </section>
  );
}

function FinishedView({ assessment, targets, person }: { assessment: Assessment; targets: CompetencyTargets[]; person: Person | null }) {
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

function Revisions({ assessment }: { assessment: Assessment }) {
  const { assessments } = useRepositories();
  const chain = useLiveQuery(() => assessments.revisions(assessment.chainId), [assessments, assessment.chainId]);
  if (!chain || chain.length < 2) return null;
  return (
    <nav className="growth-revisions" aria-label="Revisions">
      <span className="muted">Revisions:</span>
      {chain.map((r) =>
        r.id === assessment.id ? (
          <span key={r.id} aria-current="page" className="badge">
            {r.revision} ({r.status === 'draft' ? 'draft' : 'finished'})
          </span>
        ) : (
          <Link key={r.id} href={`/growth/assessments/${r.id}`}>
            Revision {r.revision} ({r.status === 'draft' ? 'draft' : 'finished'})
          </Link>
        ),
      )}
    </nav>
  );
}

const changeWords: Record<string, string> = {
  removed: 'No longer in the ladder',
  moved: 'Now names other text',
  reworded: 'Reworded',
  expects: 'Expected step changed',
};

/** "The ladder changed since": what changed for what this assessment rated, and re-assessing against the version in use. */
function LadderChanged({ assessment, frozen, current, currentHash }: { assessment: Assessment; frozen: Ladder; current: Ladder; currentHash: string }) {
  const { assessments } = useRepositories();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const changes = useMemo(() => ratedChanges(frozen, current, assessment), [frozen, current, assessment]);
  const levelStillThere = current.tracks.some((t) => t.id === assessment.trackId && t.levelIds.includes(assessment.levelId));

  const reassess = async () => {
    try {
      const targets = ratingTargets(current, assessment.trackId, assessment.levelId);
      const carried = carryOverRatings(assessment.ratings, targets, current.id, assessment.levelId);
      const next = await assessments.reassess(assessment.id, { ladderId: current.id, version: current.version, hash: currentHash }, carried.ratings);
      navigate(`/growth/assessments/${next.id}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="banner banner--warning growth-changed" aria-labelledby="ladder-changed-heading">
      <h2 id="ladder-changed-heading">Ladder changed</h2>
      <p>
        This assessment was made against {frozen.name} version {frozen.version}; the ladder in use is version {current.version}. It still shows what it was made
        against.
        {changes.length === 0 ? ' Nothing it rated changed.' : ''}
      </p>
      {changes.length > 0 && (
        <ul aria-label="Changes to what was rated" className="growth-changes">
          {changes.map((c) => (
            <li key={c.key}>
              <strong>
                {c.competencyName}: {changeWords[c.kind]}
              </strong>
              <div className="diff-removed">{c.before}</div>
              {c.after !== null && <div className="diff-added">{c.after}</div>}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {assessment.status === 'finished' && levelStillThere && <Button onPress={() => void reassess()}>Re-assess against version {current.version}</Button>}
      {!levelStillThere && <p>Level {assessment.levelId} is not on this track any more: start a new assessment at the level the person is at now.</p>}
    </section>
  );
}
