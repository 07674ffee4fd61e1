import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { monthsBetween, stagnation, type StagnationInput, typicalMonths } from '../../../shared/domain/stagnation';

describe('typicalMonths', () => {
  it('reads the typical times ladders write', () => {
    expect(typicalMonths('6–18 months')).toBe(18);
    expect(typicalMonths('12-24 months')).toBe(24);
    expect(typicalMonths('1–2 years')).toBe(24);
    expect(typicalMonths('2+ years')).toBe(24);
    expect(typicalMonths('2–3 years')).toBe(36);
    expect(typicalMonths('18 months')).toBe(18);
    expect(typicalMonths('1.5 years')).toBe(18);
    expect(typicalMonths('1 to 2 years')).toBe(24);
    expect(typicalMonths('As long as it takes')).toBeNull();
    expect(typicalMonths(undefined)).toBeNull();
    expect(typicalMonths('')).toBeNull();
  });

  it('takes the upper end of any range, in months or years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('–', '-', ' to '),
        fc.boolean(),
        (low, extra, dash, years) => {
          const high = low + extra;
          expect(typicalMonths(`${low}${dash}${high} ${years ? 'years' : 'months'}`)).toBe(years ? high * 12 : high);
        },
      ),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => void typicalMonths(text)));
  });
});

describe('monthsBetween', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2024-01-15', '2026-01-15')).toBe(24);
    expect(monthsBetween('2024-01-15', '2026-01-14')).toBe(23);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(0);
  });
});

describe('stagnation', () => {
  const base: StagnationInput = {
    today: '2026-11-04',
    levelSince: '2024-08-01',
    typicalTime: '6–18 months',
    limitMonths: null,
    careerMonths: 6,
    hasGoalInProgress: false,
    lastCareerConversation: '2025-12-01',
  };

  it('flags someone past the typical time with no goal in progress and no recent career conversation, saying what would clear it', () => {
    const s = stagnation(base);
    expect(s).toMatchObject({ flagged: true, monthsInLevel: 27, limitMonths: 18, limitFrom: 'ladder' });
    if (!s.flagged) throw new Error('flagged');
    expect(s.summary).toBe('27 months in level, past the typical 18 months; no goal in progress; last career conversation 11 months ago');
    expect(s.clears).toEqual([
      'Start a growth goal with them',
      'Hold a career conversation (none in the last 6 months)',
      'Update “Level since” if they moved up',
    ]);
  });

  it('does not flag within the time, with a goal in progress, or after a recent career conversation', () => {
    expect(stagnation({ ...base, levelSince: '2025-06-01' })).toMatchObject({ flagged: false, reason: 'within-limit', monthsInLevel: 17 });
    expect(stagnation({ ...base, hasGoalInProgress: true })).toMatchObject({ flagged: false, reason: 'goal-in-progress' });
    expect(stagnation({ ...base, lastCareerConversation: '2026-05-04' })).toMatchObject({ flagged: false, reason: 'recent-conversation' });
    expect(stagnation({ ...base, lastCareerConversation: '2026-05-03' })).toMatchObject({ flagged: true });
    expect(stagnation({ ...base, levelSince: undefined })).toMatchObject({ flagged: false, reason: 'no-level-since' });
    expect(stagnation({ ...base, typicalTime: undefined })).toMatchObject({ flagged: false, reason: 'no-limit' });
  });

  it('uses the limit set in Settings over the ladder’s', () => {
    expect(stagnation({ ...base, limitMonths: 36 })).toMatchObject({ flagged: false, reason: 'within-limit', limitMonths: 36 });
    const s = stagnation({ ...base, typicalTime: undefined, limitMonths: 12, lastCareerConversation: undefined });
    expect(s).toMatchObject({ flagged: true, limitFrom: 'settings', limitMonths: 12 });
    if (s.flagged) expect(s.summary).toContain('past the set limit of 12 months; no goal in progress; no career conversation yet');
  });
});
