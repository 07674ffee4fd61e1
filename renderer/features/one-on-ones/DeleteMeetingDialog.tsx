import { useState } from 'react';
import { useLocation } from 'wouter';

import type { Meeting } from '../../../shared/domain/meetings';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../ui/Status';

/** Confirms before deleting a meeting: unlike an agenda point, this cannot be undone. */
export function DeleteMeetingDialog({ meeting, actionCount, onClose }: { meeting: Meeting; actionCount: number; onClose: () => void }) {
  const { meetings } = useRepositories();
  const { announce } = useStatus();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await meetings.remove(meeting.id);
      announce(`Deleted the meeting of ${formatDate(meeting.date, 'long')}`);
      onClose();
      navigate('/one-on-ones');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title="Delete this meeting?" isOpen onOpenChange={(open) => !open && onClose()}>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <p>
        The meeting of {formatDate(meeting.date, 'long')} is deleted with its shared and private notes
        {actionCount > 0 ? ` and the ${actionCount} action ${actionCount === 1 ? 'item' : 'items'} agreed in it` : ''}. Queued talking points it took go back to
        the queue. This cannot be undone.
      </p>
      <div className="dialog__actions">
        <span className="spacer" />
        <Button variant="quiet" onPress={onClose} autoFocus>
          Keep it
        </Button>
        <Button variant="danger" onPress={() => void remove()}>
          Delete meeting
        </Button>
      </div>
    </Dialog>
  );
}
