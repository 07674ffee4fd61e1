import {
  FieldError,
  Label,
  Text,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextAreaProps extends Omit<AriaTextFieldProps, 'isInvalid'> {
  label: string;
  /** Hide the label visually (it still names the field). */
  hideLabel?: boolean;
  description?: string;
  /** A message to show beside the field; the field is invalid while it is set. */
  error?: string | undefined;
  placeholder?: string;
  rows?: number;
  /** Monospace, for Markdown or code. */
  mono?: boolean;
  textAreaClassName?: string;
}

/** Multi-line text, with TextField's label, description and error. The browser's own undo (Ctrl/Cmd+Z) works because the value only changes on input. */
export function TextArea({ label, hideLabel, description, error, placeholder, rows = 6, mono, className, textAreaClassName, ...props }: TextAreaProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} className={['field', className].filter(Boolean).join(' ')}>
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <AriaTextArea
        className={['input', 'textarea', mono && 'textarea--mono', textAreaClassName].filter(Boolean).join(' ')}
        placeholder={placeholder}
        rows={rows}
      />
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </AriaTextField>
  );
}
