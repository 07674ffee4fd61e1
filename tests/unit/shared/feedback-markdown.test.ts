import { describe, expect, it } from 'vitest';

import type { CycleResponse } from '../../../shared/domain/cycles';
import type { FeedbackEntry } from '../../../shared/domain/feedback';
import { feedbackMarkdown } from '../../../shared/domain/feedback-markdown';
import type { Win } from '../../../shared/domain/wins';
import { privateFieldsOf } from '../../../shared/evidence/privacy';
import { canariesIn, canary, withCanaries } from '../../support/canary';

/**
 * The Markdown export of feedback, wins and peers' responses passes the private-field canary: a
 * marker in every private field, and in every text field of each private record, never appears.
 */
const base = { personId: 'p1', criteria: [{ ladderId: 'engineering', competencyId: 'delivery' }], competencyIds: ['delivery'] };
const entry = (visibility: 'private' | 'shareable', mark: string): FeedbackEntry => ({
  ...base,
  id: `f-${mark}`,
  date: '2026-03-01',
  visibility,
  kind: 'constructive',
  fromId: null,
  fromName: visibility === 'private' ? canary(`fromName${mark}`) : 'Dana',
  situation: visibility === 'private' ? canary(`situation${mark}`) : 'In planning',
  behaviour: visibility === 'private' ? canary(`behaviour${mark}`) : 'You asked first',
  impact: visibility === 'private' ? canary(`impact${mark}`) : 'We agreed',
  nextStep: visibility === 'private' ? canary(`next${mark}`) : '',
  createdAt: 'x',
  updatedAt: 'x',
});
const win = (visibility: 'private' | 'shareable', mark: string): Win => ({
  ...base,
  id: `w-${mark}`,
  date: '2026-02-01',
  visibility,
  title: visibility === 'private' ? canary(`wintitle${mark}`) : 'Shipped billing',
  impact: visibility === 'private' ? canary(`winimpact${mark}`) : 'Month closed early',
  links: visibility === 'private' ? [`https://example.com/${canary('link')}`] : ['https://example.com/pr/1'],
  celebrate: true,
  createdAt: 'x',
  updatedAt: 'x',
});
const response = (visibility: 'private' | 'shareable', mark: string): CycleResponse => ({
  ...base,
  id: `r-${mark}`,
  cycleId: 'c1',
  requestId: null,
  date: '2026-04-01',
  visibility,
  respondentId: null,
  respondentName: visibility === 'private' ? canary(`respondent${mark}`) : 'Sam',
  text: visibility === 'private' ? canary(`response${mark}`) : 'Clear writer',
  source: 'imported',
  createdAt: 'x',
});

describe('feedback Markdown export', () => {
  it('has the shareable records and no canary from any private record or field', () => {
    const md = feedbackMarkdown({
      person: { name: 'Ana' },
      feedback: [entry('shareable', 'a'), withCanaries('feedback', entry('private', 'b'), privateFieldsOf('feedback'))],
      wins: [win('shareable', 'a'), withCanaries('wins', win('private', 'b'), privateFieldsOf('wins'))],
      responses: [response('shareable', 'a'), withCanaries('cycleResponses', response('private', 'b'), privateFieldsOf('cycleResponses'))],
      nameOf: () => undefined,
      competencyName: (id) => (id === 'delivery' ? 'Delivery' : id),
      day: (d) => d,
    });
    expect(canariesIn(md)).toEqual([]);
    expect(md).toContain('Shipped billing');
    expect(md).toContain('You asked first');
    expect(md).toContain('> Clear writer');
    expect(md).toContain('Delivery');
  });
});
