import { type Key, ToggleButton, ToggleButtonGroup } from 'react-aria-components';

export interface SegmentedProps<T extends string> {
  label: string;
  options: { id: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** A single-choice switch between views (e.g. List / Org chart). */
export function Segmented<T extends string>({ label, options, value, onChange }: SegmentedProps<T>) {
  return (
    <ToggleButtonGroup
      aria-label={label}
      className="segmented"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      onSelectionChange={(keys: Set<Key>) => {
        const chosen = options.find((o) => keys.has(o.id));
        if (chosen) onChange(chosen.id);
      }}
    >
      {options.map((o) => (
        <ToggleButton key={o.id} id={o.id} className="segmented__item">
          {o.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
