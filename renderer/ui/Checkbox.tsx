import type { ReactNode } from 'react';

/**
 * A checkbox with its label: the platform's own input (keyboard, focus, form semantics and the
 * accessibility tree for free), drawn by the design system. Not react-aria's Checkbox: a list of
 * action items or agenda points renders dozens of them, and each of those cost a set of hooks
 * (press, hover, focus ring, validation) on every render of the list.
 */
export function Checkbox({ children, isSelected, onChange }: { children: ReactNode; isSelected: boolean; onChange: (isSelected: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" className="checkbox__input" checked={isSelected} onChange={(event) => onChange(event.target.checked)} />
      <span className="checkbox__box" aria-hidden="true" />
      {children}
    </label>
  );
}
