import { useState } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import type { Goal } from '../../../shared/domain/plans';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { TextArea } from '../../ui/TextArea';

/**
 * A dated note on a goal. From a 1:1 (`meeting`), the date is the meeting's and the meeting's
 * agenda gets a ticked line "Discussed goal …" in the same write.
 */
export function CheckInDialog({
  goal,
  meeting,
  onClose,
  onAdded,
}: {
  goal: Goal;
  meeting?: { id: string; date: string };
  onClose: () => void;
  onAdded?: () => void;
}) {
  const { goals } = useRepositories();
  const [date, setDate] = useState(meeting?.date ?? todayIso());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'note' | 'date' | 'form', string>>>({});
  const add = async () => {
    try {
      await goals.addCheckIn({ goalId: goal.id, date, note, ...(meeting ? { meetingId: meeting.id } : {}) });
      onAdded?.();
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
    }
  };
  return (
    <Dialog title={meeting ? `Discussed “${goal.title}”` : `Check in on “${goal.title}”`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => add()} formError={errors.form}>
        {meeting && <p className="muted">The note is added to the goal, and a line saying it was discussed to this meeting’s agenda.</p>}
        <TextArea label="What was discussed" value={note} onChange={setNote} rows={4} isRequired autoFocus error={errors.note} />
        {!meeting && <DateField label="Date" value={date} onChange={setDate} isRequired error={errors.date} />}
        <FormActions submitLabel="Add check-in" onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}
