import { useState } from 'react';
import { useLocation } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { type MeetingKind, meetingKindLabels, type MeetingTemplate, type Series } from '../../../shared/domain/meetings';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTemplates } from './hooks';

const NO_TEMPLATE = '__none__';

/** A first 1:1 gets the getting-to-know-you template; later ones the template of their kind. */
export function suggestedTemplate(kind: MeetingKind, isFirst: boolean, templates: MeetingTemplate[]): string {
  if (kind === 'one-on-one') return isFirst ? 'builtin-first' : 'builtin-weekly';
  return templates.find((t) => t.kind === kind)?.id ?? NO_TEMPLATE;
}

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
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  if (!templates) return null;
  const chosen = templateId ?? suggestedTemplate(series.kind, isFirst, templates);

  const start = async () => {
    try {
      const meeting = await meetings.start({
        personId: series.personId,
        seriesId: series.id,
        kind: series.kind,
        date,
        time: series.time,
        ...(chosen !== NO_TEMPLATE ? { templateId: chosen } : {}),
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
          <TextField label="Date" type="date" value={date} onChange={setDate} isRequired />
          <SelectField
            label="Template"
            value={chosen}
            onChange={(v) => setTemplateId(v ?? NO_TEMPLATE)}
            options={[{ id: NO_TEMPLATE, label: 'No template' }, ...templates.map((t) => ({ id: t.id, label: t.name }))]}
          />
        </div>
        <FormActions submitLabel="Start meeting" onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}
