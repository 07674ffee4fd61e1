import { useEffect, useRef, useState } from 'react';

import type { AgendaItem, Meeting } from '../../../shared/domain/meetings';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { cx } from '../../ui/cx';
import { formatDate } from '../../ui/dates';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import type { UndoAction } from './UndoBar';

export interface AgendaSectionProps {
  meeting: Meeting;
  personName: string;
  meetingDates: Map<string, string>;
  onDeleted: (undo: UndoAction) => void;
  onError: (message: string) => void;
}

function Origin({ item, meetingDates }: { item: AgendaItem; meetingDates: Map<string, string> }) {
  if (item.carriedFromMeetingId) {
    const date = meetingDates.get(item.carriedFromMeetingId);
    return <span className="origin">{date ? `from ${formatDate(date)}` : 'carried over'}</span>;
  }
  if (item.fromTalkingPointId) return <span className="badge badge--accent">queued</span>;
  if (item.fromTemplateId) return <span className="origin">template prompt</span>;
  return null;
}

/**
 * Arriving at a meeting (from "Start meeting", or a link on a screen that is gone now) leaves
 * focus nowhere: it goes to the new talking point, a frame later so that the closing dialog's
 * focus restore does not take it back. Arriving with focus somewhere (the sidebar) keeps it there.
 */
function useFocusOnArrival() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body) ref.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return ref;
}

export function AgendaSection({ meeting, personName, meetingDates, onDeleted, onError }: AgendaSectionProps) {
  const { meetings } = useRepositories();
  const [text, setText] = useState('');
  const [author, setAuthor] = useState<AgendaItem['author']>('me');
  const [error, setError] = useState<string | undefined>();
  const newPoint = useFocusOnArrival();
  const who = (a: AgendaItem['author']) => (a === 'me' ? 'Me' : personName.split(' ')[0]);
  const authors: SelectOption<AgendaItem['author']>[] = [
    { id: 'me', label: 'Me' },
    { id: 'them', label: personName },
  ];

  const add = async () => {
    try {
      await meetings.addAgendaItem(meeting.id, text, author);
      setText('');
      setAuthor('me');
      setError(undefined);
    } catch (e) {
      if (e instanceof ValidationError) setError(e.fieldErrors.text ?? e.message);
      else onError(errorMessage(e));
    }
  };

  const remove = async (item: AgendaItem) => {
    try {
      const removed = await meetings.removeAgendaItem(meeting.id, item.id);
      if (removed)
        onDeleted({ label: `Deleted talking point “${item.text}”`, undo: () => meetings.restoreAgendaItem(meeting.id, removed.item, removed.index) });
    } catch (e) {
      onError(errorMessage(e));
    }
  };

  const toggle = (item: AgendaItem, done: boolean) => meetings.setAgendaDone(meeting.id, item.id, done).catch((e: unknown) => onError(errorMessage(e)));

  return (
    <section className="card section-card" aria-labelledby="agenda-heading">
      <div className="section-card__header">
        <h2 id="agenda-heading">Shared agenda</h2>
        <span className="muted small">Tick a point once it is discussed; until then it carries over (template prompts stay here)</span>
      </div>
      {meeting.agenda.length === 0 ? (
        <p className="muted">No talking points yet. Add one below, or queue points for {personName} before the meeting.</p>
      ) : (
        <ul className="plain-list" aria-label="Talking points">
          {meeting.agenda.map((item) => (
            <li key={item.id} className={cx('agenda-item', item.done && 'agenda-item--done')}>
              <span className="agenda-item__text">
                <Checkbox isSelected={item.done} onChange={(done) => void toggle(item, done)}>
                  {item.text}
                </Checkbox>
              </span>
              <span className="badge">{who(item.author)}</span>
              <Origin item={item} meetingDates={meetingDates} />
              <Button size="small" variant="quiet" aria-label={`Delete talking point: ${item.text}`} onPress={() => void remove(item)}>
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <AppForm className="inline-form" onSubmit={() => add()}>
        <TextField
          label="New talking point"
          inputRef={newPoint}
          value={text}
          onChange={(v) => {
            setText(v);
            setError(undefined);
          }}
          error={error}
        />
        <SelectField className="field--narrow" label="Raised by" value={author} onChange={setAuthor} options={authors} />
        <Button type="submit">Add point</Button>
      </AppForm>
    </section>
  );
}
