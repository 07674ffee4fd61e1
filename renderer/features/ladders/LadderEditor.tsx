import { useEffect, useRef, useState } from 'react';

import type { LadderDetail } from '../../../shared/ipc/ladders';
import { checkLadder, type Ladder, type LadderProblem } from '../../../shared/ladder';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { useStatus } from '../../ui/Status';
import { ProblemList } from './ProblemsPanel';
import { SaveVersionDialog } from './SaveVersionDialog';
import { createLadderEditor, type EditorView, goTo, includeReader, replaceText } from './yaml-editor';

export interface LadderEditorProps {
  detail: LadderDetail;
}

/**
 * The YAML editor of one ladder file (lazy-loaded: CodeMirror is its own chunk). Problems show
 * as squiggles and as a list beside the editor while typing; Save proposes the next version and
 * writes only a valid file, anything else can be kept as a draft beside it. A change on disk
 * reloads the text unless there are unsaved edits.
 */
export default function LadderEditor({ detail }: LadderEditorProps) {
  const entry = detail.files[0] ?? { path: detail.summary.file, text: '' };
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [text, setText] = useState(entry.text);
  const [base, setBase] = useState({ text: entry.text, hash: detail.summary.diskHash });
  const [problems, setProblems] = useState<LadderProblem[]>([]);
  /** The checked edit, while the save dialog asks for its version. */
  const [saving, setSaving] = useState<Ladder | null>(null);
  const saveFile = useMainAction('ladders:save');
  const saveDraftFile = useMainAction('ladders:save-draft');
  const busy = saveFile.pending || saveDraftFile.pending;
  const { announce } = useStatus();
  const readOnly = detail.summary.readOnly;
  const dirty = text !== base.text;
  const errors = problems.filter((p) => p.severity === 'error');
  const changedOnDisk = detail.summary.diskHash !== base.hash && entry.text !== base.text;

  useEffect(() => {
    if (!host.current) return;
    const includes = new Map(detail.files.slice(1).map((f) => [f.path, f.text]));
    const editor = createLadderEditor({
      parent: host.current,
      text: entry.text,
      path: entry.path,
      includes,
      readOnly,
      previous: detail.ladder,
      label: `${entry.path} (YAML)`,
      onChange: setText,
      onProblems: setProblems,
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once per file; later disk changes arrive through `loadFromDisk`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.summary.key, readOnly]);

  const loadFromDisk = () => {
    setText(entry.text);
    setBase({ text: entry.text, hash: detail.summary.diskHash });
  };

  // Follow the file on disk while there is nothing unsaved to lose. Only a newly fetched text
  // counts: after our own save the fetched text catches up with what the editor already shows.
  const [seenText, setSeenText] = useState(entry.text);
  if (seenText !== entry.text) {
    setSeenText(entry.text);
    if (entry.text === base.text) setBase({ ...base, hash: detail.summary.diskHash });
    else if (!dirty) loadFromDisk();
  }

  // React state is the truth; CodeMirror is brought in line when the text changed from outside.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.length !== text.length) replaceText(editor, text);
    else if (editor && editor.state.doc.toString() !== text) replaceText(editor, text);
  }, [text]);

  const includes = () => new Map(detail.files.slice(1).map((f) => [f.path, f.text]));

  /** Save: check the text as main will, then ask which version it is. */
  const startSave = () => {
    const check = checkLadder({ path: entry.path, text }, includeReader(includes()), { previous: detail.ladder });
    if (!check.ladder) {
      setProblems(check.problems);
      announce(`Not saved: ${detail.summary.file} has problems`, 'error');
      return;
    }
    setSaving(check.ladder);
  };

  const save = async (final: string) => {
    try {
      const result = await saveFile.run({ key: detail.summary.key, text: final, baseHash: base.hash });
      setSaving(null);
      if (result.saved) {
        setText(final);
        setBase({ text: final, hash: result.summary.diskHash });
        announce(`Saved ${detail.summary.file}${result.summary.version ? ` as version ${result.summary.version}` : ''}`);
      } else {
        setProblems(result.problems);
        announce(`Not saved: ${detail.summary.file} has problems`, 'error');
      }
    } catch (e) {
      setSaving(null);
      announce(errorMessage(e), 'error');
    }
  };

  const saveDraft = async () => {
    try {
      const { path } = await saveDraftFile.run({ key: detail.summary.key, text });
      announce(`Draft saved as ${path}; ${detail.summary.file} is unchanged`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <section className="ladder-editor" aria-labelledby="editor-heading">
      <div className="ladder-editor__bar">
        <h2 id="editor-heading">
          Edit <code>{entry.path}</code> {dirty && <span className="badge badge--warning">Unsaved changes</span>}
        </h2>
        {!readOnly && (
          <div className="ladder-editor__actions">
            {detail.draft !== null && detail.draft !== text && <Button onPress={() => setText(detail.draft ?? '')}>Open draft</Button>}
            <Button onPress={() => loadFromDisk()} isDisabled={!dirty || busy}>
              Revert
            </Button>
            <Button onPress={() => void saveDraft()} isDisabled={!dirty || busy}>
              Save as draft
            </Button>
            <Button variant="primary" onPress={startSave} isDisabled={!dirty || busy || errors.length > 0}>
              Save…
            </Button>
          </div>
        )}
      </div>
      {readOnly && <p className="banner">This ladder ships with Trellis and is read-only. Copy it to your ladders folder to change it.</p>}
      {changedOnDisk && dirty && (
        <div className="banner banner--warning" role="alert">
          {detail.summary.file} changed on disk while you were editing.{' '}
          <Button size="small" onPress={() => loadFromDisk()}>
            Load the file from disk
          </Button>{' '}
          or save yours as a draft.
        </div>
      )}
      <div className="ladder-editor__body">
        <div className="ladder-editor__main">
          <div ref={host} className="ladder-editor__host" />
          <p className="muted small">Tab indents. Press Esc, then Tab, to leave the editor. Ctrl+F searches.</p>
        </div>
        <aside className="ladder-editor__problems" aria-labelledby="editor-problems-heading">
          <h3 id="editor-problems-heading">Problems</h3>
          <div aria-live="polite" className="ladder-editor__problems-list">
            {problems.length === 0 ? (
              <p className="ladder-editor__ok">No problems: this file can be saved.</p>
            ) : (
              <>
                <p>
                  <strong>
                    {errors.length} error{errors.length === 1 ? '' : 's'}
                  </strong>
                  {problems.length > errors.length && `, ${problems.length - errors.length} warning${problems.length - errors.length === 1 ? '' : 's'}`}
                  {errors.length > 0 && !readOnly && ': fix them to save, or save a draft.'}
                </p>
                <ProblemList problems={problems} onPick={(p) => p.file === entry.path && view.current && goTo(view.current, p)} />
              </>
            )}
          </div>
        </aside>
      </div>
      {saving && (
        <SaveVersionDialog
          file={detail.summary.file}
          before={detail.ladder}
          after={saving}
          text={text}
          pending={saveFile.pending}
          onSave={(final) => void save(final)}
          onCancel={() => setSaving(null)}
        />
      )}
    </section>
  );
}
