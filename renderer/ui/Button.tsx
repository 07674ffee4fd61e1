import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends AriaButtonProps {
  variant?: 'default' | 'primary' | 'danger' | 'quiet';
  size?: 'normal' | 'small';
}

export function Button({ variant = 'default', size = 'normal', className, ...props }: ButtonProps) {
  const classes = ['btn', variant !== 'default' && `btn--${variant}`, size === 'small' && 'btn--small', className].filter(Boolean).join(' ');
  return <AriaButton {...props} className={classes} />;
}
