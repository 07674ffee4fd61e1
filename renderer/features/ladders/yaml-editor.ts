/**
 * The CodeMirror 6 set-up of the ladder editor: YAML highlighting with colours from the theme
 * (so light and dark both read well), and a linter that runs the same pure `checkLadder` main
 * runs, putting a squiggle at each reported line:column as you type.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';

import { checkLadder, type Ladder, type LadderProblem, type LadderSource, type ReadInclude } from '../../../shared/ladder';

export { EditorView, forceLinting };

/** Token colours are CSS variables (ladders.css) defined for light and dark. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--code-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--code-atom)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [tags.keyword, tags.meta, tags.labelName, tags.typeName], color: 'var(--code-meta)' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--text-muted)' },
]);

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    fontSize: '13px',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius-sm)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '0' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active-line)', color: 'var(--text)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--editor-selection) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
});

/** A problem's 1-based line:column (and end) as document offsets, clamped to the text. */
export function problemRange(doc: Text, problem: Pick<LadderProblem, 'line' | 'column' | 'endLine' | 'endColumn'>): { from: number; to: number } {
  const pos = (line: number, column: number) => {
    const l = doc.line(Math.min(Math.max(1, line), doc.lines));
    return l.from + Math.min(Math.max(0, column - 1), l.length);
  };
  const from = pos(problem.line, problem.column);
  let to = pos(problem.endLine, problem.endColumn);
  if (to <= from) to = Math.min(doc.lineAt(from).to, from + 1);
  return { from, to: Math.max(from, to) };
}

export interface LadderLintOptions {
  /** The entry file's path as main names it (problems in it get squiggles). */
  path: string;
  /** Included files as on disk, by path. */
  includes: Map<string, string>;
  /** Every problem of every file, after each check (for the list beside the editor). */
  onProblems: (problems: LadderProblem[]) => void;
  /** The version in use: criteria ids the text drops from it are warned about as you type. */
  previous?: Ladder | null;
}

/** Reads included files from what main sent along with the entry (paths relative to the ladders folder). */
export function includeReader(includes: Map<string, string>): ReadInclude {
  return (fromPath, includePath): LadderSource | null => {
    const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/') + 1) : '';
    const parts: string[] = [];
    for (const part of `${dir}${includePath}`.split('/')) {
      if (part === '..') parts.pop();
      else if (part && part !== '.') parts.push(part);
    }
    const resolved = parts.join('/');
    const text = includes.get(resolved);
    return text === undefined ? null : { path: resolved, text };
  };
}

function ladderLinter(options: LadderLintOptions): Extension {
  const readInclude = includeReader(options.includes);
  return linter(
    (view) => {
      const result = checkLadder({ path: options.path, text: view.state.doc.toString() }, readInclude, { previous: options.previous ?? null });
      options.onProblems(result.problems);
      return result.problems
        .filter((p) => p.file === options.path)
        .map((p): Diagnostic => ({
          ...problemRange(view.state.doc, p),
          severity: p.severity,
          message: p.hint ? `${p.message} (${p.hint})` : p.message,
          source: `${p.line}:${p.column}`,
        }));
    },
    { delay: 250 },
  );
}

export interface LadderEditorOptions extends LadderLintOptions {
  parent: HTMLElement;
  text: string;
  readOnly: boolean;
  label: string;
  onChange: (text: string) => void;
}

export function createLadderEditor(options: LadderEditorOptions): EditorView {
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        // Tab indents, as YAML needs; Escape then Tab leaves the editor (CodeMirror's focus escape).
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        yaml(),
        syntaxHighlighting(highlight),
        theme,
        lintGutter(),
        ladderLinter(options),
        EditorState.readOnly.of(options.readOnly),
        // An explicit tab stop: axe (and some screen readers) don't count a bare contenteditable as focusable.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/**
 * Brings the editor to `text` (the file changed on disk, a version written on save) by replacing
 * only the part that differs, so the cursor and scroll position stay where they were.
 */
export function replaceText(view: EditorView, text: string) {
  const current = view.state.doc.toString();
  let start = 0;
  while (start < current.length && start < text.length && current[start] === text[start]) start++;
  let end = 0;
  while (end < current.length - start && end < text.length - start && current[current.length - 1 - end] === text[text.length - 1 - end]) end++;
  view.dispatch({ changes: { from: start, to: current.length - end, insert: text.slice(start, text.length - end) } });
}

export function goTo(view: EditorView, problem: LadderProblem) {
  const { from } = problemRange(view.state.doc, problem);
  view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  view.focus();
}
