import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Link } from 'wouter';

import type { Assessment } from '../../../shared/domain/assessments';
import { gapToNextLevel } from '../../../shared/domain/gap';
import { useRepositories } from '../../app/data';
import { usePerson } from '../../app/usePeople';
import { evidenceFor } from '../../db/evidence';
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
    const evidence = await evidenceFor(db, { personId: assessment.personId, from: from.toISOString().slice(0, 10) });
    const counts = new Map<string, number>();
    for (const item of evidence) if (item.kind !== 'assessment') for (const c of item.competencyIds) counts.set(c, (counts.get(c) ?? 0) + 1);
    return { assessment, self: latest('self'), manager: latest('manager'), counts, total: evidence.filter((e) => e.kind !== 'assessment').length };
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
    () => (ladder && data && assessment ? gapToNextLevel(ladder, assessment, { self: data.self, manager: data.manager }, data.counts) : null),
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
            <p className="muted small">Coverage, not a verdict: read it with the criteria and the evidence, never as a score.</p>
          </section>
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
                          {c.added.map((a) => (
                            <li key={a.id}>{a.text}</li>
                          ))}
                          {c.changed.map((x) => (
                            <li key={x.after.id}>
                              <span className="muted small">Reworded: </span>
                              {x.after.text}
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
        </>
      )}
    </Page>
  );
}
