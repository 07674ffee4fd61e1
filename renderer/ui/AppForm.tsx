import { Form } from 'react-aria-components';

export interface AppFormProps {
  /** Runs on submit (Enter or the submit button); the page never reloads. */
  onSubmit: () => unknown;
  /** A message about the whole form (e.g. the disk is full), shown above the fields. */
  formError?: string | undefined;
  className?: string;
  'aria-label'?: string;
  children: React.ReactNode;
}

/**
 * Every form in Trellis: field errors come from our own validation (shown beside fields with
 * aria-invalid), not the browser's bubbles, and a form-level error is announced.
 */
export function AppForm({ onSubmit, formError, className, children, ...aria }: AppFormProps) {
  return (
    <Form
      {...aria}
      className={className}
      validationBehavior="aria"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {formError && (
        <p className="banner banner--error" role="alert">
          {formError}
        </p>
      )}
      {children}
    </Form>
  );
}
