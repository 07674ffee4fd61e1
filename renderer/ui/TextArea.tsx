import { FieldError, Label, Text, TextArea as AriaTextArea, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

export interface TextAreaProps extends Omit<AriaTextFieldProps, 'isInvalid'> {
  label: string;
  description?: string;
  /** A message to show beside the field; the field is invalid while it is set. */
  error?: string | undefined;
  rows?: number;
  /** Monospace, for Markdown or code. */
  mono?: boolean;
}

/** A multi-line TextField: same label, description and error as TextField. */
export function TextArea({ label, description, error, rows = 6, mono, className, ...props }: TextAreaProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} className={['field', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      <AriaTextArea className={['input', 'textarea', mono && 'textarea--mono'].filter(Boolean).join(' ')} rows={rows} />
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </AriaTextField>
  );
}
