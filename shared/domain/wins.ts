/**
 * The wins log (a brag document): what someone did and what it led to, written down the week it
 * happened, not remembered in the last week before a review. A win is evidence (shared/evidence):
 * it names ladder criteria and is private or shareable. `celebrate` is the person's yes to being
 * recognised in public; "Recognise" drafts a message only for those.
 * Pure code: the repository (renderer/db/wins.ts) stores.
 */
import { z } from 'zod';

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

/** The quarter a day falls in: "2026 Q3". */
export function quarterOf(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)} Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Wins grouped by quarter, newest quarter first, newest win first inside one. */
export function winsByQuarter<T extends Pick<Win, 'date'>>(wins: readonly T[]): { quarter: string; wins: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const w of [...wins].sort((a, b) => b.date.localeCompare(a.date))) groups.set(quarterOf(w.date), [...(groups.get(quarterOf(w.date)) ?? []), w]);
  return [...groups.entries()].map(([quarter, list]) => ({ quarter, wins: list }));
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

/**
 * A short public recognition to copy into chat: who, what, what it led to, and the competencies
 * named, in plain words. Null for a win the person did not agree to celebrate, or a private one:
 * the draft is meant to be posted, so nothing private goes into it.
 */
export function recognitionMessage(
  win: Pick<Win, 'title' | 'impact' | 'links' | 'celebrate' | 'visibility'>,
  personName: string,
  competencyNames: readonly string[] = [],
): string | null {
  if (!win.celebrate || win.visibility === 'private') return null;
  const firstName = personName.trim().split(/\s+/)[0] || personName;
  const what = win.title
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
  const impact = win.impact
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
  const lines = [`🎉 Shout-out to ${personName.trim()}: ${what}.`];
  if (impact)
    lines.push(`It ${/^(it|this)\b/i.test(impact) ? impact.replace(/^(it|this)\s+/i, '') : `meant ${impact.charAt(0).toLowerCase()}${impact.slice(1)}`}.`);
  if (competencyNames.length) lines.push(`A great example of ${competencyNames.join(' and ')}.`);
  lines.push(`Thank you, ${firstName}!`);
  if (win.links.length) lines.push('', ...win.links);
  return lines.join('\n');
}
