import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';

import { type Assessment, carryOverRatings, ratedChanges, ratingTargets } from '../../../shared/domain/assessments';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { flushAll } from '../../app/flush';
import { Button } from '../../ui/Button';
import { useStatus } from '../../ui/Status';

const changeWords: Record<string, string> = {
  removed: 'No longer in the ladder',
  moved: 'Now names other text',
  reworded: 'Reworded',
  expects: 'Expected step changed',
};

/** "The ladder changed since": what changed for what this assessment rated, and re-assessing against the version in use. */
export function LadderChanged({ assessment, frozen, current, currentHash }: { assessment: Assessment; frozen: Ladder; current: Ladder; currentHash: string }) {
  const { assessments } = useRepositories();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const changes = useMemo(() => ratedChanges(frozen, current, assessment), [frozen, current, assessment]);
  const levelStillThere = current.tracks.some((t) => t.id === assessment.trackId && t.levelIds.includes(assessment.levelId));
  const draft = assessment.status === 'draft';

  const reassess = async () => {
    try {
      const ref = { ladderId: current.id, version: current.version, hash: currentHash };
      const targets = ratingTargets(current, assessment.trackId, assessment.levelId);
      if (!draft) {
        const carried = carryOverRatings(assessment.ratings, targets, current.id, assessment.levelId);
        const next = await assessments.reassess(assessment.id, ref, carried.ratings);
        navigate(`/growth/assessments/${next.id}`);
        return;
      }
      // The draft's newest typing is written first, so what is carried over is what is on screen.
      await flushAll();
      const latest = (await assessments.get(assessment.id)) ?? assessment;
      const carried = carryOverRatings(latest.ratings, targets, current.id, assessment.levelId);
      await assessments.rebaseDraft(assessment.id, ref, carried.ratings);
      const left = carried.dropped.length;
      announce(
        `Moved the draft to version ${current.version}: ${carried.carried.length} ${carried.carried.length === 1 ? 'rating' : 'ratings'} carried over${left ? `, ${left} left behind` : ''}`,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="banner banner--warning growth-changed" aria-labelledby="ladder-changed-heading">
      <h2 id="ladder-changed-heading">Ladder changed</h2>
      <p>
        This assessment {draft ? 'is being made' : 'was made'} against {frozen.name} version {frozen.version}; the ladder in use is version {current.version}.{' '}
        {draft ? 'Until you move it, it rates what that version asks.' : 'It still shows what it was made against.'}
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
      {levelStillThere && (
        <Button onPress={() => void reassess()}>
          {draft ? `Move this draft to version ${current.version}` : `Re-assess against version ${current.version}`}
        </Button>
      )}
      {!levelStillThere && <p>Level {assessment.levelId} is not on this track any more: start a new assessment at the level the person is at now.</p>}
    </section>
  );
}
