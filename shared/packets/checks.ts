import { daysBetween, monthsBeforeIso } from '../domain/dates';
import { type BiasCategory, findBiasWords } from './bias-words';
import type { PacketContent } from './model';
import { summaryFields } from './model';

/**
 * Checks a packet before it leaves: what a committee would discount or question. Each finding has
 * a suggestion; none blocks the export (the manager decides), but the builder shows them first.
 */
export type PacketCheckCode = 'no-evidence' | 'claim-without-example' | 'recent-only' | 'bias-wording';

export interface PacketCheck {
  code: PacketCheckCode;
  /** Where it applies: a criterion's id, or a summary field's key. */
  criterionId?: string;
  field?: string;
  message: string;
  suggestion: string;
  category?: BiasCategory;
}

/** "The last few months": examples newer than this count as recent. */
export const RECENT_MONTHS = 3;
/** A packet warns of recency when at least this share of its examples is recent… */
export const RECENT_SHARE = 2 / 3;
/** …and the period is long enough for that to mean something (more than twice the recent window). */
const MIN_PERIOD_DAYS = 180;

const short = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

export function recentFrom(periodTo: string): string {
  return monthsBeforeIso(periodTo, RECENT_MONTHS);
}

export function checkPacket(content: PacketContent): PacketCheck[] {
  const checks: PacketCheck[] = [];
  for (const c of content.criteria) {
    const hasNarrative = c.narrative.trim() !== '';
    if (c.evidence.length === 0 && !hasNarrative) {
      checks.push({
        code: 'no-evidence',
        criterionId: c.criterionId,
        message: `No evidence for “${short(c.text)}” (${c.competencyName}).`,
        suggestion: 'Link an example from the evidence list, or say in the narrative why the criterion is met or not yet.',
      });
    } else if (c.evidence.length === 0) {
      checks.push({
        code: 'claim-without-example',
        criterionId: c.criterionId,
        message: `The narrative for “${short(c.text)}” has no linked example.`,
        suggestion: 'Link at least one dated example so the committee can check the claim.',
      });
    }
  }
  const dates = content.criteria.flatMap((c) => c.evidence.map((e) => e.date));
  if (dates.length > 0 && daysBetween(content.period.from, content.period.to) > MIN_PERIOD_DAYS) {
    const since = recentFrom(content.period.to);
    const recent = dates.filter((d) => d >= since).length;
    if (recent / dates.length >= RECENT_SHARE) {
      checks.push({
        code: 'recent-only',
        message: `${recent} of ${dates.length} examples are from the last ${RECENT_MONTHS} months of the period.`,
        suggestion: 'Recent work is easier to remember: look for examples from earlier in the period (see the chart) so the packet shows the whole period.',
      });
    }
  }
  const texts: { text: string; criterionId?: string; field?: string; where: string }[] = [
    ...summaryFields.map((f) => ({ text: content.summary[f.key], field: f.key, where: f.label })),
    ...content.criteria.map((c) => ({ text: c.narrative, criterionId: c.criterionId, where: `the narrative for “${short(c.text, 50)}”` })),
    ...content.criteria.flatMap((c) => c.evidence.map((e) => ({ text: e.note, criterionId: c.criterionId, where: `a note on “${short(e.title, 50)}”` }))),
  ];
  for (const t of texts) {
    for (const hit of findBiasWords(t.text)) {
      checks.push({
        code: 'bias-wording',
        ...(t.criterionId ? { criterionId: t.criterionId } : {}),
        ...(t.field ? { field: t.field } : {}),
        category: hit.category,
        message: `“${hit.found}” in ${t.where} (${categoryLabel[hit.category]}).`,
        suggestion: hit.suggestion,
      });
    }
  }
  return checks;
}

const categoryLabel: Record<BiasCategory, string> = {
  personality: 'describes personality, not behaviour',
  gendered: 'gendered wording',
  vague: 'vague without an example',
};

/** Examples per month across the period, picked and all available, for the recency chart. */
export function evidenceByMonth(period: { from: string; to: string }, picked: readonly string[], available: readonly string[]) {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const end = period.to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= end) break;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  const count = (dates: readonly string[]) => {
    const map = new Map<string, number>();
    for (const d of dates) map.set(d.slice(0, 7), (map.get(d.slice(0, 7)) ?? 0) + 1);
    return map;
  };
  const p = count(picked);
  const a = count(available);
  return months.map((month) => ({ month, picked: p.get(month) ?? 0, available: a.get(month) ?? 0 }));
}
