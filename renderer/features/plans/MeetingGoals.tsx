import './plans.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import type { Meeting } from '../../../shared/domain/meetings';
import type { Goal } from '../../../shared/domain/plans';
import { useRepositories } from '../../app/data';
import { Button } from '../../ui/Button';
import { useStatus } from '../../ui/Status';
import { CheckInDialog } from './CheckInDialog';

/**
 * On a 1:1: the person's goals in progress, each with "Discussed…" to add a check-in dated with
 * the meeting (and a ticked line on its agenda). Goals already discussed in this meeting say so.
 */
export default function MeetingGoals({ meeting }: { meeting: Pick<Meeting, 'id' | 'date' | 'personId'> }) {
  const { goals } = useRepositories();
  const { announce } = useStatus();
  const data = useLiveQuery(async () => {
    const [list, made] = await Promise.all([goals.inProgress(meeting.personId), goals.checkInsFromMeeting(meeting.id)]);
    return { list, discussed: new Set(made.map((c) => c.goalId)) };
  }, [goals, meeting.personId, meeting.id]);
  const [discussing, setDiscussing] = useState<Goal | null>(null);
  if (!data) return null;
  return (
    <section className="card section-card" aria-labelledby="meeting-goals-heading">
      <h2 id="meeting-goals-heading">Growth goals</h2>
      {data.list.length === 0 ? (
        <p className="muted">No goals in progress.</p>
      ) : (
        <ul className="plain-list" aria-label="Goals in progress">
          {data.list.map((g) => (
            <li key={g.id}>
              <span className="agenda-item__text">
                <Link href={`/growth/goals/${g.id}`}>{g.title}</Link>
                {data.discussed.has(g.id) && <span className="muted small"> · discussed today</span>}
              </span>
              <Button size="small" onPress={() => setDiscussing(g)} aria-label={`Discussed ${g.title}`}>
                Discussed…
              </Button>
            </li>
          ))}
        </ul>
      )}
      {discussing && (
        <CheckInDialog
          goal={discussing}
          meeting={meeting}
          onClose={() => setDiscussing(null)}
          onAdded={() => announce(`Check-in added to “${discussing.title}”`)}
        />
      )}
    </section>
  );
}
