/**
 * Stagnation: someone past the typical time in their level (the ladder's `typicalTime`, or the
 * limit set in Settings) with no goal in progress and no career conversation for a while. It is a
 * prompt for the manager, never a judgement of the person: the flag says what would clear it.
 */
import { differenceInCalendarMonths } from 'date-fns';

import { monthsBeforeIso, toDate } from './dates';

/**
 * The months a ladder's free-text `typicalTime` allows before the time counts as long:
 * "6–18 months" → 18, "1–2 years" → 24, "2+ years" → 24 (at least two years: two is the mark),
 * "18 months" → 18, "1.5 years" → 18. null when the text names no duration.
 */
export function typicalMonths(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.toLowerCase().replace(/,/g, '.');
  const m = t.match(/(\d+(?:\.\d+)?)\s*(?:(?:–|—|-|to)\s*(\d+(?:\.\d+)?))?\s*(\+)?\s*(years?|yrs?|y|months?|mos?|m)\b/);
  if (!m) return null;
  const unit = m[4]!.startsWith('y') ? 12 : 1;
  const upper = m[2] !== undefined ? Number(m[2]) : Number(m[1]);
  const months = Math.round(upper * unit);
  return Number.isFinite(months) && months > 0 ? months : null;
}

/** Whole calendar months from `from` to `to` (ISO days). */
export function monthsBetween(from: string, to: string): number {
  return differenceInCalendarMonths(toDate(to), toDate(from)) - (Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? 1 : 0);
}

export interface StagnationInput {
  today: string;
  /** When the person reached their level. */
  levelSince: string | undefined;
  /** The ladder level's typicalTime text. */
  typicalTime: string | undefined;
  /** The limit set in Settings (months); null: the ladder's. */
  limitMonths: number | null;
  /** Months without a career conversation that count (Settings). */
  careerMonths: number;
  hasGoalInProgress: boolean;
  /** The day of the newest career conversation, if any. */
  lastCareerConversation: string | undefined;
}

export type Stagnation =
  | {
      flagged: false;
      reason: 'no-level-since' | 'no-limit' | 'within-limit' | 'goal-in-progress' | 'recent-conversation';
      monthsInLevel?: number;
      limitMonths?: number;
    }
  | {
      flagged: true;
      monthsInLevel: number;
      limitMonths: number;
      limitFrom: 'settings' | 'ladder';
      /** "22 months in level, past the typical 18 months; no goal in progress; no career conversation in 6 months". */
      summary: string;
      /** What would clear the flag, as actions. */
      clears: string[];
    };

/** The one rule: past the limit, and neither a goal in progress nor a recent career conversation. */
export function stagnation(input: StagnationInput): Stagnation {
  if (!input.levelSince) return { flagged: false, reason: 'no-level-since' };
  const limitMonths = input.limitMonths ?? typicalMonths(input.typicalTime);
  if (!limitMonths) return { flagged: false, reason: 'no-limit' };
  const monthsInLevel = monthsBetween(input.levelSince, input.today);
  if (monthsInLevel <= limitMonths) return { flagged: false, reason: 'within-limit', monthsInLevel, limitMonths };
  if (input.hasGoalInProgress) return { flagged: false, reason: 'goal-in-progress', monthsInLevel, limitMonths };
  const since = careerWindowStart(input.today, input.careerMonths);
  if (input.lastCareerConversation && input.lastCareerConversation >= since)
    return { flagged: false, reason: 'recent-conversation', monthsInLevel, limitMonths };
  const limitFrom = input.limitMonths !== null ? 'settings' : 'ladder';
  const last = input.lastCareerConversation
    ? `last career conversation ${monthsBetween(input.lastCareerConversation, input.today)} months ago`
    : 'no career conversation yet';
  return {
    flagged: true,
    monthsInLevel,
    limitMonths,
    limitFrom,
    summary: `${monthsInLevel} months in level, past the ${limitFrom === 'ladder' ? 'typical' : 'set limit of'} ${limitMonths} months; no goal in progress; ${last}`,
    clears: [
      'Start a growth goal with them',
      `Hold a career conversation (none in the last ${input.careerMonths} months)`,
      'Update “Level since” if they moved up',
    ],
  };
}

/** The first day that still counts as "in the last N months". */
export function careerWindowStart(today: string, months: number): string {
  return monthsBeforeIso(today, months);
}
