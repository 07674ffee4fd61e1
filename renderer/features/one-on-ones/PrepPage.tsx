import './one-on-ones.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useState } from 'react';
import { Link } from 'wouter';

import { seriesHealth } from '../../../shared/domain/cadence';
import { carriesOver, promptTexts } from '../../../shared/domain/carry-over';
import { todayIso } from '../../../shared/domain/dates';
import { type ActionItem, meetingKindLabels } from '../../../shared/domain/meetings';
import { builtInTemplates } from '../../../shared/domain/templates';
import { useRepositories } from '../../app/data';
import { prepSections } from '../../app/prep-sections';
import { Button } from '../../ui/Button';
import { daysAgo, formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { useInSteps } from '../../ui/in-steps';
import { LockIcon } from '../../ui/LockIcon';
import { Markdown } from '../../ui/Markdown';
import { Page } from '../../ui/Page';
import { ActionItemRow } from './ActionItemsSection';
import { useTemplates } from './hooks';
import { QueueSection } from './PersonSections';
import { SeriesCalendarButton } from './ShareActions';
import { StartMeetingDialog } from './StartMeetingDialog';

/** The series, its person, the last meeting held and the open items: nothing else of the history. */
function usePrepData(seriesId: string, today: string) {
  const repos = useRepositories();
  return useLiveQuery(async () => {
    const series = await repos.series.get(seriesId);
    if (!series) return null;
    // The dates of the open items' meetings are read as soon as the items are, beside the
    // other reads rather than after all of them: one round trip to IndexedDB less to wait for.
    const openWithDates = repos.actionItems
      .openForPerson(series.personId)
      .then(async (open) => ({ open, dates: await repos.meetings.datesOf(open.map((i) => i.meetingId)) }));
    const [person, activity, last, { open, dates }] = await Promise.all([
      repos.people.get(series.personId),
      repos.meetings.seriesActivity([{ id: series.id }], today),
      repos.meetings.lastHeldForPerson(series.personId, today),
      openWithDates,
    ]);
    return { series, person, activity: activity.get(series.id), last, open, dates };
  }, [repos, seriesId, today]);
}

/** The prep view's rows change nothing but done, which shows itself. */
const ignore = () => {};

function ActionList({ title, items, name, dates }: { title: string; items: ActionItem[]; name: string; dates: Map<string, string> }) {
  // A person's open items, however many: the first ones come with the screen, the rest a moment later.
  const shown = useInSteps(items);
  return (
    <div>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">Nothing open.</p>
      ) : (
        <ul className="plain-list" aria-label={title}>
          {shown.map((i) => (
            <ActionItemRow key={i.id} item={i} personName={name} meetingDates={dates} onError={ignore} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** Everything to glance at before walking into a 1:1, on one screen. */

export default function PrepPage({ seriesId }: { seriesId: string }) {
  const today = todayIso();
  const data = usePrepData(seriesId, today);
  const [starting, setStarting] = useState(false);
  const templates = useTemplates();
  if (data === undefined) return <p className="loading">Loading…</p>;
  if (data === null || !data.person) {
    return (
      <Page title="Series not found">
        <EmptyState icon="?" title="This series does not exist">
          <p>
            Go back to <Link href="/one-on-ones">1:1s</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  }
  const { series, person, activity, last, open, dates } = data;
  const lastHeld = activity?.lastHeld;
  const health = seriesHealth(series, lastHeld ? [lastHeld.date] : [], today);
  const first = person.name.split(' ')[0] ?? person.name;
  const knownPrompts = promptTexts([...builtInTemplates, ...(templates ?? [])]);
  const notDiscussed = last?.agenda.filter((i) => carriesOver(i, knownPrompts)) ?? [];
  return (
    <Page
      title={`Prep: ${meetingKindLabels[series.kind]} with ${person.name}`}
      subtitle={`Next: ${health.next === today ? 'today' : formatDate(health.next, 'day')} at ${series.time}`}
      actions={
        <>
          <SeriesCalendarButton series={series} person={person} size="normal" />
          <Button variant="primary" onPress={() => setStarting(true)}>
            Start meeting
          </Button>
        </>
      }
    >
      <div className="prep-grid">
        <section className="card section-card" aria-labelledby="since-heading">
          <h2 id="since-heading">Since the last 1:1</h2>
          {health.lastHeld ? (
            <>
              <p className="stat">{health.daysSince} days</p>
              <p className="muted">
                Last met {formatDate(health.lastHeld, 'day')} ({daysAgo(health.daysSince ?? 0)}).{' '}
                {health.overdue && <span className="badge badge--danger">Overdue</span>}
              </p>
            </>
          ) : (
            <p className="muted">You have not met in this series yet.</p>
          )}
        </section>
        <QueueSection person={person} title="Talking-point queue" />
        <section className="card section-card" aria-labelledby="last-heading">
          <div className="section-card__header">
            <h2 id="last-heading">{last ? `Last meeting · ${formatDate(last.date)}` : 'Last meeting'}</h2>
            {last && <Link href={`/one-on-ones/meetings/${last.id}`}>Open</Link>}
          </div>
          {last ? (
            <>
              <h3>Shared notes and decisions</h3>
              <Markdown source={last.sharedNotes} policy="notes" label="Last meeting's shared notes" />
              {notDiscussed.length > 0 && (
                <>
                  <h3>Not discussed yet (carries over)</h3>
                  <ul aria-label="Not discussed yet">
                    {notDiscussed.map((i) => (
                      <li key={i.id}>{i.text}</li>
                    ))}
                  </ul>
                </>
              )}
              <div className="private-card section-card">
                <span className="private-label">
                  <LockIcon /> Your private notes
                </span>
                <Markdown source={last.privateNotes} policy="notes" label="Last meeting's private notes" />
              </div>
            </>
          ) : (
            <p className="muted">No earlier meeting with {first}.</p>
          )}
        </section>
        <section className="card section-card" aria-labelledby="open-heading">
          <h2 id="open-heading">Open action items</h2>
          <ActionList title={`${first} owes`} items={open.filter((i) => i.owner === 'them')} name={person.name} dates={dates} />
          <ActionList title="You owe" items={open.filter((i) => i.owner === 'me')} name={person.name} dates={dates} />
        </section>
        {prepSections().map(({ id, Component }) => (
          <Suspense key={id} fallback={null}>
            <Component person={person} today={today} />
          </Suspense>
        ))}
      </div>
      {starting && <StartMeetingDialog series={series} personName={person.name} isFirst={!activity?.newest} onClose={() => setStarting(false)} />}
    </Page>
  );
}
