import { useEffect, useRef } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

import { cx } from './cx';

export interface DialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: React.ReactNode;
  /** 'wide' for previews with tables (CSV import). */
  size?: 'normal' | 'wide';
}

/** What counts as a field to type or choose in: text boxes, selects, combo boxes, a date's first segment. */
const FIELD = [
  'input:not([type="hidden"]):not([disabled]):not([type="checkbox"]):not([type="radio"])',
  'textarea:not([disabled])',
  '.select-button:not([disabled])',
  '[role="spinbutton"]',
  '.cm-content',
].join(', ');

/**
 * Puts focus in the dialog's first field when it opens, so typing starts at once. It runs before
 * react-aria's own focusing (a child's effect runs before its parent's), which then keeps focus
 * where it already is inside the dialog. An element the dialog focuses itself (autoFocus) wins,
 * and a dialog without fields keeps react-aria's behaviour. Hidden form mirrors (a select's
 * native twin) are skipped.
 */
function FocusFirstField({ within }: { within: React.RefObject<HTMLElement | null> }) {
  useEffect(() => {
    const root = within.current;
    if (!root || root.contains(document.activeElement)) return;
    const first = [...root.querySelectorAll<HTMLElement>(FIELD)].find((el) => el.tabIndex >= 0 && !el.closest('[aria-hidden="true"], [hidden], [inert]'));
    first?.focus();
  }, [within]);
  return null;
}

export function Dialog({ title, isOpen, onOpenChange, children, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLElement>(null);
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className={cx('modal', size === 'wide' && 'modal--wide')}>
        <AriaDialog className="dialog" ref={ref}>
          <Heading slot="title">{title}</Heading>
          {children}
          <FocusFirstField within={ref} />
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
