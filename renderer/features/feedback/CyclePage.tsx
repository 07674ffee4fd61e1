import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';

import { cycleHealth, type CycleRequest, type CycleResponse, type FeedbackCycle, formatRate, summaryByCompetency } from '../../../shared/domain/cycles';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { useStatus } from '../../ui/Status';
import { AddResponseDialog, AskPeerDialog } from './CycleDialogs';
import { FeedbackTabs } from './FeedbackTabs';
import { PrivateChip } from './PrivateChip';
import { competencyName, useLadderCompetencies } from './useLadderCompetencies';

// The importer (papaparse and the Markdown reader) loads only when someone imports.
const ImportResponsesDialog = lazy(() => import('./ImportResponsesDialog'));

function Health({ requests, responses, today }: { requests: CycleRequest[]; responses: CycleResponse[]; today: string }) {
  const h = cycleHealth(requests, responses, today);
  const figures: [string, string][] = [
    ['Requested', String(h.requested)],
    ['Received', String(h.received)],
    ['Followed up', String(h.followedUp)],
    ['Closed the loop', formatRate(h.closedLoopRate)],
  ];
  return (
    <section className="card section-card" aria-labelledby="health-heading">
      <h2 id="health-heading">Cycle health</h2>
      <dl className="cycle-health">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        {h.overdue > 0 ? `${h.overdue} ${h.overdue === 1 ? 'request is' : 'requests are'} past due with no response. ` : ''}
        Closed the loop: of the requests that came back, the share you followed up on.
      </p>
    </section>
  );
}

function ParticipantSection({
  cycle,
  person,
  requests,
  responses,
  nameOf,
  competencies,
  today,
}: {
  cycle: FeedbackCycle;
  person: Person;
  requests: CycleRequest[];
  responses: CycleResponse[];
  nameOf: (id: string | null, fallback: string) => string;
  competencies: { id: string; name: string }[];
  today: string;
}) {
  const { cycles } = useRepositories();
  const { announce } = useStatus();
  const [asking, setAsking] = useState(false);
  const [adding, setAdding] = useState(false);
  const groups = summaryByCompetency(cycle, responses);
  const answered = new Set(responses.map((r) => r.requestId));
  const headingId = `participant-${person.id}`;
  const follow = async (r: CycleRequest, on: boolean) => {
    try {
      await cycles.setFollowedUp(r.id, on ? today : null);
      announce(on ? `Followed up with ${nameOf(r.peerId, r.peerName)} about ${person.name}` : 'Marked as not followed up');
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };
  return (
    <section className="card section-card cycle-person" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h2 id={headingId}>{person.name}</h2>
        <span className="muted small">
          {responses.length} {responses.length === 1 ? 'response' : 'responses'}
        </span>
        <Button size="small" onPress={() => setAsking(true)} aria-label={`Ask a peer about ${person.name}`}>
          Ask a peer…
        </Button>
        <Button size="small" onPress={() => setAdding(true)} aria-label={`Paste a response about ${person.name}`}>
          Paste a response…
        </Button>
      </div>
      <h3 className="cycle-subheading">Peers asked</h3>
      {requests.length === 0 ? (
        <p className="muted">Nobody asked yet.</p>
      ) : (
        <ul className="follow-up-list" aria-label={`Peers asked about ${person.name}`}>
          {requests.map((r) => {
            const peer = nameOf(r.peerId, r.peerName);
            const got = answered.has(r.id);
            return (
              <li key={r.id} className="follow-up">
                <span className="follow-up__text">
                  <strong>{peer}</strong> · {got ? 'responded' : r.due < today ? `overdue since ${formatDate(r.due)}` : `due ${formatDate(r.due)}`}
                  {r.followedUpOn ? ` · followed up ${formatDate(r.followedUpOn)}` : ''}
                </span>
                {got && (
                  <Button
                    size="small"
                    onPress={() => void follow(r, !r.followedUpOn)}
                    aria-label={`${r.followedUpOn ? 'Undo follow-up' : 'Mark followed up'}: ${peer} about ${person.name}`}
                  >
                    {r.followedUpOn ? 'Undo follow-up' : 'Mark followed up'}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="cycle-subheading">Summary by competency</h3>
      {groups.length === 0 ? (
        <p className="muted">No responses yet.</p>
      ) : (
        <div className="cycle-summary" aria-label={`Summary for ${person.name}`} role="group">
          {groups.map((g) => (
            <section key={g.competencyId ?? 'general'} aria-label={`${competencyName(competencies, g.competencyId)} (${person.name})`}>
              <h4>
                {competencyName(competencies, g.competencyId)} <span className="muted small">({g.responses.length})</span>
              </h4>
              <ul className="cycle-responses">
                {g.responses.map((r) => (
                  <li key={r.id}>
                    <blockquote>{r.text}</blockquote>
                    <span className="muted small">
                      {nameOf(r.respondentId, r.respondentName)} · {formatDate(r.date)} {r.visibility === 'private' && <PrivateChip />}
                      {r.requestId === null ? ' · not requested' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {asking && <AskPeerDialog cycle={cycle} person={person} onClose={() => setAsking(false)} />}
      {adding && <AddResponseDialog cycle={cycle} person={person} competencies={competencies} onClose={() => setAdding(false)} />}
    </section>
  );
}

/** One cycle: its health, then each participant's peers, responses and summary by competency. */
export default function CyclePage({ id }: { id: string }) {
  const { cycles } = useRepositories();
  const people = usePeople();
  const today = todayIso();
  const data = useLiveQuery(async () => {
    const cycle = await cycles.get(id);
    if (!cycle) return null;
    return { cycle, requests: await cycles.requests(id), responses: await cycles.responses(id) };
  }, [cycles, id]);
  const ladderId = data?.cycle.competencies[0]?.ladderId ?? null;
  const { competencies } = useLadderCompetencies(ladderId);
  const [importing, setImporting] = useState(false);
  if (data === undefined || !people) return <p className="loading">Loading…</p>;
  if (data === null)
    return (
      <Page title="Cycle not found">
        <EmptyState icon="?" title="This cycle does not exist">
          <p>
            Go back to <Link href="/feedback/cycles">the cycles</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  const { cycle, requests, responses } = data;
  const byId = new Map(people.map((p) => [p.id, p]));
  const nameOf = (pid: string | null, fallback: string) => (pid ? (byId.get(pid)?.name ?? 'Someone no longer in Trellis') : fallback || 'Anonymous');
  const asked = cycle.competencies.map((c) => competencyName(competencies, c.competencyId));
  return (
    <Page
      title={cycle.name}
      subtitle={`${formatDate(cycle.from)} – ${formatDate(cycle.to)} · responses due ${formatDate(cycle.due)}${asked.length ? ` · asks about ${asked.join(', ')}` : ''}`}
      actions={
        <Button variant="primary" onPress={() => setImporting(true)}>
          Import responses…
        </Button>
      }
    >
      <FeedbackTabs />
      <Health requests={requests} responses={responses} today={today} />
      {cycle.participantIds.map((pid) => {
        const person = byId.get(pid);
        if (!person) return null;
        return (
          <ParticipantSection
            key={pid}
            cycle={cycle}
            person={person}
            requests={requests.filter((r) => r.personId === pid)}
            responses={responses.filter((r) => r.personId === pid)}
            nameOf={nameOf}
            competencies={competencies}
            today={today}
          />
        );
      })}
      {importing && (
        <Suspense fallback={null}>
          <ImportResponsesDialog cycle={cycle} people={people} competencies={competencies} onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </Page>
  );
}
