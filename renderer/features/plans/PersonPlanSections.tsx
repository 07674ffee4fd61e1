import './plans.css';

import type { Person } from '../../../shared/domain/person';
import { GrowthPlanSection } from './GrowthPlanSection';
import { LearningSection } from './LearningSection';
import { StretchSection } from './StretchSection';

/** Everything of a person's plan, for their Growth page: goals, stretch work with sponsors, learning. */
export function PersonPlanSections({ person }: { person: Person }) {
  return (
    <>
      <GrowthPlanSection person={person} />
      <StretchSection person={person} />
      <LearningSection person={person} />
    </>
  );
}
