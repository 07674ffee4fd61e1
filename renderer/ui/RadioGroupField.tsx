import './choice-fields.css';

import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface RadioOption<T extends string> {
  id: T;
  label: string;
}

export interface RadioGroupFieldProps<T extends string> {
  label: string;
  options: RadioOption<T>[];
  /** Null while nothing is chosen: the group starts without a default when a guess could be wrong. */
  value: T | null;
  onChange: (value: T) => void;
  description?: string;
  error?: string | undefined;
}

/** A labelled choice of one among a few options, keyboard-operable (arrow keys) like native radios. */
export function RadioGroupField<T extends string>({ label, options, value, onChange, description, error }: RadioGroupFieldProps<T>) {
  return (
    <RadioGroup className="radio-group" value={value} onChange={(v) => onChange(v as T)} isInvalid={Boolean(error)}>
      <Label className="field__label">{label}</Label>
      <div className="radio-group__options">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="radio">
            <span className="radio__mark" aria-hidden="true" />
            <span>{o.label}</span>
          </Radio>
        ))}
      </div>
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </RadioGroup>
  );
}
