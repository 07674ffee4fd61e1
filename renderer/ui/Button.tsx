import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

import { cx } from './cx';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  className?: string;
  variant?: 'default' | 'primary' | 'danger' | 'quiet';
  size?: 'normal' | 'small';
}

export function Button({ variant = 'default', size = 'normal', className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={cx('btn', variant !== 'default' && `btn--${variant}`, size === 'small' && 'btn--small', className)} />;
}
