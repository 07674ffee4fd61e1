import { LockIcon } from '../../ui/LockIcon';

/** The one mark of a private record: it never leaves this computer. */
export function PrivateChip() {
  return (
    <span className="feedback-private">
      <LockIcon size={12} /> Private
    </span>
  );
}
