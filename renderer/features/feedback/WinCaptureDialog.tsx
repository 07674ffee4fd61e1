import './feedback.css';

import { useEffect, useState } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import type { FieldErrors } from '../../../shared/domain/person';
import { parseLinks, type WinDraft } from '../../../shared/domain/wins';
import type { Visibility } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePeople } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Checkbox } from '../../ui/Checkbox';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { CriteriaField } from './CriteriaField';
import { visibilityOptions } from './FeedbackFields';
import { personOfScreen } from './screen-person';

/**
 * A win in a few seconds, over any screen (W, or "Log a win" in the palette): who, when, what
 * happened and what it led to, links, the competencies it shows, and whether the person agreed
 * to a public shout-out. Ctrl/⌘+Enter saves from any field.
 */
export default function WinCaptureDialog({ screen, personId, onClose }: { screen: string; personId?: string | undefined; onClose: () => void }) {
  const repos = useRepositories();
  const people = usePeople()?.filter((p) => !p.archived);
  const { announce } = useStatus();
  const [draft, setDraft] = useState<WinDraft>(() => ({
    personId: personId ?? '',
    date: todayIso(),
    visibility: 'shareable',
    criteria: [],
    title: '',
    impact: '',
    links: [],
    celebrate: false,
  }));
  const [links, setLinks] = useState('');
  const [prefilled, setPrefilled] = useState<boolean | null>(personId ? true : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (personId) return;
    let live = true;
    void personOfScreen(screen, repos).then((id) => {
      if (!live) return;
      if (id) setDraft((d) => (d.personId ? d : { ...d, personId: id }));
      setPrefilled(Boolean(id));
    });
    return () => {
      live = false;
    };
  }, [screen, personId, repos]);

  const set = <K extends keyof WinDraft>(key: K, value: WinDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async () => {
    if (!draft.personId) return setErrors({ personId: 'Choose whose win it is' });
    setBusy(true);
    try {
      const win = await repos.wins.create({ ...draft, links: parseLinks(links) });
      announce(`Win of ${people?.find((p) => p.id === win.personId)?.name ?? 'them'} saved`);
      onClose();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
      setBusy(false);
    }
  };

  if (!people || prefilled === null) return null;
  const person = people.find((p) => p.id === draft.personId) ?? null;
  return (
    <Dialog title="Log a win" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <AppForm className="person-form feedback-form" onSubmit={submit} formError={errors.form} aria-label="Log a win">
          <div className="form-grid">
            <ComboBoxField
              label="Whose win"
              options={people.map((p) => ({ id: p.id, label: p.name }))}
              value={draft.personId || null}
              onChange={(id) => setDraft((d) => ({ ...d, personId: id ?? '', criteria: [] }))}
              placeholder="Type a name"
              error={errors.personId}
            />
            <DateField label="Date" value={draft.date} onChange={(d) => set('date', d)} isRequired error={errors.date} />
          </div>
          <TextArea
            label="What happened"
            rows={2}
            value={draft.title}
            onChange={(t) => set('title', t)}
            isRequired
            error={errors.title}
            {...(prefilled ? { autoFocus: true } : {})}
          />
          <TextArea label="Impact" description="What it led to, for whom." rows={2} value={draft.impact} onChange={(t) => set('impact', t)} />
          <TextArea
            label="Links"
            description="One per line: the pull request, the doc, the thank-you message."
            rows={1}
            value={links}
            onChange={setLinks}
            error={errors.links}
          />
          <CriteriaField person={person} value={draft.criteria} onChange={(c) => set('criteria', c)} />
          <div className="form-grid">
            <RadioGroupField<Visibility> label="Visibility" options={visibilityOptions} value={draft.visibility} onChange={(v) => set('visibility', v)} />
            <Checkbox isSelected={draft.celebrate} onChange={(on) => set('celebrate', on)}>
              They agreed to celebrate this in public
            </Checkbox>
          </div>
          <FormActions submitLabel="Save win" onCancel={onClose} isSubmitting={busy} />
        </AppForm>
      </div>
    </Dialog>
  );
}
