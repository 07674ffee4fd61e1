import './plans.css';

import { Link } from 'wouter';

import type { Person } from '../../../shared/domain/person';
import { milestoneProgress } from '../../../shared/domain/plans';
import { formatDate } from '../../ui/dates';
import { useGoalRows } from './hooks';
import { StagnationFlag } from './StagnationFlag';

/** In the prep view: the goals in progress, with their next open milestone and the last check-in. */
export default function PrepGoals({ person }: { person: Person }) {
  const rows = useGoalRows(person.id, 'in-progress');
  const first = person.name.split(' ')[0] ?? person.name;
  return (
    <div>
      <StagnationFlag person={person} />
      <h3>Goals in progress</h3>
      {rows === undefined ? (
        <p className="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">
          No goal in progress for {first}. <Link href={`/growth/people/${person.id}`}>Plan one</Link>
        </p>
      ) : (
        <ul className="plain-list" aria-label="Goals in progress">
          {rows.map(({ goal, milestones, latest }) => {
            const next = milestones.find((m) => !m.doneOn);
            return (
              <li key={goal.id}>
                <span className="agenda-item__text">
                  <Link href={`/growth/goals/${goal.id}`}>{goal.title}</Link>
                  <div className="muted small">
                    {milestoneProgress(milestones).label}
                    {next ? ` · next: ${next.title}` : ''}
                    {latest ? ` · last check-in ${formatDate(latest.date, 'medium')}` : ' · no check-in yet'}
                  </div>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
