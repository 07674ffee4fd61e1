import { Button, FieldError, type Key, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  options: SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder?: string;
  description?: string;
  error?: string | undefined;
  name?: string;
}

export function SelectField({ label, options, value, onChange, placeholder, description, error, name }: SelectFieldProps) {
  return (
    <Select
      className="field"
      value={value as Key | null}
      onChange={(key) => onChange(key === null ? null : String(key))}
      placeholder={placeholder}
      isInvalid={Boolean(error)}
      name={name}
    >
      <Label className="field__label">{label}</Label>
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
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
