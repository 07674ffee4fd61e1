import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { quarterEnd, RECOGNITION_PART_MAX, recognitionMessage, type Win, winPeriods, winsByQuarter } from '../../../shared/domain/wins';
import { canariesIn, canary } from '../../support/canary';

type Recognisable = Pick<Win, 'title' | 'impact' | 'links' | 'celebrate' | 'visibility'>;
const win = (patch: Partial<Recognisable> = {}): Recognisable => ({
  title: 'Led the billing migration',
  impact: 'Finance closed the month two days earlier',
  links: [],
  celebrate: true,
  visibility: 'shareable',
  ...patch,
});

describe('the recognition message', () => {
  it('names the person, what happened, what it led to and the competencies, and thanks them by first name', () => {
    expect(recognitionMessage(win(), 'Sam Lee', ['Planning', 'Delivery', 'Code quality'])).toBe(
      [
        '🎉 Shout-out to Sam Lee: Led the billing migration.',
        'What it led to: Finance closed the month two days earlier.',
        'A great example of Planning, Delivery and Code quality.',
        'Thank you, Sam!',
      ].join('\n'),
    );
    expect(recognitionMessage(win(), 'Sam Lee', ['Planning', 'Planning '])).toContain('A great example of Planning.\n');
    expect(recognitionMessage(win(), 'Sam Lee', ['Planning', 'Delivery'])).toContain('A great example of Planning and Delivery.');
  });

  it('puts the links last, once each, and leaves out anything that is not a web link', () => {
    const text = recognitionMessage(
      win({ links: ['https://git.example.com/pull/1', 'https://git.example.com/pull/1', 'javascript:alert(1)', 'http://wiki.example.com/x'] }),
      'Sam Lee',
    )!;
    expect(text.split('\n').slice(-3)).toEqual(['', 'https://git.example.com/pull/1', 'http://wiki.example.com/x']);
    expect(text).not.toContain('javascript:');
  });

  it('skips what is empty: no impact, no competencies, no links, no name', () => {
    expect(recognitionMessage(win({ impact: '   ' }), 'Sam Lee')).toBe('🎉 Shout-out to Sam Lee: Led the billing migration.\nThank you, Sam!');
    expect(recognitionMessage(win({ impact: '' }), '  ')).toBe('🎉 Shout-out: Led the billing migration.\nThank you!');
    expect(recognitionMessage(win({ title: '  \n ' }), 'Sam Lee')).toBeNull();
  });

  it('folds white space and does not double the full stop', () => {
    expect(recognitionMessage(win({ title: 'Shipped   it!!\n\nfinally.', impact: 'Users noticed.' }), 'Ana  María Ruiz')).toBe(
      '🎉 Shout-out to Ana María Ruiz: Shipped it!! finally.\nWhat it led to: Users noticed.\nThank you, Ana!',
    );
  });

  it('keeps a long win short: each part cut at a word with an ellipsis', () => {
    const long = `${'Rewrote the whole billing pipeline '.repeat(40)}end`;
    const text = recognitionMessage(win({ title: long, impact: long }), 'Sam Lee')!;
    const [first, second] = text.split('\n');
    expect(first!.endsWith('….')).toBe(true);
    expect(second!.endsWith('….')).toBe(true);
    expect(first!.length).toBeLessThan(RECOGNITION_PART_MAX + 40);
    expect(first).not.toMatch(/ …/);
    expect(text.length).toBeLessThan(2 * RECOGNITION_PART_MAX + 100);
  });

  it('is drafted only for a shareable win the person agreed to celebrate: never for a private one', () => {
    expect(recognitionMessage(win({ celebrate: false }), 'Sam Lee')).toBeNull();
    const secret = win({ visibility: 'private', title: canary('wins.title'), impact: canary('wins.impact'), links: [`https://x.example/${canary('link')}`] });
    expect(recognitionMessage(secret, 'Sam Lee', ['Planning'])).toBeNull();
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), fc.array(fc.string()), (title, impact, celebrate, names) => {
        const text = recognitionMessage(
          { title: canary('t') + title, impact: canary('i') + impact, links: [], celebrate, visibility: 'private' },
          'Sam',
          names,
        );
        expect(text).toBeNull();
      }),
    );
  });

  it('holds only the win’s own words: nothing from anywhere else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.string({ maxLength: 600 }), (title, impact) => {
        const text = recognitionMessage(win({ title, impact }), 'Sam Lee');
        if (text === null) return;
        expect(canariesIn(text)).toEqual([]);
        expect(text.startsWith('🎉 Shout-out to Sam Lee: ')).toBe(true);
        expect(text.split('\n').every((line) => line.length <= RECOGNITION_PART_MAX + 40)).toBe(true);
      }),
    );
  });
});

describe('the wins log’s periods', () => {
  it('are whole quarters, the default one being the coverage heatmap’s last four', () => {
    const periods = winPeriods('2026-11-20');
    expect(periods.map((p) => p.label)).toEqual(['Last four quarters', 'Last eight quarters', 'This year (2026)', 'Last year (2025)', 'All time']);
    expect(periods[0]).toMatchObject({ from: '2026-01-01', to: '2026-12-31', quarters: ['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1'] });
    expect(winPeriods('2026-02-10')[0]).toMatchObject({ from: '2025-04-01', to: '2026-03-31', quarters: ['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2'] });
    expect(periods[1]!.from).toBe('2025-01-01');
    expect(periods[3]).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(periods[4]!.quarters).toBeNull();
  });

  it('end on the last day of their quarter, leap years included', () => {
    expect(['2024-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map(quarterEnd)).toEqual([
      '2024-03-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
  });

  it('group wins by quarter, newest first, every quarter of the period shown and nothing outside it', () => {
    const wins = [{ date: '2026-02-01' }, { date: '2026-03-30' }, { date: '2025-12-31' }, { date: '2024-05-01' }, { date: '2026-10-02' }];
    const quarters = winPeriods('2026-11-20')[0]!.quarters;
    expect(winsByQuarter(wins, quarters).map((g) => [g.quarter, g.wins.map((w) => w.date)])).toEqual([
      ['2026-Q4', ['2026-10-02']],
      ['2026-Q3', []],
      ['2026-Q2', []],
      ['2026-Q1', ['2026-03-30', '2026-02-01']],
    ]);
    expect(winsByQuarter(wins).map((g) => g.quarter)).toEqual(['2026-Q4', '2026-Q1', '2025-Q4', '2024-Q2']);
  });
});
