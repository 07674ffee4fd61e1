import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatMoney } from '../../../renderer/ui/money';
import { budgetSummary, defaultCurrency, type LearningItem, parseAmount, plainAmount } from '../../../shared/domain/stretch';

const item = (date: string, cost?: number, currency = 'EUR', hours?: number): LearningItem => ({
  id: `${date}-${cost}`,
  personId: 'p',
  kind: 'course',
  title: 't',
  date,
  ...(cost !== undefined ? { cost, currency } : {}),
  ...(hours !== undefined ? { hours } : {}),
  createdAt: 'x',
  updatedAt: 'x',
});

describe('budgetSummary', () => {
  const budget = { id: 'p:2026', personId: 'p', year: 2026, amount: 150_000, currency: 'EUR', updatedAt: 'x' };

  it('sums the year’s spend in the budget’s currency, exactly, and says what is left', () => {
    const s = budgetSummary(
      [item('2026-01-10', 45_050), item('2026-12-31', 10), item('2025-12-31', 99_999), item('2026-03-01', undefined, 'EUR', 8)],
      budget,
      2026,
    );
    expect(s).toMatchObject({ spent: 45_060, left: 104_940, over: false, budget: 150_000, currency: 'EUR', hours: 8, otherCurrencies: [] });
  });

  it('is over budget past it, and lists spend in other currencies apart instead of adding it', () => {
    const s = budgetSummary([item('2026-05-01', 160_000), item('2026-06-01', 20_000, 'USD')], budget, 2026);
    expect(s).toMatchObject({ spent: 160_000, left: -10_000, over: true, otherCurrencies: [{ currency: 'USD', spent: 20_000 }] });
  });

  it('without a budget: the spend in the first currency used, nothing left to say', () => {
    expect(budgetSummary([item('2026-05-01', 500, 'GBP')], null, 2026)).toMatchObject({ currency: 'GBP', spent: 500, budget: null, left: null, over: false });
    expect(budgetSummary([], null, 2026)).toMatchObject({ currency: null, spent: 0 });
  });

  it('the sum is the sum of the parts, for any spend', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { maxLength: 50 }), (costs) => {
        const s = budgetSummary(
          costs.map((c, i) => ({ ...item('2026-02-02', c), id: String(i) })),
          budget,
          2026,
        );
        const total = costs.reduce((a, b) => a + b, 0);
        expect(s.spent).toBe(total);
        expect(s.left).toBe(150_000 - total);
      }),
    );
  });
});

describe('parseAmount', () => {
  it('reads amounts as people type them', () => {
    expect(parseAmount('1200', 'EUR')).toEqual({ ok: true, minor: 120_000 });
    expect(parseAmount('1 200,50', 'EUR')).toEqual({ ok: true, minor: 120_050 });
    expect(parseAmount('1,200.5', 'USD')).toEqual({ ok: true, minor: 120_050 });
    expect(parseAmount('1.200,05', 'EUR')).toEqual({ ok: true, minor: 120_005 });
    expect(parseAmount('€80', 'EUR')).toEqual({ ok: true, minor: 8_000 });
    expect(parseAmount('12,000', 'JPY')).toEqual({ ok: true, minor: 12_000 });
  });

  it('refuses what is not an amount, saying why', () => {
    expect(parseAmount('', 'EUR')).toMatchObject({ ok: false, message: 'Enter an amount, like 250 or 250.50' });
    expect(parseAmount('-5', 'EUR')).toMatchObject({ ok: false, message: 'The amount cannot be negative' });
    expect(parseAmount('12a', 'EUR')).toMatchObject({ ok: false });
    expect(parseAmount('1.2.3', 'EUR')).toMatchObject({ ok: false });
    expect(parseAmount('99999999999999', 'EUR')).toMatchObject({ ok: false, message: 'The amount is too large' });
  });

  it('round-trips every amount through the plain form an input field shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.constantFrom('EUR', 'USD', 'GBP', 'JPY'), (minor, currency) => {
        expect(parseAmount(plainAmount(minor, currency), currency)).toEqual({ ok: true, minor });
      }),
    );
  });

  it('reads back what formatMoney writes, in English and German', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.constantFrom('en-GB', 'de-DE', 'en-US'), (minor, locale) => {
        expect(parseAmount(formatMoney(minor, 'EUR', locale), 'EUR')).toEqual({ ok: true, minor });
      }),
    );
  });
});

describe('formatMoney and defaultCurrency', () => {
  it('writes money the locale’s way, cents only when there are some', () => {
    expect(formatMoney(150_000, 'GBP', 'en-GB')).toBe('£1,500');
    expect(formatMoney(120_050, 'EUR', 'de-DE')).toBe('1.200,50\u00a0€');
    expect(formatMoney(5_000, 'JPY', 'ja-JP')).toMatch(/5,000/);
    expect(defaultCurrency('en-GB')).toBe('GBP');
    expect(defaultCurrency('de-DE')).toBe('EUR');
    expect(defaultCurrency('fr')).toBe('EUR');
  });
});
