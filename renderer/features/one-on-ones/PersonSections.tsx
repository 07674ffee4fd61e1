import './one-on-ones.css';

import { useState } from 'react';
import { Link } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { meetingKindLabels, type Series } from '../../../shared/domain/meetings';
import type { Person } from '../../../shared/domain/person';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { describeCadence } from './format';
import type { SeriesRow } from './hooks';
import { QueuedList } from './QueuedList';
import { QueuePointForm } from './QueuePoint';
import { SeriesCalendarButton } from './ShareActions';
import { StartMeetingDialog } from './StartMeetingDialog';

/** The person's 1:1 series on their page: cadence, next date, prep, start and calendar export. */
export function PersonSeriesSection({ person, rows }: { person: Person; rows: SeriesRow[] }) {
  const [starting, setStarting] = useState<Series | null>(null);
  const today = todayIso();
  return (
    <section className="card section-card" aria-labelledby="series-heading">
      <h2 id="series-heading">1:1 series</h2>
      {rows.length === 0 ? (
        <p className="muted">No series with {person.name} yet.</p>
      ) : (
        <ul className="plain-list" aria-label={`Series with ${person.name}`}>
          {rows.map((r) => (
            <li key={r.series.id}>
              <span className="agenda-item__text">
                <strong>{meetingKindLabels[r.series.kind]}</strong> · {describeCadence(r.series)}
                <div className="muted small">
                  Next {r.health.next === today ? 'today' : formatDate(r.health.next, 'day')}{' '}
                  {r.health.overdue && <span className="badge badge--danger">Overdue</span>}
                </div>
                <SeriesCalendarButton series={r.series} person={person} />
              </span>
              <Link className="btn btn--small" href={`/one-on-ones/prep/${r.series.id}`}>
                Prep
              </Link>
              <Button size="small" variant="primary" onPress={() => setStarting(r.series)} aria-label={`Start ${meetingKindLabels[r.series.kind]}`}>
                Start
              </Button>
            </li>
          ))}
        </ul>
      )}
      {starting && (
        <StartMeetingDialog
          series={starting}
          personName={person.name}
          isFirst={!rows.find((r) => r.series.id === starting.id)?.hasMet}
          onClose={() => setStarting(null)}
        />
      )}
    </section>
  );
}

/** The talking points waiting for the next 1:1 with the person, and a field to queue one more. */
export function QueueSection({ person, title }: { person: Pick<Person, 'id' | 'name'>; title: string }) {
  return (
    <section className="card section-card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{title}</h2>
      <QueuedList personId={person.id} />
      <QueuePointForm personId={person.id} personName={person.name} />
    </section>
  );
}
