import { useState } from 'react';

import type { FollowUp } from '../../../shared/domain/feedback';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';

/** Closing a follow-up says what came of it: that outcome is what "closed the loop" means. */
export function CloseFollowUpDialog({ followUp, personName, onClose }: { followUp: FollowUp; personName: string; onClose: () => void }) {
  const { feedback } = useRepositories();
  const { announce } = useStatus();
  const [outcome, setOutcome] = useState(followUp.outcome);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (outcome.trim() === '') {
      setError('Write what came of it');
      return;
    }
    setBusy(true);
    try {
      await feedback.closeFollowUp(followUp.id, outcome.trim());
      announce(`Follow-up with ${personName} closed`);
      onClose();
    } catch (e) {
      setFormError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Close the follow-up with ${personName}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={submit} formError={formError} aria-label="Close the follow-up">
        {followUp.note && <p className="muted">{followUp.note}</p>}
        <TextArea label="Outcome" description="What happened when you followed up." rows={4} value={outcome} onChange={setOutcome} error={error} autoFocus />
        <FormActions submitLabel="Close follow-up" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
