import { TextArea as AriaTextArea, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

import { cx } from './cx';
import { FieldFrame, type FieldFrameProps } from './Field';

export interface TextAreaProps extends Omit<AriaTextFieldProps, 'isInvalid' | 'className'>, FieldFrameProps {
  className?: string;
  placeholder?: string;
  rows?: number;
  /** Monospace, for Markdown or code. */
  mono?: boolean;
  textAreaClassName?: string;
}

/** Multi-line text, with TextField's label, description and error. The browser's own undo (Ctrl/Cmd+Z) works because the value only changes on input. */
export function TextArea({ label, hideLabel, description, error, placeholder, rows = 6, mono, className, textAreaClassName, ...props }: TextAreaProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} className={cx('field', className)}>
      <FieldFrame label={label} hideLabel={hideLabel} description={description} error={error}>
        <AriaTextArea className={cx('input', 'textarea', mono && 'textarea--mono', textAreaClassName)} placeholder={placeholder} rows={rows} />
      </FieldFrame>
    </AriaTextField>
  );
}
