import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Link } from 'wouter';

import type { Assessment } from '../../../shared/domain/assessments';
import { type CriterionEvidence, type Gap, gapToNextLevel, pointsSuggestion } from '../../../shared/domain/gap';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { usePerson } from '../../app/usePeople';
import { evidenceFor, evidenceKindsRegistered } from '../../db/evidence';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { useCurrentLadder, useFrozenLadder } from './useAssessmentLadders';

/** Evidence counted for readiness: the last twelve months. */
const EVIDENCE_MONTHS = 12;

/**
 * "What would the next level take?" for the person and level of an assessment: per competency
 * what the next level asks beyond this one, the latest self and manager ratings, and the
 * evidence there is. Against the ladder in use (the frozen version when the level is gone from it).
 */
export default function GapPage({ id }: { id: string }) {
  const { assessments, db } = useRepositories();
  const data = useLiveQuery(async () => {
    const assessment = await assessments.get(id);
    if (!assessment) return null;
    const all = await assessments.forPerson(assessment.personId);
    const latest = (kind: Assessment['kind']) =>
      all.find((a) => a.kind === kind && a.status === 'finished' && a.ladder.ladderId === assessment.ladder.ladderId && a.levelId === assessment.levelId);
    const from = new Date();
    from.setMonth(from.getMonth() - EVIDENCE_MONTHS);
    // Every kind but assessments themselves (a rating is a judgement, not evidence), through the person's indexes.
    const evidence = await evidenceFor(
      db,
      { personId: assessment.personId, from: from.toISOString().slice(0, 10) },
      evidenceKindsRegistered().filter((k) => k !== 'assessment'),
    );
    return { assessment, self: latest('self'), manager: latest('manager'), evidence };
  }, [assessments, db, id]);
  const assessment = data?.assessment;
  const person = usePerson(assessment?.personId ?? '');
  const frozen = useFrozenLadder(assessment?.ladder.ladderId ?? 'none', assessment?.ladder.hash ?? '0'.repeat(64));
  const current = useCurrentLadder(assessment?.ladder.ladderId ?? null);
  const currentLadder = current.ladder;
  const frozenLadder = frozen.status === 'ready' ? frozen.value.ladder : null;
  const onTrack = currentLadder?.tracks.some((t) => t.id === assessment?.trackId && t.levelIds.includes(assessment.levelId)) ?? false;
  const ladder = onTrack ? currentLadder : frozenLadder;
  const gap = useMemo(
    () => (ladder && data && assessment ? gapToNextLevel(ladder, assessment, { self: data.self, manager: data.manager }, data.evidence) : null),
    [ladder, data, assessment],
  );

  if (data === undefined || (data && !gap && frozen.status === 'loading')) return <p className="loading">Loading…</p>;
  if (data === null || !assessment)
    return (
      <Page title="Assessment not found">
        <EmptyState icon="?" title="This assessment is not here any more">
          <p>
            Go back to <Link href="/growth">Growth</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  const who = person?.name ?? 'Someone';
  if (!gap || !ladder)
    return (
      <Page title={`Gap to the next level · ${who}`}>
        <p className="banner banner--error" role="alert">
          The ladder {assessment.ladder.ladderId} cannot be read, so what the next level asks cannot be shown.
        </p>
      </Page>
    );

  return (
    <Page
      title={`Gap to the next level · ${who}`}
      subtitle={
        gap.nextLevelId
          ? `From ${assessment.levelId} to ${gap.nextLevelId} ${gap.nextLevelTitle ?? ''} · ${ladder.name} ${ladder.version}`
          : `${ladder.name} ${ladder.version}`
      }
    >
      <p className="growth-crumbs">
        <Link href={`/growth/assessments/${assessment.id}`}>Back to the assessment</Link>
      </p>
      {!gap.nextLevelId ? (
        <EmptyState icon="↗" title={`${assessment.levelId} is the top of this track`}>
          <p>There is no next level on it to compare with.</p>
        </EmptyState>
      ) : (
        <>
          <section className="card section-card" aria-labelledby="readiness-heading">
            <h2 id="readiness-heading">Readiness</h2>
            <p>
              {gap.nextLevelId} asks more in {gap.readiness.growing} of {gap.competencies.length} competencies. Of those, {gap.readiness.withEvidence} have
              evidence from the last {EVIDENCE_MONTHS} months and {gap.readiness.ratedBoth} have both a self and a manager rating.
            </p>
            <p>
              {gap.readiness.criteriaWithEvidence} of {gap.readiness.criteria} criteria {gap.nextLevelId} adds or rewords have evidence of their own.
            </p>
            <p className="muted small">Coverage, not a verdict: read it with the criteria and the evidence, never as a score.</p>
          </section>
          <PointsSuggestions ladder={ladder} trackId={assessment.trackId} self={data.self} manager={data.manager} />
          <div className="card">
            <table className="data-table growth-gap" aria-label="Gap per competency">
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  <th scope="col">
                    {gap.nextLevelId} asks beyond {assessment.levelId}
                  </th>
                  <th scope="col">Expected</th>
                  <th scope="col">Self</th>
                  <th scope="col">Manager</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {gap.competencies.map((c) => (
                  <tr key={c.competency.id}>
                    <th scope="row">{c.competency.name}</th>
                    <td>
                      {c.added.length === 0 && c.changed.length === 0 ? (
                        <span className="muted">Nothing new</span>
                      ) : (
                        <ul className="growth-gap__asks">
                          {c.criteria.map((x) => (
                            <li key={x.criterion.id}>
                              {x.change === 'reworded' && <span className="muted small">Reworded: </span>}
                              {x.criterion.text} <CoverageBadge x={x} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {c.expectsNow ?? '—'}
                      {c.expectsNext && c.expectsNext !== c.expectsNow ? ` → ${c.expectsNext}` : ''}
                    </td>
                    <td>{c.self.join(', ') || <span className="muted">Not rated</span>}</td>
                    <td>{c.manager.join(', ') || <span className="muted">Not rated</span>}</td>
                    <td>{c.evidence === 0 ? <span className="muted">None yet</span> : `${c.evidence} ${c.evidence === 1 ? 'record' : 'records'}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <EvidencePerCriterion gap={gap} />
        </>
      )}
    </Page>
  );
}

function CoverageBadge({ x }: { x: CriterionEvidence }) {
  const n = x.records.length + x.links.length;
  return n === 0 ? (
    <span className="badge growth-coverage growth-coverage--none">no evidence yet</span>
  ) : (
    <span className="badge badge--accent growth-coverage">
      {n} {n === 1 ? 'piece' : 'pieces'} of evidence
    </span>
  );
}

/** For each criterion the next level asks: the records that name it and the links attached to its ratings. */
function EvidencePerCriterion({ gap }: { gap: Gap }) {
  const growing = gap.competencies.filter((c) => c.criteria.length > 0 || c.generalRecords.length > 0);
  if (growing.length === 0) return null;
  return (
    <section className="card section-card" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence for what {gap.nextLevelId} asks</h2>
      {growing.map((c) => (
        <div key={c.competency.id} className="growth-evidence">
          <h3>{c.competency.name}</h3>
          <ul className="growth-evidence__list" aria-label={`Evidence for ${c.competency.name}`}>
            {c.criteria.map((x) => (
              <li key={x.criterion.id}>
                <span className="growth-evidence__criterion">{x.criterion.text}</span>
                {x.records.length + x.links.length === 0 ? (
                  <span className="muted small"> · none yet</span>
                ) : (
                  <ul className="growth-evidence__items">
                    {x.records.map((r) => (
                      <li key={`${r.kind}:${r.id}`}>
                        {r.title} <span className="muted small">· {formatDate(r.date, 'medium')}</span>
                      </li>
                    ))}
                    {x.links.map((l) => (
                      <li key={l.type === 'url' ? l.url : `${l.link.kind}:${l.link.id}`}>
                        {l.type === 'url' ? l.url : l.title} <span className="muted small">· linked to a rating</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {c.generalRecords.length > 0 && (
            <p className="muted small">
              Also about {c.competency.name} as a whole: {c.generalRecords.length} {c.generalRecords.length === 1 ? 'record' : 'records'}, naming no criterion.
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

/** On a points ladder: the level each assessment's ratings add up to, offered as a suggestion only. */
function PointsSuggestions({ ladder, trackId, self, manager }: { ladder: Ladder; trackId: string; self?: Assessment; manager?: Assessment }) {
  if (!ladder.scoring) return null;
  const rows = (
    [
      ['Self-assessment', self],
      ['Manager assessment', manager],
    ] as const
  ).flatMap(([label, a]) => {
    const s = a ? pointsSuggestion(ladder, trackId, a) : null;
    return s ? [{ label, s }] : [];
  });
  return (
    <section className="card section-card" aria-labelledby="points-heading">
      <h2 id="points-heading">What the points suggest</h2>
      {rows.length === 0 ? (
        <p className="muted">No finished assessment at this level to add up yet.</p>
      ) : (
        <ul className="plain-list">
          {rows.map(({ label, s }) => (
            <li key={label}>
              {label}: {s.total} of {s.maxTotal} points suggest <strong>{s.levelTitle ? `${s.levelTitle} (${s.levelId})` : 'no level yet'}</strong>
              {s.next ? ` · ${s.next.pointsNeeded} more for ${s.next.levelId}` : ''}
              {s.unrated ? ` · ${s.unrated} not rated` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">A suggestion from the ladder’s scoring, not a decision: the people deciding read the criteria and the evidence.</p>
    </section>
  );
}
