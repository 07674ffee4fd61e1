import { afterEach, describe, expect, it, vi } from 'vitest';

import { daysAgo, formatDate, formatDateTime } from '../../../renderer/ui/dates';

const inLocale = (locale: string) => vi.spyOn(navigator, 'language', 'get').mockReturnValue(locale);

afterEach(() => vi.restoreAllMocks());

describe('one locale-aware date formatter', () => {
  it('formats every style in the user locale', () => {
    inLocale('en-GB');
    expect(formatDate('2026-11-16', 'short', '2026-01-01')).toBe('16 Nov');
    expect(formatDate('2026-11-16', 'short', '2027-01-01')).toBe('16 Nov 2026');
    expect(formatDate('2026-11-16', 'medium')).toBe('16 Nov 2026');
    expect(formatDate('2026-11-16', 'day')).toBe('Mon 16 Nov');
    expect(formatDate('2026-11-16', 'long')).toMatch(/^Monday,? 16 November 2026$/);
    inLocale('en-US');
    expect(formatDate('2026-11-16', 'short', '2026-01-01')).toBe('Nov 16');
    expect(formatDate('2026-11-16', 'medium')).toBe('Nov 16, 2026');
    inLocale('de-DE');
    expect(formatDate('2026-11-16', 'medium')).toBe('16. Nov. 2026');
  });

  it('shows a moment on its local day, with the time when asked', () => {
    inLocale('en-GB');
    const moment = new Date(2026, 10, 16, 23, 30).toISOString();
    expect(formatDate(moment, 'medium')).toBe('16 Nov 2026');
    expect(formatDateTime(moment)).toBe('16 Nov 2026, 23:30');
  });

  it('leaves a value it cannot read as it is, and says how long ago', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect([0, 1, 12].map(daysAgo)).toEqual(['today', 'yesterday', '12 days ago']);
  });
});
