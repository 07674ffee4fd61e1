import './people.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { type Person, trackLabels } from '../../../shared/domain/person';
import { buildTimeline } from '../../../shared/domain/timeline';
import { useRepositories } from '../../app/data';
import { usePeople, useTeams } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { EvidenceCoverage, useCoverageEvidence } from '../growth';
import { ExportNotesButton, PersonSeriesSection, QueuePointDialog, QueueSection, SeriesDialog, useSeriesRows } from '../one-on-ones';
import { StagnationFlag } from '../plans';
import { PersonDialog } from './PersonDialog';
import { usePlacementStates } from './placements';
import { RelationshipsCard } from './RelationshipsCard';
import { Timeline } from './Timeline';

function Details({ person, teamName }: { person: Person; teamName: string | undefined }) {
  const placement = usePlacementStates(useMemo(() => [person], [person])).get(person.id);
  const placed: [string, string | undefined][] = person.placement
    ? [['Ladder', placement?.kind === 'moved' ? `${person.placement.levelId} — level no longer on the ladder` : (placement?.label ?? person.placement.levelId)]]
    : [
        ['Track', person.track && trackLabels[person.track]],
        ['Level', person.level],
      ];
  const rows: [string, string | undefined][] = [
    ['Email', person.email],
    ['Title', person.title],
    ['Team', teamName],
    ['Location', person.location],
    ...placed,
    ['Started', person.startDate && formatDate(person.startDate, 'medium')],
    ['Level since', person.levelSince && formatDate(person.levelSince, 'medium')],
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
const OLDER_MEETINGS = 200;

/**
 * The person's newest meetings (by [personId+date], newest first, capped) and the action items
 * agreed in them, as timeline entries, and whether older meetings are left out.
 */
function usePersonTimeline(personId: string, personName: string | undefined, limit: number) {
  const { meetings, actionItems, feedback, wins } = useRepositories();
  const data = useLiveQuery(async () => {
    // Reads that wait for nothing start at once, the rest as soon as what they need is read: each
    // round trip to IndexedDB waited for in turn is time before the timeline shows.
    const feedbackRead = feedback.forPerson(personId, 500);
    const newest = await meetings.historyForPerson(personId, limit + 1);
    const shown = newest.slice(0, limit);
    // Feedback and wins of the same span as the meetings shown (all of them while every meeting is shown).
    const since = newest.length > limit ? shown[shown.length - 1]?.date : undefined;
    const [items, entries, logged] = await Promise.all([
      actionItems.forMeetings(personId, shown),
      feedbackRead,
      wins.forPerson(personId, since, undefined, 500),
    ]);
    return { shown, items, more: newest.length > limit, evidence: { feedback: since ? entries.filter((e) => e.date >= since) : entries, wins: logged } };
  }, [meetings, actionItems, feedback, wins, personId, limit]);
  return useMemo(
    () => (data && personName !== undefined ? { entries: buildTimeline(data.shown, data.items, personName, data.evidence), more: data.more } : undefined),
    [data, personName],
  );
}

export default function PersonPage({ id }: { id: string }) {
  const everyone = usePeople();
  const teamList = useTeams();
  const today = todayIso();
  const seriesRows = useSeriesRows(today, id);
  const [historyLimit, setHistoryLimit] = useState(TIMELINE_MEETINGS);
  const timeline = usePersonTimeline(id, everyone?.find((p) => p.id === id)?.name, historyLimit);
  // Read beside the page's own reads, not once the page is drawn: the coverage comes with it.
  const coverageEvidence = useCoverageEvidence(id);
  const [editing, setEditing] = useState(false);
  const [newSeries, setNewSeries] = useState(false);
  const [queueing, setQueueing] = useState(false);

  if (!everyone || !seriesRows) return <p className="loading">Loading…</p>;
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
  if (!timeline) return <p className="loading">Loading…</p>;
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
      {!person.archived && <StagnationFlag person={person} />}
      <div className="person-grid">
        <Details person={person} teamName={teamName} />
        <PersonSeriesSection person={person} rows={mine} />
        <QueueSection person={person} title="Queue a talking point for the next 1:1" />
        <RelationshipsCard person={person} everyone={everyone} />
      </div>
      <EvidenceCoverage person={person} evidence={coverageEvidence} />
      <Timeline
        entries={timeline.entries}
        actions={
          <>
            {timeline.more && (
              <Button size="small" onPress={() => setHistoryLimit((n) => n + OLDER_MEETINGS)}>
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
    </Page>
  );
}
