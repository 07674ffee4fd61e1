import { useCallback, useId, useRef, useState } from 'react';

import { revealInTextArea, type RevealRequest, useReveal } from '../../app/reveal';
import { Markdown } from '../../ui/Markdown';
import { Segmented } from '../../ui/Segmented';

type Mode = 'write' | 'preview';

export interface NotesEditorProps {
  label: string;
  /** The section heading (with its id for aria-labelledby) and anything shown beside it. */
  heading: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  placeholder?: string;
  /** Opened from search at a match in these notes: the target search names (see app/reveal.ts). */
  revealTarget?: string;
}

/**
 * Markdown notes with a Write / Preview switch; the preview is sanitised. The textarea is left
 * uncontrolled on purpose: React rewriting a controlled textarea's value breaks the browser's own
 * undo history, and Ctrl/Cmd+Z in notes must undo whole runs of typing. That is also why this is
 * a plain <textarea> and not ui/TextArea: react-aria's text field holds the value itself, and
 * with it the browser's undo no longer brings typed text back (meetings-keyboard.spec.ts).
 */
export function NotesEditor({ label, heading, value, onChange, description, placeholder, revealTarget }: NotesEditorProps) {
  const [mode, setMode] = useState<Mode>('write');
  // Only read when the textarea mounts: changing defaultValue later would reset its undo history.
  const [initial, setInitial] = useState(value);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  useReveal(
    revealTarget,
    useCallback((r: RevealRequest) => area.current && revealInTextArea(area.current, r.terms), []),
  );
  const switchMode = (next: Mode) => {
    if (next === 'write') setInitial(value);
    setMode(next);
  };
  return (
    <>
      <div className="section-card__header">
        {heading}
        <Segmented<Mode>
          label={`${label} view`}
          value={mode}
          onChange={switchMode}
          options={[
            { id: 'write', label: 'Write' },
            { id: 'preview', label: 'Preview' },
          ]}
        />
      </div>
      {mode === 'write' ? (
        <div className="field">
          <label htmlFor={`${id}-input`} className="visually-hidden">
            {label}
          </label>
          <textarea
            ref={area}
            id={`${id}-input`}
            className="input textarea"
            rows={8}
            defaultValue={initial}
            onChange={(e) => onChange(e.currentTarget.value)}
            placeholder={placeholder}
            aria-describedby={description ? `${id}-description` : undefined}
          />
          {description && (
            <span id={`${id}-description`} className="field__description">
              {description}
            </span>
          )}
        </div>
      ) : (
        <Markdown source={value} policy="notes" label={`${label} preview`} className="notes-preview" />
      )}
    </>
  );
}
