import './choice-fields.css';

import { Button, ComboBox, FieldError, Input, type Key, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';

export interface ComboBoxOption {
  id: string;
  label: string;
  /** A second, muted line under the label (an offset, a hint). */
  description?: string;
}

export interface ComboBoxFieldProps {
  label: string;
  options: ComboBoxOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  error?: string | undefined;
  placeholder?: string;
  /** Shown in the list when nothing matches what was typed. */
  emptyText?: string;
  name?: string;
}

const words = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_/\-\s]+/g, ' ')
    .trim();

/** Every word typed appears in the option, in any order: "york new" finds America/New_York. */
export function matchesEveryWord(textValue: string, inputValue: string): boolean {
  const haystack = words(textValue);
  return words(inputValue)
    .split(' ')
    .every((w) => haystack.includes(w));
}

/**
 * A searchable single choice from a long list (time zones, people): type to filter, arrows to
 * move, Enter to choose. Only listed options can be chosen; leaving the field with other text
 * puts the chosen option back.
 */
export function ComboBoxField({ label, options, value, onChange, description, error, placeholder, emptyText = 'Nothing matches', name }: ComboBoxFieldProps) {
  return (
    <ComboBox
      className="field"
      // defaultItems, not items: with items the caller filters, with defaultItems the ComboBox does.
      defaultItems={options}
      selectedKey={value as Key | null}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      defaultFilter={matchesEveryWord}
      isInvalid={Boolean(error)}
      allowsEmptyCollection
      name={name}
    >
      <Label className="field__label">{label}</Label>
      <div className="combobox__control">
        <Input className="input" placeholder={placeholder} />
        <Button className="combobox__button" aria-label={`Show all: ${label}`}>
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" renderEmptyState={() => <div className="combobox__empty">{emptyText}</div>}>
          {(option: ComboBoxOption) => (
            <ListBoxItem className="listbox-item" id={option.id} textValue={option.label}>
              <span>{option.label}</span>
              {option.description && <span className="listbox-item__description">{option.description}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
