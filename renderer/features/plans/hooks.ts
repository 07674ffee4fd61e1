import { useLiveQuery } from 'dexie-react-hooks';

import { type CheckIn, type Goal, type Milestone } from '../../../shared/domain/plans';
import { useRepositories } from '../../app/data';

export interface GoalRow {
  goal: Goal;
  milestones: Milestone[];
  latest?: CheckIn;
}

/** A person's goals (newest first, capped), each with its milestones and newest check-in. */
export function useGoalRows(personId: string, only?: 'in-progress'): GoalRow[] | undefined {
  const { goals } = useRepositories();
  return useLiveQuery(async () => {
    const list = only ? await goals.inProgress(personId) : await goals.forPerson(personId);
    const [parts, latest] = await Promise.all([Promise.all(list.map((g) => goals.milestones(g.id))), goals.latestCheckIns(list.map((g) => g.id))]);
    return list.map((goal, i) => ({ goal, milestones: parts[i]!, ...(latest.get(goal.id) ? { latest: latest.get(goal.id)! } : {}) }));
  }, [goals, personId, only]);
}
