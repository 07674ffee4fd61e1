import './feedback.css';

import { useEffect, useState } from 'react';

import type { FieldErrors, Person } from '../../../shared/domain/person';
import type { Visibility } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { personOfScreen } from './screen-person';

/**
 * What the capture dialogs (feedback, a win) and the editors of what they capture share: the
 * person a record is about, who may see it, the dialog frame with Save always in reach, the
 * person of the screen filled in, and one way of turning a refused save into field errors.
 */

export const visibilityOptions: { id: Visibility; label: string; description: string }[] = [
  { id: 'private', label: 'Private', description: 'Only in Trellis on this computer: never in an export or a packet.' },
  { id: 'shareable', label: 'Shareable', description: 'May go into exports and promotion packets.' },
];

export function VisibilityField({ value, onChange }: { value: Visibility; onChange: (next: Visibility) => void }) {
  return <RadioGroupField<Visibility> label="Visibility" options={visibilityOptions} value={value} onChange={onChange} />;
}

/** The person a record is about: a combo box of names (with their title, where they have one). */
export function PersonField({
  label,
  people,
  value,
  onChange,
  error,
}: {
  label: string;
  people: readonly Person[];
  value: string;
  onChange: (personId: string) => void;
  error?: string | undefined;
}) {
  return (
    <ComboBoxField
      label={label}
      options={people.map((p) => ({ id: p.id, label: p.name, ...(p.title ? { description: p.title } : {}) }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      placeholder="Type a name"
      error={error}
    />
  );
}

/**
 * The person of the screen a capture dialog opened over (their page, a 1:1 of theirs…), passed
 * to `found` once known. Returns whether one was found (null until the screen was asked), so the
 * dialog can put the cursor past the person field.
 */
export function useScreenPerson(screen: string, personId: string | undefined, found: (personId: string) => void): boolean | null {
  const repos = useRepositories();
  const [prefilled, setPrefilled] = useState<boolean | null>(personId ? true : null);
  const [onFound] = useState(() => found);
  useEffect(() => {
    if (personId) return;
    let live = true;
    void personOfScreen(screen, repos).then((id) => {
      if (!live) return;
      if (id) onFound(id);
      setPrefilled(Boolean(id));
    });
    return () => {
      live = false;
    };
  }, [screen, personId, repos, onFound]);
  return prefilled;
}

/**
 * A form's save: `busy` while it runs; a refusal becomes field errors (a ValidationError) or a
 * message about the whole form (a full disk), and the typing stays.
 */
export function useFormSave() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    try {
      await save();
    } catch (e) {
      setErrors(e instanceof ValidationError ? e.fieldErrors : { form: errorMessage(e) });
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, run };
}

/**
 * The frame of a capture dialog: wide, its fields in a form that Ctrl/⌘+Enter submits from any
 * field, and the actions in a footer that stays in reach while the fields scroll under it.
 */
export function CaptureDialog({
  title,
  submitLabel,
  onSubmit,
  onClose,
  busy,
  formError,
  actions,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: () => unknown;
  onClose: () => void;
  busy: boolean;
  formError?: string | undefined;
  /** Side actions on the left of the footer. */
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Dialog title={title} isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void onSubmit();
          }
        }}
      >
        <AppForm className="person-form feedback-form" onSubmit={onSubmit} formError={formError} aria-label={title}>
          {children}
          <FormActions submitLabel={submitLabel} onCancel={onClose} isSubmitting={busy}>
            {actions}
          </FormActions>
        </AppForm>
      </div>
    </Dialog>
  );
}
