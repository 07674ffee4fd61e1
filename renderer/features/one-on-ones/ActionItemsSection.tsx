import { memo, useCallback, useState } from 'react';

import { isOverdueAction } from '../../../shared/domain/carry-over';
import { todayIso } from '../../../shared/domain/dates';
import type { ActionItem } from '../../../shared/domain/meetings';
import type { FieldErrors } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { useInSteps } from '../../ui/in-steps';
import { SelectField, type SelectOption } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import type { UndoAction } from './UndoBar';

export interface ActionItemRowProps {
  item: ActionItem;
  personName: string;
  /** The meeting on screen: items from other meetings show where they came from. */
  meetingId?: string;
  meetingDates: Map<string, string>;
  onDelete?: (item: ActionItem) => void;
  onError: (message: string) => void;
}

/** Memoised: a list drawn in steps (ui/in-steps.ts) draws each row once, not again with every step. */
export const ActionItemRow = memo(function ActionItemRow({ item, personName, meetingId, meetingDates, onDelete, onError }: ActionItemRowProps) {
  const { actionItems } = useRepositories();
  const today = todayIso();
  const origin = item.meetingId !== meetingId ? meetingDates.get(item.meetingId) : undefined;
  const overdue = isOverdueAction(item, today);
  return (
    <li className={cx('action-item', item.done && 'action-item--done')}>
      <span className="action-item__text">
        <Checkbox isSelected={item.done} onChange={(done) => void actionItems.setDone(item.id, done).catch((e: unknown) => onError(errorMessage(e)))}>
          {item.text}
        </Checkbox>
      </span>
      <span className="badge">{item.owner === 'me' ? 'Me' : personName.split(' ')[0]}</span>
      {item.due && (
        <span className={overdue ? 'badge badge--danger' : 'badge'}>{overdue ? `overdue · due ${formatDate(item.due)}` : `due ${formatDate(item.due)}`}</span>
      )}
      {origin && <span className="origin">from {formatDate(origin)}</span>}
      {onDelete && (
        <Button size="small" variant="quiet" aria-label={`Delete action item: ${item.text}`} onPress={() => onDelete(item)}>
          Delete
        </Button>
      )}
    </li>
  );
});

export interface ActionItemsSectionProps {
  meetingId: string;
  items: ActionItem[];
  personName: string;
  meetingDates: Map<string, string>;
  onDeleted: (undo: UndoAction) => void;
  onError: (message: string) => void;
}

export function ActionItemsSection({ meetingId, items, personName, meetingDates, onDeleted, onError }: ActionItemsSectionProps) {
  const { actionItems } = useRepositories();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<ActionItem['owner']>('them');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Every open item of the person carries over here (dozens after a few years): the first ones
  // come with the screen, the rest a moment later.
  const shown = useInSteps(items);
  const owners: SelectOption<ActionItem['owner']>[] = [
    { id: 'them', label: personName },
    { id: 'me', label: 'Me' },
  ];

  const add = async () => {
    try {
      await actionItems.add(meetingId, { text, owner, due });
      setText('');
      setDue('');
      setErrors({});
    } catch (e) {
      if (e instanceof ValidationError) setErrors(e.fieldErrors);
      else onError(errorMessage(e));
    }
  };

  const remove = useCallback(
    async (item: ActionItem) => {
      try {
        const removed = await actionItems.remove(item.id);
        if (removed) onDeleted({ label: `Deleted action item “${item.text}”`, undo: () => actionItems.restore(removed) });
      } catch (e) {
        onError(errorMessage(e));
      }
    },
    [actionItems, onDeleted, onError],
  );
  const onDelete = useCallback((item: ActionItem) => void remove(item), [remove]);

  return (
    <section className="card section-card" aria-labelledby="actions-heading">
      <div className="section-card__header">
        <h2 id="actions-heading">Action items</h2>
        <span className="muted small">Open items stay on every 1:1 until done</span>
      </div>
      {items.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Action items">
          {shown.map((item) => (
            <ActionItemRow
              key={item.id}
              item={item}
              personName={personName}
              meetingId={meetingId}
              meetingDates={meetingDates}
              onDelete={onDelete}
              onError={onError}
            />
          ))}
        </ul>
      )}
      <AppForm className="inline-form" onSubmit={() => add()}>
        <TextField label="New action item" value={text} onChange={setText} error={errors.text} />
        <SelectField className="field--narrow" label="Owner" value={owner} onChange={setOwner} options={owners} />
        <DateField className="field--narrow" label="Due" value={due} onChange={setDue} error={errors.due} />
        <Button type="submit">Add action</Button>
      </AppForm>
    </section>
  );
}
