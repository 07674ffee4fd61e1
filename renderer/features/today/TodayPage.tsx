import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense } from 'react';
import { Link } from 'wouter';

import { todayIso, weekOf } from '../../../shared/domain/dates';
import { meetingKindLabels } from '../../../shared/domain/meetings';
import { conflicts } from '../../../shared/domain/slots';
import { useCurrentUser, useMe } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { TrySampleTeamButton } from '../../app/SampleTeam';
import { usePeople } from '../../app/usePeople';
import { daysAgo, formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { useInSteps } from '../../ui/in-steps';
import { Page } from '../../ui/Page';
import { TodayFollowUps } from '../feedback';
import { type SeriesRow, useSeriesRows } from '../one-on-ones';
import { StagnationSection } from '../plans';
import { OverdueList } from './OverdueList';
import { CalibrationFirst, GrowthFirst } from './RoleFirst';

function greeting(now: Date) {
  const h = now.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

function SeriesList({ label, rows, empty, render }: { label: string; rows: SeriesRow[]; empty: string; render: (r: SeriesRow) => React.ReactNode }) {
  const id = `today-${label.replace(/\W+/g, '-').toLowerCase()}`;
  // A team of hundreds can have a long list of overdue series: drawn in steps, after the first ones.
  const shown = useInSteps(rows);
  return (
    <section className="card section-card" aria-labelledby={id}>
      <h2 id={id}>{label}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list" aria-label={label}>
          {shown.map((r) => (
            <li key={r.series.id}>{render(r)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const who = (r: SeriesRow) => `${meetingKindLabels[r.series.kind]} with ${r.person?.name ?? 'someone'}`;

/** The 1:1s that overlap another on the day they meet: each series' id → the rows it clashes with. */
function clashes(rows: SeriesRow[], dateOf: (r: SeriesRow) => string): Map<string, SeriesRow[]> {
  const byId = new Map(rows.map((r) => [r.series.id, r]));
  const found = conflicts(
    rows.map((r) => ({ id: r.series.id, date: dateOf(r), time: r.series.time, durationMinutes: r.series.durationMinutes, timeZone: r.series.timeZone })),
  );
  return new Map([...found].map(([id, others]) => [id, others.map((o) => byId.get(o)!)]));
}

function Conflict({ rows }: { rows: SeriesRow[] | undefined }) {
  if (!rows) return null;
  return (
    <>
      <span className="badge badge--danger">Conflict</span>
      <span className="muted small">overlaps {rows.map((r) => `${who(r)} at ${r.series.time}`).join(', ')}</span>
    </>
  );
}

/** Today draws at most this many overdue items; the rest are one link away. */
const OVERDUE_ON_TODAY = 50;

export default function TodayPage() {
  const people = usePeople();
  const { actionItems } = useRepositories();
  const today = todayIso();
  const rows = useSeriesRows(today);
  const overdue = useLiveQuery(() => actionItems.overdue(today, OVERDUE_ON_TODAY), [actionItems, today]);
  const { role, meId, sample } = useCurrentUser();
  const me = useMe();
  const now = new Date();
  const date = formatDate(today, 'weekday');
  if (people === undefined || rows === undefined || overdue === undefined || me === undefined) return <p className="loading">Loading…</p>;
  // The user is a person too, but not one of "the people you work with".
  const active = people.filter((p) => !p.archived && p.id !== meId);
  const managing = role === null || role === 'manager';
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const week = weekOf(today);
  const isToday = (r: SeriesRow) => r.health.next === today || r.todaysMeetingId !== null;
  const todays = rows.filter(isToday);
  const thisWeek = rows.filter((r) => !isToday(r) && r.health.next > today && r.health.next <= week.end);
  const overdueSeries = rows.filter((r) => r.health.overdue && !isToday(r));
  const todaysClashes = clashes(todays, () => today);
  const weeksClashes = clashes(thisWeek, (r) => r.health.next);
  const overdueActions = overdue.items;

  return (
    <Page title="Today" subtitle={`${greeting(now)}${me ? `, ${me.name.split(' ')[0]}` : ''} · ${date}`}>
      {role === 'engineer' && <GrowthFirst me={me} />}
      {role === 'committee' && <CalibrationFirst />}
      {managing && <StagnationSection people={active} />}
      {!managing && rows.length === 0 ? (
        <p className="muted">
          Keep your own 1:1s here too{role === 'engineer' ? ', with your manager' : ''}: set one up on the <Link href="/one-on-ones">1:1s</Link> page.
        </p>
      ) : active.length === 0 ? (
        <EmptyState icon="☀" title="Welcome to Trellis">
          <p>Trellis keeps your 1:1s, career ladders and promotion evidence on this computer. Nothing leaves it unless you export it.</p>
          <p>
            Start by adding the people you work with on the <Link href="/people">People</Link> page, or import them there from a CSV file your HR tool exports.
          </p>
          {!sample && <TrySampleTeamButton role={role ?? 'manager'} />}
        </EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState icon="⇄" title="No 1:1s planned">
          <p>
            You have {active.length} active {active.length === 1 ? 'person' : 'people'} in Trellis. Set up a recurring 1:1 on the{' '}
            <Link href="/one-on-ones">1:1s</Link> page and it will show here when it is due.
          </p>
        </EmptyState>
      ) : (
        <div className="prep-grid">
          <SeriesList
            label="1:1s today"
            rows={todays}
            empty="No 1:1s today."
            render={(r) => {
              const held = r.todaysMeetingId;
              return (
                <>
                  <span className="agenda-item__text">
                    {who(r)} at {r.series.time}
                  </span>
                  <Conflict rows={todaysClashes.get(r.series.id)} />
                  {held ? <Link href={`/one-on-ones/meetings/${held}`}>Open notes</Link> : <Link href={`/one-on-ones/prep/${r.series.id}`}>Prepare</Link>}
                </>
              );
            }}
          />
          <SeriesList
            label="Later this week"
            rows={thisWeek}
            empty="Nothing else this week."
            render={(r) => (
              <>
                <span className="agenda-item__text">
                  {who(r)} · {formatDate(r.health.next, 'day')} {r.series.time}
                </span>
                <Conflict rows={weeksClashes.get(r.series.id)} />
                <Link href={`/one-on-ones/prep/${r.series.id}`}>Prepare</Link>
              </>
            )}
          />
          <SeriesList
            label="Overdue series"
            rows={overdueSeries}
            empty="Every series is on track."
            render={(r) => (
              <>
                <span className="agenda-item__text">
                  {who(r)} · {r.health.lastHeld ? `last met ${daysAgo(r.health.daysSince ?? 0)}` : 'never met'}
                </span>
                <span className="badge badge--danger">Overdue</span>
                <Link href={`/one-on-ones/prep/${r.series.id}`}>Prepare</Link>
              </>
            )}
          />
          <section className="card section-card" aria-labelledby="today-overdue-actions">
            <h2 id="today-overdue-actions">Overdue action items</h2>
            {overdueActions.length === 0 ? <p className="muted">Nothing overdue.</p> : <OverdueList items={overdueActions} nameOf={nameOf} />}
            {overdue.more && (
              <p>
                <Link href="/today/overdue">Show all overdue action items</Link>
              </p>
            )}
          </section>
          <Suspense fallback={null}>
            <TodayFollowUps today={today} />
          </Suspense>
        </div>
      )}
    </Page>
  );
}
