import { useEffect } from 'react';

import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import { useStatus } from '../../ui/Status';

export interface UndoAction {
  label: string;
  undo: () => Promise<void>;
}

const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName));

/**
 * Offers to take back the last deletion. Ctrl/Cmd+Z does the same when the focus is not in a
 * text field (there it is the field's own undo).
 */
export function UndoBar({ action, onDone }: { action: UndoAction | null; onDone: () => void }) {
  const { announce } = useStatus();
  useEffect(() => {
    if (!action) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !inTextField(e.target)) {
        e.preventDefault();
        void action.undo().then(onDone, (error: unknown) => announce(errorMessage(error), 'error'));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [action, onDone, announce]);
  return (
    <div role="status" aria-live="polite" className="undo-region">
      {action && (
        <div className="undo-bar">
          <span>{action.label}</span>
          <Button size="small" onPress={() => void action.undo().then(onDone, (error: unknown) => announce(errorMessage(error), 'error'))}>
            Undo
          </Button>
          <Button size="small" variant="quiet" aria-label="Dismiss" onPress={onDone}>
            ✕
          </Button>
        </div>
      )}
    </div>
  );
}
