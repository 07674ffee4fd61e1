import './plans.css';

import { useMemo } from 'react';
import { Link } from 'wouter';

import type { Person } from '../../../shared/domain/person';
import { type Flagged, useStagnation } from './stagnation';

function Clears({ flagged }: { flagged: Flagged }) {
  const { person, stagnation } = flagged;
  const [goal, conversation, level] = stagnation.clears;
  return (
    <ul className="plans-clears" aria-label={`What would clear the flag for ${person.name}`}>
      <li>
        <Link href={`/growth/people/${person.id}`}>{goal}</Link>
      </li>
      <li>{conversation}</li>
      <li>
        <Link href={`/people/${person.id}`}>{level}</Link>
      </li>
    </ul>
  );
}

/** On one person's screens (their page, the prep view): the flag when they are stagnating, else nothing. */
export function StagnationFlag({ person }: { person: Person }) {
  const one = useMemo(() => [person], [person]);
  const flagged = useStagnation(one)?.[0];
  if (!flagged) return null;
  return (
    <div className="banner banner--warning plans-stagnation" role="status" aria-label="Growth check">
      <p>
        <strong>Time to talk growth with {person.name.split(' ')[0]}:</strong> {flagged.stagnation.summary}.
      </p>
      <Clears flagged={flagged} />
    </div>
  );
}

/** On Today: everyone flagged, longest in level first. Nothing when no one is. */
export function StagnationSection({ people }: { people: readonly Person[] | undefined }) {
  const flagged = useStagnation(people);
  if (!flagged || flagged.length === 0) return null;
  return (
    <section className="card section-card" aria-labelledby="stagnation-heading">
      <h2 id="stagnation-heading">Growth check</h2>
      <p className="muted small">Past the typical time in their level, with no goal in progress and no recent career conversation.</p>
      <ul className="plain-list" aria-label="People to talk growth with">
        {flagged.map((f) => (
          <li key={f.person.id} className="plans-stagnation-item">
            <div>
              <Link href={`/people/${f.person.id}`}>
                <strong>{f.person.name}</strong>
              </Link>
              <div className="muted small">{f.stagnation.summary}</div>
              <Clears flagged={f} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
