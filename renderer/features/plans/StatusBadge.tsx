import { type GoalStatus, goalStatusLabels } from '../../../shared/domain/plans';
import { cx } from '../../ui/cx';

const tone: Record<GoalStatus, string | undefined> = { planned: undefined, 'in-progress': 'badge--accent', done: 'badge--accent', dropped: 'badge--warning' };

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return <span className={cx('badge', tone[status])}>{goalStatusLabels[status]}</span>;
}
