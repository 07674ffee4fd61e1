import { useState } from 'react';
import { Markdown } from '../../ui/Markdown';
import { Segmented } from '../../ui/Segmented';
import { TextArea } from '../../ui/TextArea';

type Mode = 'write' | 'preview';

export interface NotesEditorProps {
  label: string;
  /** The section heading (with its id for aria-labelledby) and anything shown beside it. */
  heading: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  placeholder?: string;
}

/** Markdown notes with a Write / Preview switch; the preview is sanitised. */
export function NotesEditor({ label, heading, value, onChange, description, placeholder }: NotesEditorProps) {
  const [mode, setMode] = useState<Mode>('write');
  return (
    <>
      <div className="section-card__header">
        {heading}
        <Segmented<Mode> label={`${label} view`} value={mode} onChange={setMode} options={[{ id: 'write', label: 'Write' }, { id: 'preview', label: 'Preview' }]} />
      </div>
      {mode === 'write' ? (
        <TextArea label={label} hideLabel value={value} onChange={onChange} rows={8} description={description} placeholder={placeholder} />
      ) : (
        <Markdown source={value} label={`${label} preview`} className="notes-preview" />
      )}
    </>
  );
}
