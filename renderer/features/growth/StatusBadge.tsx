import type { AssessmentStatus } from '../../../shared/domain/assessments';
import { cx } from '../../ui/cx';
import { LockIcon } from '../../ui/LockIcon';

/** "Draft" or "Finished · locked": the one way an assessment's state is shown. */
export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return status === 'finished' ? (
    <span className={cx('badge', 'badge--accent')}>
      <LockIcon size={12} /> Finished · locked
    </span>
  ) : (
    <span className="badge">Draft</span>
  );
}
