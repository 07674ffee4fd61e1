import { useState } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

const firstName = (name: string) => name.split(' ')[0] ?? name;

/** "For the next 1:1 with Alex": one field and a button, usable on any screen. */
export function QueuePointForm({
  personId,
  personName,
  onQueued,
  autoFocus,
}: {
  personId: string;
  personName: string;
  onQueued?: () => void;
  autoFocus?: boolean;
}) {
  const { talkingPoints } = useRepositories();
  const { announce } = useStatus();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const queue = async () => {
    try {
      const result = await talkingPoints.queue(personId, text, todayIso());
      setText('');
      setError(undefined);
      announce(result.placedInMeetingId ? `Added to today’s agenda with ${firstName(personName)}` : `Queued for the next 1:1 with ${firstName(personName)}`);
      onQueued?.();
    } catch (e) {
      setError(e instanceof ValidationError ? (e.fieldErrors.text ?? e.message) : errorMessage(e));
    }
  };
  return (
    <AppForm className="inline-form" onSubmit={() => queue()}>
      <TextField
        label={`Talking point for the next 1:1 with ${firstName(personName)}`}
        value={text}
        onChange={(v) => {
          setText(v);
          setError(undefined);
        }}
        error={error}
        autoFocus={autoFocus}
      />
      <Button type="submit">Queue point</Button>
    </AppForm>
  );
}

export function QueuePointDialog({ personId, personName, onClose }: { personId: string; personName: string; onClose: () => void }) {
  return (
    <Dialog title={`Queue a point for ${personName}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <p className="muted">It appears on the agenda of your next 1:1 with {firstName(personName)}.</p>
      <QueuePointForm personId={personId} personName={personName} onQueued={onClose} autoFocus />
      <div className="dialog__actions">
        <Button variant="quiet" onPress={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
