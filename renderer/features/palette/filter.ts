import { fold, matchesWords, queryWords } from '../../../shared/domain/text';
import type { Command } from '../../app/commands';

/** A command's label and keywords folded once, not at every keystroke (a person is a command, and there are hundreds). */
const folded = new WeakMap<Command, { label: string; all: string; words: string[] }>();

function foldedOf(command: Command) {
  let f = folded.get(command);
  if (!f) {
    const label = fold(command.label);
    f = { label, all: `${label} ${fold((command.keywords ?? []).join(' '))}`, words: label.split(/[\s·…]+/) };
    folded.set(command, f);
  }
  return f;
}

/**
 * The commands a query finds: every word somewhere in the label or keywords, folded like all
 * search (shared/domain/text.ts), best first: label starts with the query, then a word of the
 * label starts with it, then anywhere.
 */
export function findCommands(commands: readonly Command[], query: string, limit: number): Command[] {
  const words = queryWords(query);
  if (words.length === 0) return commands.slice(0, limit);
  const q = words.join(' ');
  const scored: { command: Command; score: number; index: number }[] = [];
  commands.forEach((command, index) => {
    const f = foldedOf(command);
    if (!matchesWords(f.all, words)) return;
    const score = f.label.startsWith(q) ? 0 : f.words.some((w) => w.startsWith(words[0]!)) ? 1 : 2;
    scored.push({ command, score, index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.command);
}
