import './plans.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { criterionLabel } from '../../../shared/domain/goal-criteria';
import { type GoalStatus, goalStatuses, goalStatusLabels, isOverdue, milestoneProgress } from '../../../shared/domain/plans';
import { criterionKey } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePerson } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { CheckInDialog } from './CheckInDialog';
import { GoalDialog } from './GoalDialog';
import { GoalText } from './GoalText';
import { usePersonLadder } from './useLadder';

function useGoal(id: string) {
  const { goals, meetings } = useRepositories();
  return useLiveQuery(async () => {
    const goal = await goals.get(id);
    if (!goal) return null;
    const [milestones, checkIns] = await Promise.all([goals.milestones(id), goals.checkIns(id)]);
    const fromMeetings = await Promise.all(checkIns.filter((c) => c.fromMeetingId).map((c) => meetings.get(c.fromMeetingId!)));
    return { goal, milestones, checkIns, meetings: new Map(fromMeetings.filter((m) => m !== undefined).map((m) => [m.id, m])) };
  }, [goals, meetings, id]);
}

function AddMilestone({ goalId }: { goalId: string }) {
  const { goals } = useRepositories();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async () => {
    try {
      await goals.addMilestone(goalId, { title, due });
      setTitle('');
      setDue('');
      setError(undefined);
    } catch (e) {
      setError(e instanceof ValidationError ? Object.values(e.fieldErrors)[0] : errorMessage(e));
    }
  };
  return (
    <form
      className="inline-form plans-milestone-form"
      aria-label="Add a milestone"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <TextField label="New milestone" value={title} onChange={setTitle} error={error} />
      <DateField label="Due" value={due} onChange={setDue} />
      <Button type="submit">Add milestone</Button>
    </form>
  );
}

/** One goal: what it grows, its milestones, check-ins and notes. */
export default function GoalPage({ id }: { id: string }) {
  const data = useGoal(id);
  const person = usePerson(data?.goal.personId ?? '');
  const { ladder } = usePersonLadder(person);
  const { goals } = useRepositories();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [checkingIn, setCheckingIn] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const today = todayIso();

  if (data === undefined || (data && person === undefined)) return <p className="loading">Loading goal…</p>;
  if (data === null || !person)
    return (
      <Page title="Goal not found">
        <EmptyState icon="?" title="This goal does not exist">
          <p>
            It may have been deleted. Go back to <Link href="/growth">Growth</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  const { goal, milestones, checkIns, meetings } = data;
  const run = (p: Promise<unknown>) => void p.catch((e: unknown) => announce(errorMessage(e), 'error'));
  const progress = milestoneProgress(milestones);

  return (
    <Page
      title={goal.title}
      subtitle={
        <>
          Goal of <Link href={`/growth/people/${person.id}`}>{person.name}</Link>
          {goal.teamOutcome ? ` · for ${goal.teamOutcome}` : ''}
          {goal.targetDate ? ` · target ${formatDate(goal.targetDate, 'medium')}` : ''}
          {isOverdue(goal, today) && <span className="badge badge--danger">Overdue</span>}
        </>
      }
      actions={
        <div className="toolbar">
          <SelectField<GoalStatus>
            label="Status"
            value={goal.status}
            onChange={(s) => run(goals.setStatus(goal.id, s).then(() => announce(`Goal is ${goalStatusLabels[s].toLowerCase()}`)))}
            options={goalStatuses.map((s) => ({ id: s, label: goalStatusLabels[s] }))}
          />
          <Button onPress={() => setEditing(true)}>Edit…</Button>
          <Button variant="quiet" onPress={() => setDeleting(true)}>
            Delete…
          </Button>
        </div>
      }
    >
      <div className="plans-grid">
        <section className="card section-card" aria-labelledby="grows-heading">
          <h2 id="grows-heading">Grows</h2>
          {goal.criteria.length === 0 ? (
            <p className="muted">Not linked to the ladder yet. Edit the goal to pick the competencies or criteria it grows.</p>
          ) : (
            <ul aria-label="Linked criteria">
              {goal.criteria.map((r) => (
                <li key={criterionKey(r)}>{criterionLabel(ladder, r)}</li>
              ))}
            </ul>
          )}
        </section>
        <section className="card section-card" aria-labelledby="milestones-heading">
          <div className="section-card__header">
            <h2 id="milestones-heading">Milestones</h2>
            <span className="muted small">{progress.label}</span>
          </div>
          {milestones.length > 0 && (
            <ul className="plain-list" aria-label="Milestones">
              {milestones.map((m) => (
                <li key={m.id} className="plans-milestone">
                  <Checkbox isSelected={Boolean(m.doneOn)} onChange={(done) => run(goals.setMilestoneDone(m.id, done))}>
                    <span className={m.doneOn ? 'plans-milestone__done' : undefined}>{m.title}</span>
                  </Checkbox>
                  <span className="muted small">{m.doneOn ? `Done ${formatDate(m.doneOn, 'medium')}` : m.due ? `Due ${formatDate(m.due, 'medium')}` : ''}</span>
                  <Button size="small" variant="quiet" aria-label={`Remove milestone ${m.title}`} onPress={() => run(goals.removeMilestone(m.id))}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <AddMilestone goalId={goal.id} />
        </section>
        <section className="card section-card" aria-labelledby="checkins-heading">
          <div className="section-card__header">
            <h2 id="checkins-heading">Check-ins</h2>
            <Button size="small" onPress={() => setCheckingIn(true)}>
              Add check-in
            </Button>
          </div>
          {checkIns.length === 0 ? (
            <p className="muted">No check-ins yet. Add one here, or from a 1:1 with {person.name}.</p>
          ) : (
            <ol className="plain-list plans-checkins" aria-label="Check-ins">
              {checkIns.map((c) => {
                const meeting = c.fromMeetingId ? meetings.get(c.fromMeetingId) : undefined;
                return (
                  <li key={c.id}>
                    <div>
                      <strong>{formatDate(c.date, 'medium')}</strong>
                      {meeting && (
                        <>
                          {' · '}
                          <Link href={`/one-on-ones/meetings/${meeting.id}`}>in the 1:1 of {formatDate(meeting.date, 'medium')}</Link>
                        </>
                      )}
                      <p className="plans-checkin__note">{c.note}</p>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
        <GoalText key={goal.id} goal={goal} />
      </div>
      {editing && <GoalDialog person={person} goal={goal} onClose={() => setEditing(false)} />}
      {checkingIn && <CheckInDialog goal={goal} onClose={() => setCheckingIn(false)} onAdded={() => announce('Check-in added')} />}
      {deleting && (
        <Dialog title="Delete this goal?" isOpen onOpenChange={(open) => !open && setDeleting(false)}>
          <p>
            “{goal.title}”, its {milestones.length} milestones and {checkIns.length} check-ins are deleted. Lines already in 1:1 agendas stay.
          </p>
          <div className="dialog__actions">
            <Button onPress={() => setDeleting(false)}>Cancel</Button>
            <Button
              variant="danger"
              onPress={() =>
                run(
                  goals.remove(goal.id).then(() => {
                    announce('Goal deleted');
                    navigate(`/growth/people/${person.id}`);
                  }),
                )
              }
            >
              Delete goal
            </Button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}
