import { Button } from './Button';

export interface FormActionsProps {
  submitLabel: string;
  onCancel: () => void;
  isSubmitting?: boolean;
  /** Actions that stand apart on the left, e.g. Archive. */
  children?: React.ReactNode;
}

/** The footer of every form dialog: side actions on the left, Cancel and the submit button on the right. */
export function FormActions({ submitLabel, onCancel, isSubmitting, children }: FormActionsProps) {
  return (
    <div className="dialog__actions">
      {children}
      <span className="spacer" />
      <Button variant="quiet" onPress={onCancel}>
        Cancel
      </Button>
      <Button variant="primary" type="submit" isDisabled={isSubmitting}>
        {submitLabel}
      </Button>
    </div>
  );
}
