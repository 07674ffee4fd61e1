import type { CheckIn, Goal } from '../../../../shared/domain/plans';
import { goalStatusLabels } from '../../../../shared/domain/plans';
import { registerSearchKind } from './registry';

/** Growth goals: the title, what success looks like and the team outcome; the manager's private notes are searchable here only. */
registerSearchKind<Goal>({
  kind: 'goal',
  label: 'Growth goals',
  singular: 'Growth goal',
  table: 'goals',
  order: 44,
  docs: (g) => [
    {
      id: `goal:${g.id}`,
      kind: 'goal',
      recordId: g.id,
      personId: g.personId,
      date: g.date,
      title: g.title,
      body: [goalStatusLabels[g.status], g.teamOutcome ?? '', g.description].filter(Boolean).join('\n'),
      private: g.privateNotes,
    },
  ],
  open: (hit) => ({ path: `/growth/goals/${hit.recordId}` }),
});

/** A goal's check-ins: what was discussed, opening the goal that lists them. */
registerSearchKind<CheckIn>({
  kind: 'goal-check-in',
  label: 'Goal check-ins',
  singular: 'Goal check-in',
  table: 'goalCheckIns',
  order: 45,
  docs: (c) => [
    { id: `goal-check-in:${c.id}`, kind: 'goal-check-in', recordId: c.id, personId: c.personId, date: c.date, title: 'Check-in', body: c.note, ref: c.goalId },
  ],
  open: (hit) => ({ path: `/growth/goals/${hit.ref ?? ''}` }),
});
