import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchesFilter } from '../../../renderer/features/people/filter';
import type { ActionItem } from '../../../shared/domain/meetings';
import type { Person } from '../../../shared/domain/person';
import { fold, matchesWords, queryWords } from '../../../shared/domain/text';
import { buildTimeline, filterTimeline, timelineKinds } from '../../../shared/domain/timeline';

describe('one accent folding for search and filters', () => {
  it('folds case and accents, and splits a query into words', () => {
    expect(fold('Équipe Ångström ÇA')).toBe('equipe angstrom ca');
    expect(queryWords('  Équipe   senior ')).toEqual(['equipe', 'senior']);
    expect(queryWords('   ')).toEqual([]);
    expect(matchesWords(fold('Chloé Dubois — Senior Engineer'), queryWords('chloe senior'))).toBe(true);
    expect(matchesWords(fold('Chloé Dubois'), queryWords('chloe junior'))).toBe(false);
  });

  it('is stable: folding twice changes nothing, and every word of a text finds the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(fold(fold(text))).toBe(fold(text));
        expect(matchesWords(fold(text), queryWords(text))).toBe(true);
      }),
    );
  });

  it('the people filter and the timeline filter match the same way', () => {
    const chloe = { id: 'p1', name: 'Chloé Dubois', title: 'Ingénieure', archived: false } as Person;
    expect(matchesFilter(chloe, 'chloe INGENIEURE')).toBe(true);
    const item = {
      id: 'a1',
      meetingId: 'm0',
      personId: 'p1',
      text: 'Préparer la rétro',
      owner: 'me',
      done: false,
      createdAt: '2026-01-01T00:00:00.000Z',
    } as ActionItem;
    const entries = buildTimeline([], [item], 'Chloé Dubois');
    expect(filterTimeline(entries, new Set(timelineKinds), 'retro PREPARER')).toHaveLength(1);
  });
});
