import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';

import type { Assessment } from '../../../shared/domain/assessments';
import { useRepositories } from '../../app/data';

/** The other revisions of the same assessment, when there are any. */
export function Revisions({ assessment }: { assessment: Assessment }) {
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
