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

export function Dialog({ title, isOpen, onOpenChange, children, size = 'normal' }: DialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className={cx('modal', size === 'wide' && 'modal--wide')}>
        <AriaDialog className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
