/**
 * Criteria items: a cell's criteria as separate criteria with stable ids, whether the file wrote
 * one text or a list. Ids written in the file are kept; the others are derived from WHERE the
 * item is written — ladder, competency, level (or rank) and position — never from its text, so
 * fixing a typo in a criterion keeps the evidence that points at it.
 */
import type { Located } from './context';
import { derivedCriterionId, type WrittenAt } from './criterion-id';
import { extensionsAt } from './extensions';
import type { Criterion } from './model';
import { positionOf } from './positions';
import type { DefinedCellFile } from './schema';

export { derivedCriterionId, type WrittenAt };

export interface CellCriteria {
  items: Criterion[];
  /** Examples and links of the cell itself (for a text cell, those of its one criterion). */
  examples: string[];
  links: { title: string; url: string }[];
}

/** The criteria of a defined cell, one by one. A cell with only `expects` has none. */
export function criteriaOf(cell: DefinedCellFile, at: Located<unknown>, written: WrittenAt): CellCriteria {
  const cellExamples = [...(cell.examples ?? [])];
  const cellLinks = (cell.links ?? []).map((l) => ({ title: l.title, url: l.url }));
  const writtenIn = { competencyId: written.competencyId, ...(written.levelId !== undefined ? { levelId: written.levelId } : { rank: written.rank }) };
  const criteria = cell.criteria;
  if (criteria === undefined) return { items: [], examples: cellExamples, links: cellLinks };
  if (typeof criteria === 'string') {
    const item: Criterion = {
      id: derivedCriterionId(written, 1),
      idFrom: 'derived',
      text: criteria,
      examples: cellExamples,
      links: cellLinks,
      writtenIn,
      source: positionOf(at.file, [...at.path, 'criteria']),
    };
    return { items: [item], examples: cellExamples, links: cellLinks };
  }
  const items = criteria.map((entry, index): Criterion => {
    const path = [...at.path, 'criteria', index];
    const source = positionOf(at.file, path);
    if (typeof entry === 'string') {
      return { id: derivedCriterionId(written, index + 1), idFrom: 'derived', text: entry, examples: [], links: [], writtenIn, source };
    }
    const item: Criterion = {
      id: entry.id ?? derivedCriterionId(written, index + 1),
      idFrom: entry.id === undefined ? 'derived' : 'file',
      text: entry.text,
      examples: [...(entry.examples ?? [])],
      links: (entry.links ?? []).map((l) => ({ title: l.title, url: l.url })),
      writtenIn,
      source,
    };
    const extensions = extensionsAt(at.file.raw, path);
    if (extensions) item.extensions = extensions;
    return item;
  });
  return { items, examples: cellExamples, links: cellLinks };
}

/**
 * The criteria as one Markdown text, what a text cell always was: one criterion is its text; several
 * become a Markdown list (continuation lines indented to stay inside their item).
 */
export function criteriaText(items: readonly Pick<Criterion, 'text'>[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!.text;
  return items.map((item) => `- ${item.text.trim().replace(/\n/g, '\n  ')}`).join('\n');
}

/** Every example of a cell: its own, then each criterion's (a text cell's criterion shares the cell's). */
export function allExamples(cell: CellCriteria, textCell: boolean): string[] {
  return textCell ? [...cell.examples] : [...cell.examples, ...cell.items.flatMap((i) => i.examples)];
}

export function allLinks(cell: CellCriteria, textCell: boolean): { title: string; url: string }[] {
  return textCell ? [...cell.links] : [...cell.links, ...cell.items.flatMap((i) => i.links)];
}
