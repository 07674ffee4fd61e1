import { useState } from 'react';

import { recognitionMessage, type Win } from '../../../shared/domain/wins';
import { unknownCompetencyName } from '../../../shared/evidence/refs';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import type { CompetencyNamer } from './useLadderCompetencies';

/** The competencies a win names, by name, once each; those no ladder knows now are left out of a public message. */
export function knownCompetencyNames(win: Pick<Win, 'criteria'>, name: CompetencyNamer): string[] {
  const names = win.criteria.filter((r) => {
    const n = name(r);
    return n !== r.competencyId && n !== unknownCompetencyName(r.competencyId);
  });
  return [...new Set(names.map((r) => name(r)))];
}

/** Whether a win may be recognised in public: the person agreed, and it is not private. */
export const canRecognise = (win: Pick<Win, 'title' | 'impact' | 'links' | 'celebrate' | 'visibility'>) => recognitionMessage(win, '') !== null;

/** Drafts a shout-out for a win the person agreed to celebrate, to copy into chat. */
export function RecogniseDialog({ win, personName, names, onClose }: { win: Win; personName: string; names: string[]; onClose: () => void }) {
  const { announce } = useStatus();
  const [text, setText] = useState(() => recognitionMessage(win, personName, names) ?? '');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce('Recognition copied');
      onClose();
    } catch {
      announce('Trellis could not use the clipboard: select the text and copy it.', 'error');
    }
  };
  return (
    <Dialog title={`Recognise ${personName}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <div className="person-form">
        <TextArea label="Recognition message" description="Edit it as you like, then copy it into chat or an email." rows={7} value={text} onChange={setText} />
        <div className="dialog__actions">
          <span className="spacer" />
          <Button variant="quiet" onPress={onClose}>
            Cancel
          </Button>
          <Button variant="primary" onPress={() => void copy()}>
            Copy message
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
