import { Input, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

import { cx } from './cx';
import { FieldFrame, type FieldFrameProps } from './Field';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'isInvalid' | 'className'>, FieldFrameProps {
  className?: string;
  placeholder?: string;
  /** The text box itself, for a screen that moves focus into it. */
  inputRef?: React.Ref<HTMLInputElement>;
}

export function TextField({ label, hideLabel, description, error, placeholder, className, inputRef, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} className={cx('field', className)}>
      <FieldFrame label={label} hideLabel={hideLabel} description={description} error={error}>
        <Input className="input" placeholder={placeholder} ref={inputRef} />
      </FieldFrame>
    </AriaTextField>
  );
}
