import './one-on-ones.css';

import { useState } from 'react';
import { Link } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { meetingKindLabels, type Series } from '../../../shared/domain/meetings';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { daysAgo, formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { VirtualTable } from '../../ui/VirtualTable';
import { describeCadence } from './format';
import { type SeriesRow, useRecentMeetings, useSeriesRows } from './hooks';
import { SeriesDialog } from './SeriesDialog';
import { StartMeetingDialog } from './StartMeetingDialog';

type Editing = { series: Series | null } | null;

function SeriesTable({ rows, today, onStart, onEdit }: { rows: SeriesRow[]; today: string; onStart: (r: SeriesRow) => void; onEdit: (s: Series) => void }) {
  return (
    <VirtualTable
      label="Series"
      columns={['Person', 'Kind and cadence', 'Next', 'Last held']}
      actions
      rows={rows}
      rowKey={(r) => r.series.id}
      estimateRowHeight={58}
      renderRow={(r) => {
        const name = r.person?.name ?? 'Unknown person';
        return (
          <>
            <td>
              {r.person ? <Link href={`/people/${r.person.id}`}>{name}</Link> : name}
              <div className="muted small">{meetingKindLabels[r.series.kind]}</div>
            </td>
            <td>{describeCadence(r.series)}</td>
            <td>
              {r.health.next === today ? <strong>Today</strong> : formatDate(r.health.next, 'day')}{' '}
              {r.health.overdue && <span className="badge badge--danger">Overdue</span>}
            </td>
            <td>
              {r.health.lastHeld ? `${formatDate(r.health.lastHeld, 'day')} (${daysAgo(r.health.daysSince ?? 0)})` : <span className="muted">Not yet</span>}
            </td>
            <td className="row-actions">
              <Link
                className="btn btn--small"
                href={`/one-on-ones/prep/${r.series.id}`}
                aria-label={`Prepare for ${meetingKindLabels[r.series.kind]} with ${name}`}
              >
                Prep
              </Link>
              <Button size="small" variant="primary" onPress={() => onStart(r)} aria-label={`Start ${meetingKindLabels[r.series.kind]} with ${name}`}>
                Start
              </Button>
              <Button size="small" variant="quiet" onPress={() => onEdit(r.series)} aria-label={`Edit series with ${name}`}>
                Edit
              </Button>
            </td>
          </>
        );
      }}
    />
  );
}

function RecentMeetings({ nameOf }: { nameOf: Map<string, string> }) {
  const recent = useRecentMeetings(10);
  if (!recent) return null;
  if (recent.length === 0) return null;
  return (
    <section className="card section-card" aria-labelledby="recent-meetings">
      <h2 id="recent-meetings">Recent meetings</h2>
      <ul className="plain-list">
        {recent.map((m) => (
          <li key={m.id}>
            <Link href={`/one-on-ones/meetings/${m.id}`}>
              {meetingKindLabels[m.kind]} with {nameOf.get(m.personId) ?? 'Unknown person'} · {formatDate(m.date, 'day')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function OneOnOnesPage() {
  const today = todayIso();
  const rows = useSeriesRows(today);
  const people = usePeople();
  const [editing, setEditing] = useState<Editing>(null);
  const [starting, setStarting] = useState<SeriesRow | null>(null);

  if (!rows || !people) return <p className="loading">Loading 1:1s…</p>;
  const overdue = rows.filter((r) => r.health.overdue).length;
  const newButton = (
    <Button variant="primary" onPress={() => setEditing({ series: null })} isDisabled={people.length === 0}>
      New series
    </Button>
  );
  return (
    <Page
      title="1:1s"
      subtitle={rows.length > 0 && `${rows.length} ${rows.length === 1 ? 'series' : 'series'}${overdue ? ` · ${overdue} overdue` : ''}`}
      actions={
        <>
          <Link className="btn" href="/one-on-ones/templates">
            Templates
          </Link>
          {newButton}
        </>
      }
    >
      {rows.length === 0 ? (
        <EmptyState icon="⇄" title="No 1:1 series yet" action={people.length > 0 ? newButton : undefined}>
          {people.length === 0 ? (
            <p>
              Add the people you meet with on the <Link href="/people">People</Link> page first.
            </p>
          ) : (
            <p>A series is a recurring meeting with one person: weekly, every two weeks or monthly. Trellis tells you when one is due or overdue.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <SeriesTable rows={rows} today={today} onStart={setStarting} onEdit={(s) => setEditing({ series: s })} />
          <RecentMeetings nameOf={new Map(people.map((p) => [p.id, p.name]))} />
        </>
      )}
      {editing && <SeriesDialog series={editing.series} people={people} onClose={() => setEditing(null)} />}
      {starting && (
        <StartMeetingDialog
          series={starting.series}
          personName={starting.person?.name ?? 'them'}
          isFirst={!starting.hasMet}
          onClose={() => setStarting(null)}
        />
      )}
    </Page>
  );
}
