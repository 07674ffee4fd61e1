import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Link } from 'wouter';

import { type Assessment, assessmentKindLabels, ratingTargets } from '../../../shared/domain/assessments';
import { useRepositories } from '../../app/data';
import { usePerson } from '../../app/usePeople';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { DraftEditor } from './DraftEditor';
import { FinishedView } from './FinishedView';
import { LadderChanged } from './LadderChanged';
import { Revisions } from './Revisions';
import { useCurrentLadder, useFrozenLadder } from './useAssessmentLadders';

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
  // A draft moved onto a newer ladder version is a new editor: its ratings changed underneath.
  return <AssessmentScreen key={`${assessment.id}@${assessment.ladder.hash}`} assessment={assessment} />;
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
        <div className="toolbar">
          <Link className="btn" href={`/growth/people/${assessment.personId}/compare`}>
            Side by side
          </Link>
          <Link className="btn" href={`/growth/assessments/${assessment.id}/gap`}>
            Gap to the next level
          </Link>
        </div>
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
      {ladder && assessment.status === 'finished' && <FinishedView assessment={assessment} targets={targets} person={person ?? null} ladder={ladder} />}
    </Page>
  );
}
