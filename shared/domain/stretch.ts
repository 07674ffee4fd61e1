/**
 * Stretch work and learning: a stretch opportunity (what, who sponsors it, which competencies it
 * grows, how it went) is an evidence record; learning (courses, conferences, books, time) is
 * spend against an optional yearly budget per person. Money is kept in minor units (cents) of
 * one currency per budget, so sums are exact; the screens format it per locale.
 */
import { z } from 'zod';

import { evidenceFieldsSchema } from '../evidence/refs';
import { isoDateSchema } from './dates';

const id = z.string().min(1).max(200);
const stamp = z.string().min(1).max(40);

export const stretchStatuses = ['proposed', 'active', 'done'] as const;
export type StretchStatus = (typeof stretchStatuses)[number];
export const stretchStatusLabels: Record<StretchStatus, string> = { proposed: 'Proposed', active: 'Active', done: 'Done' };

export const stretchProjectSchema = evidenceFieldsSchema
  .extend({
    id,
    /** What the opportunity is ("Lead the payments migration"). */
    title: z.string().trim().min(1, 'Say what the opportunity is').max(200, 'Too long (at most 200 characters)'),
    /** The person who sponsors it (people table), or none yet. */
    sponsorId: z.string().max(200).nullable(),
    status: z.enum(stretchStatuses),
    /** How it went: shared with the person. */
    outcome: z.string().max(20_000),
    /** The manager's own notes: never exported. */
    privateNotes: z.string().max(20_000),
    createdAt: stamp,
    updatedAt: stamp,
  })
  .strict();
export type StretchProject = z.output<typeof stretchProjectSchema>;

export const learningKinds = ['course', 'conference', 'book', 'time'] as const;
export type LearningKind = (typeof learningKinds)[number];
export const learningKindLabels: Record<LearningKind, string> = { course: 'Course', conference: 'Conference', book: 'Book', time: 'Learning time' };

/** ISO 4217 code: three capital letters. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use a currency code like EUR or USD');

export const learningItemSchema = z
  .object({
    id,
    personId: id,
    kind: z.enum(learningKinds),
    title: z.string().trim().min(1, 'Name it').max(200, 'Too long (at most 200 characters)'),
    /** The day it took place or was bought: the budget year it counts against. */
    date: isoDateSchema,
    /** Minor units (cents); absent when it cost nothing. */
    cost: z.number().int().min(0).max(1e12).optional(),
    currency: currencySchema.optional(),
    hours: z.number().min(0).max(10_000).optional(),
    createdAt: stamp,
    updatedAt: stamp,
  })
  .strict();
export type LearningItem = z.output<typeof learningItemSchema>;

export const learningBudgetSchema = z
  .object({
    /** `<personId>:<year>`: one budget per person and year. */
    id,
    personId: id,
    year: z.number().int().min(1900).max(9999),
    /** Minor units. */
    amount: z.number().int().min(0).max(1e12),
    currency: currencySchema,
    updatedAt: stamp,
  })
  .strict();
export type LearningBudget = z.output<typeof learningBudgetSchema>;

export const budgetId = (personId: string, year: number) => `${personId}:${year}`;

/** Minor units per major unit: 2 for most currencies, 0 for JPY and a few others. */
export function minorDigits(currency: string): number {
  return ['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'HUF', 'TWD', 'UGX', 'XAF', 'XOF'].includes(currency) ? 0 : 2;
}

/**
 * A typed amount ("1200", "1 200,50", "1,200.50", "€80") to minor units, or an error. The last
 * "." or "," followed by 1–2 digits (at most the currency's digits) is the decimal separator; any
 * other "." "," or space groups thousands.
 */
export function parseAmount(text: string, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  const digits = minorDigits(currency);
  // Currency symbols and the currency's own code may stand on either side ("€80", "80 EUR").
  const own = /^[A-Z]{3}$/.test(currency) ? `|${currency}` : '';
  const code = new RegExp(`^(?:\\p{Sc}${own})+|(?:\\p{Sc}${own})+$`, 'giu');
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(code, '');
  if (cleaned === '') return { ok: false, message: 'Enter an amount, like 250 or 250.50' };
  if (cleaned.startsWith('-')) return { ok: false, message: 'The amount cannot be negative' };
  if (!/^[\d.,]+$/.test(cleaned)) return { ok: false, message: 'Use digits, with "." or "," before the cents' };
  const decimal = digits > 0 ? cleaned.match(/[.,](\d{1,2})$/) : null;
  const whole = (decimal ? cleaned.slice(0, -decimal[0].length) : cleaned).replace(/[.,](?=\d{3}(\D|$))/g, '');
  if (!/^\d+$/.test(whole)) return { ok: false, message: 'Use digits, with "." or "," before the cents' };
  const cents = decimal ? decimal[1]!.padEnd(digits, '0') : ''.padEnd(digits, '0');
  const minor = Number(whole) * 10 ** digits + (cents ? Number(cents) : 0);
  if (!Number.isSafeInteger(minor) || minor > 1e12) return { ok: false, message: 'The amount is too large' };
  return { ok: true, minor };
}

/** Minor units as a plain amount ("1200.50"), for an input field. */
export function plainAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  const rest = minor % 10 ** digits;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(digits, '0')}`;
}

export interface BudgetSummary {
  year: number;
  currency: string | null;
  budget: number | null;
  /** Spend in the budget's currency (or the first one used when there is no budget). */
  spent: number;
  /** budget − spent; negative when over. null without a budget. */
  left: number | null;
  over: boolean;
  /** Items in another currency than the budget's: not summed, listed so nothing is hidden. */
  otherCurrencies: { currency: string; spent: number }[];
  hours: number;
}

/** One person's spend in one year against their budget for it. */
export function budgetSummary(items: readonly LearningItem[], budget: LearningBudget | null, year: number): BudgetSummary {
  const inYear = items.filter((i) => Number(i.date.slice(0, 4)) === year);
  const byCurrency = new Map<string, number>();
  for (const i of inYear) if (i.cost && i.currency) byCurrency.set(i.currency, (byCurrency.get(i.currency) ?? 0) + i.cost);
  const currency = budget?.currency ?? [...byCurrency.keys()][0] ?? null;
  const spent = currency ? (byCurrency.get(currency) ?? 0) : 0;
  const left = budget ? budget.amount - spent : null;
  return {
    year,
    currency,
    budget: budget?.amount ?? null,
    spent,
    left,
    over: left !== null && left < 0,
    otherCurrencies: [...byCurrency.entries()].filter(([c]) => c !== currency).map(([c, s]) => ({ currency: c, spent: s })),
    hours: inYear.reduce((sum, i) => sum + (i.hours ?? 0), 0),
  };
}

const regionCurrency: Record<string, string> = {
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  IE: 'EUR',
  CH: 'CHF',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  JP: 'JPY',
  IN: 'INR',
  BR: 'BRL',
  SG: 'SGD',
};

/** The currency a new budget starts in: the locale's region's, else EUR. */
export function defaultCurrency(locale: string): string {
  const region = locale.split(/[-_]/)[1]?.toUpperCase();
  return (region && regionCurrency[region]) || 'EUR';
}
