import { Input, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';

import { cx } from './cx';
import { FieldFrame, type FieldFrameProps } from './Field';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'isInvalid' | 'className'>, FieldFrameProps {
  className?: string;
  placeholder?: string;
}

export function TextField({ label, hideLabel, description, error, placeholder, className, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(error)} className={cx('field', className)}>
      <FieldFrame label={label} hideLabel={hideLabel} description={description} error={error}>
        <Input className="input" placeholder={placeholder} />
      </FieldFrame>
    </AriaTextField>
  );
}
