import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';

import { addDaysIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { usePeople } from '../../app/usePeople';
import { FollowUpList } from './FollowUpList';

/** How many due follow-ups Today lists before it links to the inbox. */
export const DUE_ON_TODAY = 8;

export function useNameOf(): (personId: string) => string {
  const people = usePeople();
  const names = new Map((people ?? []).map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? 'Someone no longer in Trellis';
}

/** The prep view's section: every open follow-up with this person, due or not, soonest first. */
export function PrepFollowUps({ person, today }: { person: Person; today: string }) {
  const { feedback } = useRepositories();
  const items = useLiveQuery(() => feedback.openForPerson(person.id), [feedback, person.id]);
  const first = person.name.split(' ')[0] ?? person.name;
  return (
    <section className="card section-card" aria-labelledby="prep-follow-ups-heading">
      <h2 id="prep-follow-ups-heading">Feedback follow-ups</h2>
      {items === undefined ? (
        <p className="loading">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing to follow up with {first}.</p>
      ) : (
        <FollowUpList
          label={`Follow-ups with ${first}`}
          items={items}
          today={today}
          tomorrow={addDaysIso(today, 1)}
          nameOf={() => person.name}
          showPerson={false}
        />
      )}
    </section>
  );
}

/** Today's section: open follow-ups due today or earlier, and tomorrow's, with the inbox one click away. */
export function TodayFollowUps({ today }: { today: string }) {
  const { feedback } = useRepositories();
  const tomorrow = addDaysIso(today, 1);
  const items = useLiveQuery(() => feedback.openDueBy(tomorrow, DUE_ON_TODAY + 1), [feedback, tomorrow]);
  const nameOf = useNameOf();
  return (
    <section className="card section-card" aria-labelledby="today-follow-ups">
      <div className="section-card__header">
        <h2 id="today-follow-ups">Follow-ups due</h2>
        <Link href="/feedback/inbox">Inbox</Link>
      </div>
      {items === undefined ? (
        <p className="loading">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No follow-up due today or tomorrow.</p>
      ) : (
        <>
          <FollowUpList label="Follow-ups due" items={items.slice(0, DUE_ON_TODAY)} today={today} tomorrow={tomorrow} nameOf={nameOf} />
          {items.length > DUE_ON_TODAY && (
            <p>
              <Link href="/feedback/inbox">Show every open follow-up</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
