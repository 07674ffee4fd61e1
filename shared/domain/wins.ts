/**
 * The wins log (a brag document): what someone did and what it led to, written down the week it
 * happened, not remembered in the last week before a review. A win is evidence (shared/evidence):
 * it names ladder criteria and is private or shareable. `celebrate` is the person's yes to being
 * recognised in public; "Recognise" drafts a message only for those.
 * Pure code: the repository (renderer/db/wins.ts) stores.
 */
import { z } from 'zod';

import { lastQuarters, quarterOf, quarterStart } from '../evidence/coverage';
import { evidenceFieldsSchema } from '../evidence/refs';

export const MAX_WIN_TEXT = 10_000;
export const MAX_WIN_LINKS = 20;

/** A link the user can open: http(s) only (Trellis opens links through main, which asks first). */
export const winLinkSchema = z
  .string()
  .trim()
  .max(2_000)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), { message: 'Use a link starting with https://' });

export const winSchema = evidenceFieldsSchema
  .extend({
    id: z.string().min(1).max(200),
    /** What happened, in a line or a paragraph. */
    title: z.string().trim().min(1, 'Say what happened').max(MAX_WIN_TEXT),
    /** What it led to, for whom. */
    impact: z.string().max(MAX_WIN_TEXT),
    links: z.array(winLinkSchema).max(MAX_WIN_LINKS),
    /** The person agreed to this win being celebrated in public. */
    celebrate: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type Win = z.output<typeof winSchema>;
export type WinDraft = Pick<Win, 'personId' | 'date' | 'visibility' | 'criteria' | 'title' | 'impact' | 'links' | 'celebrate'>;

/** One line for lists, search and the timeline. */
export function winTitle(win: Pick<Win, 'title'>, max = 90): string {
  const line = win.title.trim().replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Links typed one per line (or separated by spaces), blanks dropped. */
export function parseLinks(text: string): string[] {
  return text
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The periods the wins log shows, in the words of the coverage heatmap ("Evidence this year": the
 * last four quarters, the one today is in and the three before it, about twelve months). Each is
 * whole quarters, so "by quarter" never shows a cut-off one; "All time" has no quarters listed.
 */
export const winPeriodIds = ['last-4', 'last-8', 'this-year', 'last-year', 'all'] as const;
export type WinPeriodId = (typeof winPeriodIds)[number];
export interface WinPeriod {
  id: WinPeriodId;
  label: string;
  /** Inclusive ISO days. */
  from: string;
  to: string;
  /** The quarters of the period, newest first ('2026-Q4'); null for all time. */
  quarters: string[] | null;
}

export function winPeriods(today: string): WinPeriod[] {
  const year = Number(today.slice(0, 4));
  const span = (quarters: string[]) => ({ from: quarterStart(quarters.at(-1)!), to: quarterEnd(quarters[0]!), quarters });
  const recent = (n: number) => span(lastQuarters(today, n).reverse());
  const calendar = (y: number) => span([4, 3, 2, 1].map((q) => `${y}-Q${q}`));
  return [
    { id: 'last-4', label: 'Last four quarters', ...recent(4) },
    { id: 'last-8', label: 'Last eight quarters', ...recent(8) },
    { id: 'this-year', label: `This year (${year})`, ...calendar(year) },
    { id: 'last-year', label: `Last year (${year - 1})`, ...calendar(year - 1) },
    { id: 'all', label: 'All time', from: '0000-01-01', to: '9999-12-31', quarters: null },
  ];
}

/** The last day of a quarter ('2026-Q1' → '2026-03-31'). */
export function quarterEnd(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const month = Number(q) * 3;
  const last = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Wins grouped by quarter ('2026-Q3'), newest quarter first, newest win first inside one. Given
 * the period's quarters, every one of them has a group (empty ones too, so gaps show) and wins
 * outside them are left out.
 */
export function winsByQuarter<T extends Pick<Win, 'date'>>(wins: readonly T[], quarters: readonly string[] | null = null): { quarter: string; wins: T[] }[] {
  const groups = new Map<string, T[]>((quarters ?? []).map((q) => [q, []]));
  for (const w of [...wins].sort((a, b) => b.date.localeCompare(a.date))) {
    const q = quarterOf(w.date);
    if (quarters && !groups.has(q)) continue;
    groups.set(q, [...(groups.get(q) ?? []), w]);
  }
  return [...groups.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([quarter, list]) => ({ quarter, wins: list }));
}

/** Wins grouped by the competencies they name (a win naming two is in both), then those naming none. */
export function winsByCompetency<T extends Pick<Win, 'competencyIds' | 'date'>>(
  wins: readonly T[],
  order: readonly string[] = [],
): { competencyId: string | null; wins: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const w of [...wins].sort((a, b) => b.date.localeCompare(a.date))) {
    const keys = w.competencyIds.length ? w.competencyIds : [null];
    for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), w]);
  }
  const rank = (id: string | null) => (id === null ? Number.MAX_SAFE_INTEGER : order.includes(id) ? order.indexOf(id) : order.length);
  return [...groups.entries()]
    .map(([competencyId, list]) => ({ competencyId, wins: list }))
    .sort((a, b) => rank(a.competencyId) - rank(b.competencyId) || String(a.competencyId).localeCompare(String(b.competencyId)));
}

/** How long each part of a recognition message may be: it is a chat message, not the win's whole story. */
export const RECOGNITION_PART_MAX = 280;

/** One line, end punctuation dropped, cut at a word before `max` with an ellipsis. */
function clip(text: string, max = RECOGNITION_PART_MAX): string {
  const line = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!-]+$/, '')}…`;
}

/** "A", "A and B", "A, B and C". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/**
 * A short public recognition to copy into chat: who, what, what it led to, the competencies named
 * and the links, in plain words, each part kept short. Null for a win the person did not agree to
 * celebrate, or a private one: the draft is meant to be posted, so nothing private goes into it
 * (it reads only the win's own title, impact and links, never other records).
 */
export function recognitionMessage(
  win: Pick<Win, 'title' | 'impact' | 'links' | 'celebrate' | 'visibility'>,
  personName: string,
  competencyNames: readonly string[] = [],
): string | null {
  if (!win.celebrate || win.visibility === 'private') return null;
  const what = clip(win.title);
  if (!what) return null;
  const name = personName.trim().replace(/\s+/g, ' ');
  const firstName = name.split(' ')[0] ?? '';
  const impact = clip(win.impact);
  const names = [...new Set(competencyNames.map((n) => n.trim()).filter(Boolean))];
  const links = [...new Set(win.links.map((l) => l.trim()).filter((l) => /^https?:\/\/\S+$/i.test(l)))];
  const lines = [name ? `🎉 Shout-out to ${name}: ${what}.` : `🎉 Shout-out: ${what}.`];
  if (impact) lines.push(`What it led to: ${impact}.`);
  if (names.length) lines.push(`A great example of ${listWords(names)}.`);
  lines.push(firstName ? `Thank you, ${firstName}!` : 'Thank you!');
  if (links.length) lines.push('', ...links);
  return lines.join('\n');
}
