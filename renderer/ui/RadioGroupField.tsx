import './choice-fields.css';

import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

import { cx } from './cx';

export interface RadioOption<T extends string> {
  id: T;
  label: string;
  /** A line under the label saying what choosing it means. */
  description?: string;
}

export interface RadioGroupFieldProps<T extends string> {
  label: string;
  options: RadioOption<T>[];
  /** Null while nothing is chosen: the group starts without a default when a guess could be wrong. */
  value: T | null;
  onChange: (value: T) => void;
  description?: string;
  error?: string | undefined;
  /** 'cards': one option per line, each a bordered card with its description. */
  layout?: 'inline' | 'cards';
}

/** A labelled choice of one among a few options, keyboard-operable (arrow keys) like native radios. */
export function RadioGroupField<T extends string>({ label, options, value, onChange, description, error, layout = 'inline' }: RadioGroupFieldProps<T>) {
  return (
    <RadioGroup
      className={cx('radio-group', layout === 'cards' && 'radio-group--cards')}
      value={value}
      onChange={(v) => onChange(v as T)}
      isInvalid={Boolean(error)}
    >
      <Label className="field__label">{label}</Label>
      <div className="radio-group__options">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="radio">
            <span className="radio__mark" aria-hidden="true" />
            <span className="radio__text">
              <span className="radio__label">{o.label}</span>
              {o.description && <span className="radio__description">{o.description}</span>}
            </span>
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
