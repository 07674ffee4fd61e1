import { FieldError, Input, Label, Text, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'isInvalid'> {
  label: string;
  description?: string;
  /** A message to show beside the field; the field is invalid while it is set. */
  error?: string | undefined;
  placeholder?: string;
}

export function TextField({ label, description, error, placeholder, className, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} className={['field', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      <Input className="input" placeholder={placeholder} />
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </AriaTextField>
  );
}
