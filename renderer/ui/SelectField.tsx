import { Button, type Key, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

import { cx } from './cx';
import { FieldFrame } from './Field';

export interface SelectOption<T extends string> {
  id: T;
  label: string;
}

interface SelectFieldBase<T extends string> {
  label: string;
  options: readonly SelectOption<T>[];
  /** The chosen option; null shows `empty` (when given) or the placeholder. */
  value: T | null;
  placeholder?: string;
  description?: string;
  error?: string | undefined;
  name?: string;
  /** Extra class names for the field (e.g. `field--narrow` in an inline form). */
  className?: string;
  /** Focus the field when it appears (a form the user just asked for). */
  autoFocus?: boolean;
}

/** Every choice is one of `options`. */
interface RequiredChoice<T extends string> extends SelectFieldBase<T> {
  empty?: undefined;
  onChange: (value: T) => void;
}

/** "No manager", "No template": an explicit first option that stands for null. */
interface OptionalChoice<T extends string> extends SelectFieldBase<T> {
  empty: string;
  onChange: (value: T | null) => void;
}

export type SelectFieldProps<T extends string> = RequiredChoice<T> | OptionalChoice<T>;

// The list's key for the `empty` option. It never leaves this component: callers see null.
const EMPTY_KEY = '\u0000empty';

/** One choice from a list, typed by its options: onChange hands back one of their ids (or null for `empty`). */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, options, value, placeholder, description, error, name, className, autoFocus } = props;
  const items = props.empty === undefined ? options : [{ id: EMPTY_KEY, label: props.empty }, ...options];
  const selected: Key | null = value ?? (props.empty === undefined ? null : EMPTY_KEY);
  const choose = (key: Key | null) => {
    if (key === EMPTY_KEY && props.empty !== undefined) return props.onChange(null);
    const option = options.find((o) => o.id === key);
    if (option) props.onChange(option.id);
  };
  return (
    <Select
      className={cx('field', className)}
      value={selected}
      onChange={choose}
      placeholder={placeholder}
      isInvalid={Boolean(error)}
      name={name}
      autoFocus={autoFocus}
    >
      <FieldFrame label={label} description={description} error={error}>
        <Button className="select-button">
          <SelectValue className="select-value" />
          <span aria-hidden="true" className="select-chevron">
            ▾
          </span>
        </Button>
      </FieldFrame>
      <Popover className="popover">
        <ListBox className="listbox" items={items}>
          {(option) => (
            <ListBoxItem className="listbox-item" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
