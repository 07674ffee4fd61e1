import '../one-on-ones/one-on-ones.css';
import './people.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';

import { todayIso } from '../../../shared/domain/cadence';
import { meetingKindLabels, type Series } from '../../../shared/domain/meetings';
import { type Person, trackLabels } from '../../../shared/domain/person';
import { buildTimeline } from '../../../shared/domain/timeline';
import { useRepositories } from '../../app/data';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { ExportNotesButton } from '../import-export/ExportNotesDialog';
import { SeriesCalendarButton } from '../import-export/ShareActions';
import { dayLabel, describeCadence } from '../one-on-ones/format';
import { useSeriesRows } from '../one-on-ones/hooks';
import { QueuedList } from '../one-on-ones/QueuedList';
import { QueuePointDialog, QueuePointForm } from '../one-on-ones/QueuePoint';
import { SeriesDialog } from '../one-on-ones/SeriesDialog';
import { StartMeetingDialog } from '../one-on-ones/StartMeetingDialog';
import { PersonDialog } from './PersonDialog';
import { RelationshipsCard } from './RelationshipsCard';
import { Timeline } from './Timeline';
import { usePeople } from './usePeople';

function Details({ person, teamName }: { person: Person; teamName: string | undefined }) {
  const rows: [string, string | undefined][] = [
    ['Email', person.email],
    ['Title', person.title],
    ['Team', teamName],
    ['Track', person.track && trackLabels[person.track]],
    ['Level', person.level],
    ['Started', person.startDate],
    ['Level since', person.levelSince],
  ];
  return (
    <section className="card section-card" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value ?? <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Meetings the timeline starts with; older ones load on request. */
const TIMELINE_MEETINGS = 50;

/**
 * The person's newest meetings (by [personId+date], newest first, capped) and the action items
 * agreed in them, as timeline entries, and whether older meetings are left out.
 */
function usePersonTimeline(personId: string, limit: number) {
  const { meetings, actionItems } = useRepositories();
  const data = useLiveQuery(async () => {
    const newest = await meetings.historyForPerson(personId, limit + 1);
    const shown = newest.slice(0, limit);
    const items = await actionItems.forMeetings(personId, shown);
    return { shown, items, more: newest.length > limit };
  }, [meetings, actionItems, personId, limit]);
  return useMemo(() => (data ? { entries: buildTimeline(data.shown, data.items), more: data.more } : undefined), [data]);
}

export default function PersonPage({ id }: { id: string }) {
  const everyone = usePeople();
  const { teams } = useRepositories();
  const teamList = useLiveQuery(() => teams.list(), [teams]);
  const today = todayIso();
  const seriesRows = useSeriesRows(today, id);
  const [historyLimit, setHistoryLimit] = useState(TIMELINE_MEETINGS);
  const timeline = usePersonTimeline(id, historyLimit);
  const [editing, setEditing] = useState(false);
  const [newSeries, setNewSeries] = useState(false);
  const [queueing, setQueueing] = useState(false);
  const [starting, setStarting] = useState<Series | null>(null);

  if (!everyone || !seriesRows || !timeline) return <p className="loading">Loading…</p>;
  const person = everyone.find((p) => p.id === id);
  if (!person) {
    return (
      <Page title="Person not found">
        <EmptyState icon="?" title="This person does not exist">
          <p>
            Go back to <Link href="/people">People</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  }
  const mine = seriesRows;
  const teamName = teamList?.find((t) => t.id === person.teamId)?.name;
  return (
    <Page
      title={person.name}
      subtitle={[person.title, teamName, person.archived ? 'Archived' : undefined].filter(Boolean).join(' · ') || undefined}
      actions={
        <>
          <ExportNotesButton person={person} />
          <Button onPress={() => setEditing(true)}>Edit details</Button>
          <Button variant="primary" onPress={() => setNewSeries(true)}>
            New series
          </Button>
        </>
      }
    >
      <div className="person-grid">
        <Details person={person} teamName={teamName} />
        <section className="card section-card" aria-labelledby="series-heading">
          <h2 id="series-heading">1:1 series</h2>
          {mine.length === 0 ? (
            <p className="muted">No series with {person.name} yet.</p>
          ) : (
            <ul className="plain-list" aria-label={`Series with ${person.name}`}>
              {mine.map((r) => (
                <li key={r.series.id}>
                  <span className="agenda-item__text">
                    <strong>{meetingKindLabels[r.series.kind]}</strong> · {describeCadence(r.series)}
                    <div className="muted small">
                      Next {r.health.next === today ? 'today' : dayLabel(r.health.next)}{' '}
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
        </section>
        <section className="card section-card" aria-labelledby="queue-heading">
          <h2 id="queue-heading">Queue a talking point for the next 1:1</h2>
          <QueuedList personId={id} />
          <QueuePointForm personId={id} personName={person.name} />
        </section>
        <RelationshipsCard person={person} everyone={everyone} />
      </div>
      <Timeline
        entries={timeline.entries}
        actions={
          <>
            {timeline.more && (
              <Button size="small" onPress={() => setHistoryLimit(Number.MAX_SAFE_INTEGER - 1)}>
                Show older meetings
              </Button>
            )}
            <Button size="small" onPress={() => setQueueing(true)}>
              Queue a point…
            </Button>
          </>
        }
      />
      {editing && <PersonDialog person={person} everyone={everyone} isOpen onClose={() => setEditing(false)} />}
      {newSeries && <SeriesDialog series={null} people={everyone} personId={id} onClose={() => setNewSeries(false)} />}
      {queueing && <QueuePointDialog personId={id} personName={person.name} onClose={() => setQueueing(false)} />}
      {starting && (
        <StartMeetingDialog
          series={starting}
          personName={person.name}
          isFirst={!mine.find((r) => r.series.id === starting.id)?.hasMet}
          onClose={() => setStarting(null)}
        />
      )}
    </Page>
  );
}
