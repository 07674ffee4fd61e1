import { describe, expect, it } from 'vitest';

import { assessmentMarkdown, type AssessmentMarkdownInput } from '../../../shared/domain/assessment-markdown';
import type { Assessment, Rating } from '../../../shared/domain/assessments';
import { privateFieldsOf } from '../../../shared/evidence/privacy';
import { testLadder } from '../../support/assessment-ladders';
import { canariesIn, canary, withCanaries } from '../../support/canary';

const ladderRef = { ladderId: 'support', version: '1.0.0', hash: '1'.repeat(64) };

function assessment(over: Partial<Assessment> = {}): Assessment {
  const ratings: Rating[] = [
    {
      ref: { ladderId: 'support', competencyId: 'code', levelId: 'S2', criterionId: 'code-s2-a' },
      value: 'skilled',
      comment: 'Split the *billing* module\nTwo teams build on it',
      evidence: [
        { type: 'url', url: 'https://example.com/pr/1', title: 'The PR' },
        { type: 'record', link: { kind: 'feedback', id: 'f-shared' }, title: 'Recognition: the design review' },
        { type: 'record', link: { kind: 'feedback', id: 'f-private' }, title: canary('feedback.private-title') },
      ],
    },
    { ref: { ladderId: 'support', competencyId: 'comms', levelId: 'S2' }, notApplicable: { reason: 'No cross-team work yet' }, comment: '', evidence: [] },
  ];
  return {
    id: 'a1',
    personId: 'p1',
    date: '2026-12-31',
    visibility: 'shareable',
    criteria: ratings.map((r) => r.ref),
    competencyIds: ['code', 'comms'],
    kind: 'manager',
    ladder: ladderRef,
    trackId: 'ic',
    levelId: 'S2',
    period: { from: '2026-07-01', to: '2026-12-31' },
    status: 'finished',
    revision: 2,
    chainId: 'a0',
    ratings,
    summary: 'A strong half year',
    privateNotes: 'Talk about the promotion window',
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-02T09:00:00Z',
    finishedAt: '2026-11-02T09:00:00Z',
    ...over,
  };
}

const input = (a: Assessment): AssessmentMarkdownInput => ({
  assessment: a,
  person: { name: 'Alex Rivera' },
  ladder: testLadder(1),
  linkShareable: (link) => link.id !== 'f-private',
  day: (iso) => iso,
});

describe('assessmentMarkdown', () => {
  it('writes each competency against its frozen ladder: expectation, rating, comment and evidence', () => {
    const result = assessmentMarkdown(input(assessment()));
    if (!result.ok) throw new Error(result.message);
    const md = result.text;
    expect(md).toContain('# Manager assessment: Alex Rivera');
    expect(md).toContain(
      '- Ladder: Support 1.0.0\n- Track and level: Individual contributor, S2 Senior Specialist\n- Period: 2026-07-01 – 2026-12-31\n- Revision 2, finished 2026-11-02',
    );
    expect(md).toContain('## Code\n\nExpected at this level: Skilled (Depth)');
    expect(md).toContain('- Designs modules others build on. — **Skilled**\n  Split the \\*billing\\* module\n  Two teams build on it');
    expect(md).toContain(
      '  - Evidence: <https://example.com/pr/1> The PR\n  - Evidence: Recognition: the design review\n  - 1 private record of evidence, not shown',
    );
    expect(md).toContain('- Reviews every change of the team. — **Not rated**');
    expect(md).toContain('## Communication\n\n- **Not applicable: No cross-team work yet**');
    expect(md).toContain('## Summary\n\nA strong half year');
  });

  it('refuses a draft and a private assessment', () => {
    expect(assessmentMarkdown(input(assessment({ status: 'draft' })))).toMatchObject({ ok: false, message: expect.stringMatching(/Finish/) });
    expect(assessmentMarkdown(input(assessment({ visibility: 'private' })))).toMatchObject({ ok: false, message: expect.stringMatching(/private/) });
  });

  it('passes the private-field canary: no private field, and no private record linked as evidence', () => {
    const planted = privateFieldsOf('assessments');
    expect(planted).toEqual(['privateNotes']);
    const result = assessmentMarkdown(input(withCanaries('assessments', assessment(), planted)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(canariesIn(result.text)).toEqual([]);
  });
});
