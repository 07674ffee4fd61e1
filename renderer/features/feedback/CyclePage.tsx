import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';

import { cycleHealth, type CycleRequest, type CycleResponse, type FeedbackCycle, formatRate, summaryByCompetency } from '../../../shared/domain/cycles';
import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { preloadableLazy } from '../../ui/lazy-part';
import { Page } from '../../ui/Page';
import { useStatus } from '../../ui/Status';
import { AskPeerDialog, ResponseDialog } from './CycleDialogs';
import { ConfirmDelete } from './EditParts';
import { FeedbackTabs } from './FeedbackTabs';
import { CycleDialog } from './PlanCycleDialog';
import { PrivateChip } from './PrivateChip';
import { type CompetencyNamer, useCompetencyNames } from './useLadderCompetencies';

// The importer (papaparse and the Markdown reader) loads only when someone imports.
const ImportResponsesDialog = preloadableLazy(() => import('./ImportResponsesDialog'));

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
  name,
  today,
}: {
  cycle: FeedbackCycle;
  person: Person;
  requests: CycleRequest[];
  responses: CycleResponse[];
  nameOf: (id: string | null, fallback: string) => string;
  competencies: { id: string; name: string }[];
  name: CompetencyNamer;
  today: string;
}) {
  const { cycles } = useRepositories();
  const { announce } = useStatus();
  const [asking, setAsking] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CycleResponse | null>(null);
  const [deleting, setDeleting] = useState<CycleResponse | null>(null);
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
          {groups.map((g) => {
            const title = name(g.responses[0]!.criteria[0] ?? null);
            return (
              <section key={g.competencyId ?? 'general'} aria-label={`${title} (${person.name})`}>
                <h4>
                  {title} <span className="muted small">({g.responses.length})</span>
                </h4>
                <ul className="cycle-responses">
                  {g.responses.map((r) => {
                    const from = nameOf(r.respondentId, r.respondentName);
                    return (
                      <li key={r.id}>
                        <blockquote>{r.text}</blockquote>
                        <span className="muted small cycle-response__meta">
                          <span>
                            {from} · {formatDate(r.date)}
                            {r.requestId === null ? ' · not requested' : ''}
                          </span>
                          {r.visibility === 'private' && <PrivateChip />}
                          <Button size="small" variant="quiet" onPress={() => setEditing(r)} aria-label={`Edit the response from ${from} about ${person.name}`}>
                            Edit…
                          </Button>
                          <Button
                            size="small"
                            variant="quiet"
                            onPress={() => setDeleting(r)}
                            aria-label={`Delete the response from ${from} about ${person.name}`}
                          >
                            Delete…
                          </Button>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {asking && <AskPeerDialog cycle={cycle} person={person} onClose={() => setAsking(false)} />}
      {adding && <ResponseDialog cycle={cycle} person={person} competencies={competencies} onClose={() => setAdding(false)} />}
      {editing && (
        <ResponseDialog
          cycle={cycle}
          person={person}
          competencies={competencies}
          response={editing}
          respondentName={nameOf(editing.respondentId, editing.respondentName)}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          title="Delete this response?"
          confirmLabel="Delete response"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await cycles.removeResponse(deleting.id);
            announce(`Response from ${nameOf(deleting.respondentId, deleting.respondentName)} about ${person.name} deleted`);
            setDeleting(null);
          }}
        >
          <p>
            What {nameOf(deleting.respondentId, deleting.respondentName)} wrote about {person.name} is deleted
            {deleting.requestId ? '; their request counts as not answered again' : ''}. This cannot be undone (a backup still has it).
          </p>
        </ConfirmDelete>
      )}
    </section>
  );
}

/** One cycle: its health, then each participant's peers, responses and summary by competency; edited or deleted from here. */
export default function CyclePage({ id }: { id: string }) {
  const { cycles } = useRepositories();
  const people = usePeople();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const today = todayIso();
  const data = useLiveQuery(async () => {
    const cycle = await cycles.get(id);
    if (!cycle) return null;
    return { cycle, requests: await cycles.requests(id), responses: await cycles.responses(id) };
  }, [cycles, id]);
  const refs = useMemo(() => [...(data?.cycle.competencies ?? []), ...(data?.responses.flatMap((r) => r.criteria) ?? [])], [data]);
  const name = useCompetencyNames(refs);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (data === undefined || !people) return <p className="loading">Loading…</p>;
  if (data === null)
    return (
      <Page title="Cycle not found">
        <EmptyState icon="?" title="This cycle does not exist">
          <p>
            It may have been deleted. Go back to <Link href="/feedback/cycles">the cycles</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  const { cycle, requests, responses } = data;
  const byId = new Map(people.map((p) => [p.id, p]));
  const nameOf = (pid: string | null, fallback: string) => (pid ? (byId.get(pid)?.name ?? 'Someone no longer in Trellis') : fallback || 'Anonymous');
  const competencies = cycle.competencies.map((c) => ({ id: c.competencyId, name: name(c) }));
  const asked = competencies.map((c) => c.name);
  const remove = async () => {
    await cycles.remove(cycle.id);
    announce(`Deleted ${cycle.name}`);
    navigate('/feedback/cycles');
  };
  return (
    <Page
      title={cycle.name}
      subtitle={`${formatDate(cycle.from)} – ${formatDate(cycle.to)} · responses due ${formatDate(cycle.due)}${asked.length ? ` · asks about ${asked.join(', ')}` : ''}`}
      actions={
        <>
          <Button onPress={() => setEditing(true)}>Edit cycle…</Button>
          <Button variant="danger" onPress={() => setDeleting(true)}>
            Delete cycle…
          </Button>
          <Button variant="primary" onPress={() => setImporting(true)}>
            Import responses…
          </Button>
        </>
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
            name={name}
            today={today}
          />
        );
      })}
      {importing && (
        <Suspense fallback={null}>
          <ImportResponsesDialog cycle={cycle} people={people} competencies={competencies} onClose={() => setImporting(false)} />
        </Suspense>
      )}
      {editing && <CycleDialog editing={data} onClose={() => setEditing(false)} />}
      {deleting && (
        <ConfirmDelete title={`Delete ${cycle.name}?`} confirmLabel="Delete cycle" onConfirm={remove} onClose={() => setDeleting(false)}>
          <p>{deletionWords(requests.length, responses.length)} This cannot be undone (a backup still has them).</p>
        </ConfirmDelete>
      )}
    </Page>
  );
}

/** What goes with a cycle, in words. */
function deletionWords(requests: number, responses: number): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (requests === 0 && responses === 0) return 'The cycle is deleted; nobody was asked and nothing came back yet.';
  if (responses === 0) return `The cycle is deleted with ${n(requests, 'peer request', 'peer requests')}; nothing came back yet.`;
  return `The cycle is deleted with ${n(requests, 'peer request', 'peer requests')} and ${n(responses, 'response', 'responses')}: what peers wrote goes from the summary, search, exports and the evidence of the people it is about.`;
}
