import './plans.css';

import { useState } from 'react';
import { Link, useLocation } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { isOverdue, milestoneProgress } from '../../../shared/domain/plans';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/dates';
import { ExportPlanButton } from './ExportPlanButton';
import { GoalDialog } from './GoalDialog';
import { useGoalRows } from './hooks';
import { GoalStatusBadge } from './StatusBadge';

/** A person's growth plan: their goals with status, target date, milestones and the newest check-in. */
export function GrowthPlanSection({ person }: { person: Person }) {
  const rows = useGoalRows(person.id);
  const [adding, setAdding] = useState(false);
  const [, navigate] = useLocation();
  const today = todayIso();
  return (
    <section className="card section-card plans-section" aria-labelledby="plan-heading">
      <div className="section-card__header">
        <h2 id="plan-heading">Growth plan</h2>
        <div className="toolbar">
          <ExportPlanButton person={person} />
          <Button size="small" variant="primary" onPress={() => setAdding(true)}>
            New goal
          </Button>
        </div>
      </div>
      {rows === undefined ? (
        <p className="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No goals for {person.name} yet. A goal names what to grow on the ladder, with milestones and check-ins in your 1:1s.</p>
      ) : (
        <DataTable label="Goals" columns={['Goal', 'Status', 'Target', 'Milestones', 'Last check-in']}>
          {rows.map(({ goal, milestones, latest }) => (
            <tr key={goal.id}>
              <td>
                <Link href={`/growth/goals/${goal.id}`}>{goal.title}</Link>
                {goal.teamOutcome && <div className="muted small">For: {goal.teamOutcome}</div>}
              </td>
              <td>
                <GoalStatusBadge status={goal.status} />
              </td>
              <td>
                {goal.targetDate ? formatDate(goal.targetDate, 'medium') : <span className="muted">—</span>}
                {isOverdue(goal, today) && <span className="badge badge--danger"> Overdue</span>}
              </td>
              <td>{milestoneProgress(milestones).label}</td>
              <td>{latest ? formatDate(latest.date, 'medium') : <span className="muted">None yet</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {adding && <GoalDialog person={person} onClose={() => setAdding(false)} onSaved={(g) => navigate(`/growth/goals/${g.id}`)} />}
    </section>
  );
}
