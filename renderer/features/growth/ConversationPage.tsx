import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { type CompareRow, differenceWords, talkingPointFor } from '../../../shared/domain/compare';
import { meetingKindLabels } from '../../../shared/domain/meetings';
import type { RecordLink } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePerson } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { useStatus } from '../../ui/Status';
import { ComparisonBody, ComparisonPickers } from './SideBySide';
import { type Comparison, useComparison } from './useComparison';

/**
 * A career conversation, started from a 1:1: the person's self and manager assessments walked
 * through side by side, differences first, each one a talking point that can go on that
 * meeting's agenda (naming the assessment it came from).
 */
export default function ConversationPage({ meetingId }: { meetingId: string }) {
  const { meetings } = useRepositories();
  const meeting = useLiveQuery(async () => (await meetings.get(meetingId)) ?? null, [meetings, meetingId]);
  const person = usePerson(meeting?.personId ?? '');
  const [chosen, setChosen] = useState<{ selfId: string | null; managerId: string | null }>({ selfId: null, managerId: null });
  const comparison = useComparison(meeting?.personId ?? '', chosen);
  if (meeting === undefined || (meeting && (person === undefined || comparison.loading))) return <p className="loading">Loading…</p>;
  if (meeting === null)
    return (
      <Page title="Meeting not found">
        <EmptyState icon="?" title="This meeting does not exist">
          <p>
            It may have been deleted. Go back to <Link href="/one-on-ones">1:1s</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  const name = person?.name ?? 'someone no longer here';
  const meetingName = `${meetingKindLabels[meeting.kind]} on ${formatDate(meeting.date, 'long')}`;
  return (
    <Page title={`Career conversation · ${name}`} subtitle={`For the ${meetingName}: where the two views differ, first.`}>
      <p className="growth-crumbs">
        <Link href={`/one-on-ones/meetings/${meeting.id}`}>Back to the {meetingName}</Link>
        {person && (
          <>
            {' · '}
            <Link href={`/growth/people/${person.id}`}>All assessments of {name}</Link>
          </>
        )}
      </p>
      <ComparisonPickers comparison={comparison} onChange={(c) => setChosen((old) => ({ ...old, ...c }))} />
      {comparison.base && comparison.ladder && (
        <TalkingPoints comparison={comparison} meetingId={meeting.id} onAgenda={new Set(meeting.agenda.map((i) => i.text))} meetingName={meetingName} />
      )}
      <ComparisonBody comparison={comparison} />
    </Page>
  );
}

/** The differences (and one-sided ratings) as talking points, one by one, each addable to the meeting's agenda. */
function TalkingPoints({
  comparison,
  meetingId,
  onAgenda,
  meetingName,
}: {
  comparison: Comparison;
  meetingId: string;
  onAgenda: ReadonlySet<string>;
  meetingName: string;
}) {
  const { meetings } = useRepositories();
  const { announce } = useStatus();
  const [error, setError] = useState<string | null>(null);
  const points = comparison.rows.filter((r) => r.kind === 'differ' || r.kind === 'one-side');
  const from: RecordLink | undefined = comparison.base ? { kind: 'assessment', id: comparison.base.id } : undefined;
  const open = points.filter((r) => !onAgenda.has(talkingPointFor(r)));

  const add = async (rows: CompareRow[]) => {
    setError(null);
    try {
      const added = await meetings.addAgendaItems(
        meetingId,
        rows.map((r) => ({ text: talkingPointFor(r), author: 'me' as const, criteria: [r.ref], ...(from ? { from } : {}) })),
      );
      announce(added.length === 1 ? `Added to the agenda of the ${meetingName}` : `Added ${added.length} talking points to the agenda of the ${meetingName}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card section-card" aria-labelledby="points-heading">
      <div className="section-card__header">
        <h2 id="points-heading">Talking points</h2>
        {open.length > 1 && <Button onPress={() => void add(open)}>Add all {open.length} to the agenda</Button>}
      </div>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {points.length === 0 ? (
        <p className="muted">The two views agree wherever both rated: nothing to walk through. The table below has every rating.</p>
      ) : (
        <ol className="growth-points" aria-label="Where the views differ">
          {points.map((r) => {
            const text = talkingPointFor(r);
            const added = onAgenda.has(text);
            return (
              <li key={r.key} className="growth-point">
                <div className="growth-point__row">
                  <div className="growth-point__text">
                    <strong>{r.criterion ? `${r.competencyName}: ${r.criterion}` : r.competencyName}</strong>
                    <span className="muted small">
                      Self {r.self?.label ?? 'not rated'} · manager {r.manager?.label ?? 'not rated'}
                      {r.expected ? ` · expected ${r.expected.label}` : ''} · {differenceWords(r)}
                    </span>
                  </div>
                  {added ? (
                    <span className="badge badge--accent">On the agenda</span>
                  ) : (
                    <Button size="small" aria-label={`Add to the agenda: ${text}`} onPress={() => void add([r])}>
                      Add to agenda
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
