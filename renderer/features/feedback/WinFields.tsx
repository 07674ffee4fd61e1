import type { FieldErrors, Person } from '../../../shared/domain/person';
import type { WinDraft } from '../../../shared/domain/wins';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { TextArea } from '../../ui/TextArea';
import { PersonField, VisibilityField } from './CaptureParts';
import { CriteriaField } from './CriteriaField';

/** A win as it is edited: the draft, with its links as typed (one a line) until they are saved. */
export interface WinForm {
  draft: WinDraft;
  links: string;
}

export const winFormOf = (draft: WinDraft): WinForm => ({ draft, links: draft.links.join('\n') });

/**
 * The fields of a win, in the order they are written: whose and when, what happened and what it
 * led to, links, the competencies it shows, and who may see it (and whether the person agreed to
 * a public shout-out). Shared by the capture dialog (W) and the win's own page.
 */
export function WinFields({
  value,
  onChange,
  people,
  errors = {},
  autoFocus = false,
}: {
  value: WinForm;
  onChange: (next: WinForm) => void;
  people: readonly Person[];
  errors?: FieldErrors;
  /** Focus "What happened" first (when the person is known already). */
  autoFocus?: boolean;
}) {
  const { draft } = value;
  const set = <K extends keyof WinDraft>(key: K, v: WinDraft[K]) => onChange({ ...value, draft: { ...draft, [key]: v } });
  const person = people.find((p) => p.id === draft.personId) ?? null;
  return (
    <>
      <div className="form-grid">
        <PersonField
          label="Whose win"
          people={people}
          value={draft.personId}
          onChange={(id) => onChange({ ...value, draft: { ...draft, personId: id, criteria: [] } })}
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
        {...(autoFocus ? { autoFocus: true } : {})}
      />
      <TextArea label="Impact" description="What it led to, for whom." rows={2} value={draft.impact} onChange={(t) => set('impact', t)} error={errors.impact} />
      <TextArea
        label="Links"
        description="One per line: the pull request, the doc, the thank-you message."
        rows={1}
        value={value.links}
        onChange={(links) => onChange({ ...value, links })}
        error={errors.links}
      />
      <CriteriaField person={person} value={draft.criteria} onChange={(c) => set('criteria', c)} />
      <div className="form-grid">
        <VisibilityField value={draft.visibility} onChange={(v) => set('visibility', v)} />
        <Checkbox isSelected={draft.celebrate} onChange={(on) => set('celebrate', on)}>
          They agreed to celebrate this in public
        </Checkbox>
      </div>
    </>
  );
}
