import './one-on-ones.css';

import { useState } from 'react';

import { LADDER_REVIEW_TEMPLATE_ID } from '../../../shared/domain/ladder-review';
import { type MeetingKind, meetingKindLabels, meetingKinds, type MeetingTemplate } from '../../../shared/domain/meetings';
import type { FieldErrors } from '../../../shared/domain/person';
import { builtInTemplates } from '../../../shared/domain/templates';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { useTemplates } from './hooks';

type Editing = { template: MeetingTemplate | null } | null;

function TemplateDialog({ template, onClose }: { template: MeetingTemplate | null; onClose: () => void }) {
  const { templates } = useRepositories();
  const { announce } = useStatus();
  const [name, setName] = useState(template?.name ?? '');
  const [kind, setKind] = useState<MeetingKind>(template?.kind ?? 'one-on-one');
  const [agendaText, setAgendaText] = useState(template?.agenda.join('\n') ?? '');
  const [sharedNotes, setSharedNotes] = useState(template?.sharedNotes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = async () => {
    try {
      const saved = await templates.save(template?.id ?? null, { name, kind, agendaText, sharedNotes });
      announce(`Saved template ${saved.name}`);
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
    }
  };
  return (
    <Dialog title={template ? `Edit template ${template.name}` : 'New template'} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => save()} formError={errors.form}>
        <div className="form-grid">
          <TextField label="Template name" value={name} onChange={setName} error={errors.name} autoFocus />
          <SelectField label="Kind" value={kind} onChange={setKind} options={meetingKinds.map((k) => ({ id: k, label: meetingKindLabels[k] }))} />
        </div>
        <TextArea
          label="Talking points"
          description={
            template?.id === LADDER_REVIEW_TEMPLATE_ID
              ? 'One per line. Trellis first adds one point per competency of the person’s level, then these.'
              : 'One per line. They start the agenda of a new meeting.'
          }
          value={agendaText}
          onChange={setAgendaText}
          error={errors.agendaText}
          rows={6}
        />
        <TextArea
          label="Shared notes to start with"
          description="Markdown headings or prompts."
          value={sharedNotes}
          onChange={setSharedNotes}
          error={errors.sharedNotes}
          rows={4}
        />
        <FormActions submitLabel="Save template" onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}

const isEdited = (t: MeetingTemplate) => t.builtIn && builtInTemplates.find((b) => b.id === t.id)?.updatedAt !== t.updatedAt;

export default function TemplatesPage() {
  const list = useTemplates();
  const { templates } = useRepositories();
  const { announce } = useStatus();
  const [editing, setEditing] = useState<Editing>(null);
  if (!list) return <p className="loading">Loading templates…</p>;
  const remove = async (t: MeetingTemplate) => {
    try {
      await templates.remove(t.id);
      announce(t.builtIn ? `Reset ${t.name} to the original` : `Deleted template ${t.name}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };
  return (
    <Page
      title="Meeting templates"
      subtitle="Choose one when you start a meeting. Edit the built-in ones or make your own."
      actions={
        <Button variant="primary" onPress={() => setEditing({ template: null })}>
          New template
        </Button>
      }
    >
      <div className="template-list">
        {list.map((t) => (
          <section key={t.id} className="card section-card" aria-labelledby={`tpl-${t.id}`}>
            <div className="section-card__header">
              <h2 id={`tpl-${t.id}`}>{t.name}</h2>
              <span className="badge">{t.builtIn ? (isEdited(t) ? 'Built-in · edited' : 'Built-in') : 'Yours'}</span>
            </div>
            <p className="muted small">{meetingKindLabels[t.kind]}</p>
            {t.id === LADDER_REVIEW_TEMPLATE_ID && (
              <p className="muted small">
                One point per competency of the person’s ladder level, made when the meeting starts{t.agenda.length ? ', then:' : '.'}
              </p>
            )}
            <ul>
              {t.agenda.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <div className="row-actions">
              {(!t.builtIn || isEdited(t)) && (
                <Button
                  size="small"
                  variant={t.builtIn ? 'quiet' : 'danger'}
                  onPress={() => void remove(t)}
                  aria-label={`${t.builtIn ? 'Reset' : 'Delete'} template ${t.name}`}
                >
                  {t.builtIn ? 'Reset' : 'Delete'}
                </Button>
              )}
              <Button size="small" onPress={() => setEditing({ template: t })} aria-label={`Edit template ${t.name}`}>
                Edit
              </Button>
            </div>
          </section>
        ))}
      </div>
      {editing && <TemplateDialog template={editing.template} onClose={() => setEditing(null)} />}
    </Page>
  );
}
