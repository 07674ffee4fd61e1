import { usePeople } from '../../app/usePeople';
import { ComboBoxField } from '../../ui/ComboBoxField';

/** The filter's value for no one in particular. */
export const EVERYONE = 'everyone';

/** "Person" above a list of feedback or wins: everyone, or one current person. */
export function PersonFilter({ value, onChange }: { value: string; onChange: (personId: string) => void }) {
  const people = usePeople();
  return (
    <ComboBoxField
      label="Person"
      options={[{ id: EVERYONE, label: 'Everyone' }, ...(people ?? []).filter((p) => !p.archived).map((p) => ({ id: p.id, label: p.name }))]}
      value={value}
      onChange={(id) => onChange(id ?? EVERYONE)}
    />
  );
}
