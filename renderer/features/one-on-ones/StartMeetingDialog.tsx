import { useState } from 'react';
import { useLocation } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { meetingKindLabels, type Series } from '../../../shared/domain/meetings';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { useTemplates } from './hooks';
import { suggestedTemplate } from './suggested-template';
import { useLadderReview } from './useLadderReview';

export interface StartMeetingDialogProps {
  series: Series;
  personName: string;
  isFirst: boolean;
  onClose: () => void;
}

export function StartMeetingDialog({ series, personName, isFirst, onClose }: StartMeetingDialogProps) {
  const { meetings } = useRepositories();
  const templates = useTemplates();
  const [, navigate] = useLocation();
  const [date, setDate] = useState(todayIso());
  // undefined until the user picks: then the suggestion applies. null is "No template".
  const [templateId, setTemplateId] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>();
  const chosen = templates ? (templateId === undefined ? suggestedTemplate(series.kind, isFirst, templates) : templateId) : null;
  const review = useLadderReview(series.personId, chosen);
  if (!templates) return null;
  const ownPoints = templates.find((t) => t.id === chosen)?.agenda.length ?? 0;

  const start = async () => {
    if (review.problem) return setError(review.problem);
    if (review.loading) return setError('The ladder is still loading: try again in a moment.');
    try {
      const meeting = await meetings.start({
        personId: series.personId,
        seriesId: series.id,
        kind: series.kind,
        date,
        time: series.time,
        ...(chosen !== null ? { templateId: chosen } : {}),
        ...(review.agenda ? { templateAgenda: review.agenda } : {}),
      });
      onClose();
      navigate(`/one-on-ones/meetings/${meeting.id}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog title={`Start ${meetingKindLabels[series.kind]} with ${personName}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => start()} formError={error}>
        <p className="muted">
          Unfinished talking points and open action items from the last meeting come along, and so does everything queued for {personName}.
        </p>
        <div className="form-grid">
          <DateField label="Date" value={date} onChange={setDate} isRequired />
          <SelectField
            label="Template"
            value={chosen}
            onChange={setTemplateId}
            empty="No template"
            options={templates.map((t) => ({ id: t.id, label: t.name }))}
          />
        </div>
        {review.agenda && (
          <p className="muted">
            One talking point for each of the {review.agenda.length} competencies of {personName}’s level
            {ownPoints > 0 ? `, then the template’s own ${ownPoints === 1 ? 'point' : `${ownPoints} points`}` : ''}.
          </p>
        )}
        {review.problem && <p className="muted">{review.problem}</p>}
        <FormActions submitLabel="Start meeting" onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}
