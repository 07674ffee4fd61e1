import './palette.css';

import { Fragment } from 'react';

import { keyLabel, type Shortcut, shortcuts } from '../../app/shortcuts';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

const groups: Shortcut['group'][] = ['General', 'Go to', 'Actions', 'On a meeting'];

/** Every keyboard shortcut of the app, by group (`?`). */
export default function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <div className="shortcuts">
        {groups.map((group) => (
          <section key={group} className="shortcuts__group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{group}</h3>
            <dl>
              {shortcuts
                .filter((s) => s.group === group)
                .map((s) => (
                  <div key={s.keys.join(' ')} className="shortcuts__row">
                    <dt>
                      {s.keys.map((k, i) => (
                        <Fragment key={k}>
                          {i > 0 && <span className="shortcuts__then"> then </span>}
                          <kbd>{keyLabel(k)}</kbd>
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted">Single keys work when the cursor is not in a text field.</p>
      <div className="dialog__actions">
        <Button variant="primary" onPress={onClose} autoFocus>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
