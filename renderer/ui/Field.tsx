import { FieldError, Label, Text } from 'react-aria-components';

export interface FieldFrameProps {
  label: string;
  /** Hide the label visually (it still names the field). */
  hideLabel?: boolean;
  description?: string | undefined;
  /** A message to show beside the field; the field is invalid while it is set. */
  error?: string | undefined;
}

/**
 * What every field shows around its control: the label above, then the control, then either the
 * description or the error. Used inside a react-aria field (TextField, Select, DateField), which
 * wires the label, description and error to the control for assistive technology.
 */
export function FieldFrame({ label, hideLabel, description, error, children }: FieldFrameProps & { children: React.ReactNode }) {
  return (
    <>
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      {children}
      {description && !error && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </>
  );
}
