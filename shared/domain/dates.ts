import { z } from 'zod';

/** A calendar date as the user means it (no time zone): 'YYYY-MM-DD'. */
export const isoDateSchema = z.string().refine(isValidIsoDate, { message: 'Use a date like 2024-03-15' });

export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
