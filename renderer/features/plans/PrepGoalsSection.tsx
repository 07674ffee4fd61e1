import type { Person } from '../../../shared/domain/person';
import PrepGoals from './PrepGoals';

/** The prep view's "Growth goals" section (registered in index.ts through app/prep-sections.ts). */
export default function PrepGoalsSection({ person }: { person: Person }) {
  return (
    <section className="card section-card" aria-labelledby="prep-goals-heading">
      <h2 id="prep-goals-heading">Growth goals</h2>
      <PrepGoals person={person} />
    </section>
  );
}
