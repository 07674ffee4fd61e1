import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { checkLadder, type Ladder } from '../../../shared/ladder';
import { diffLadders, diffWords } from '../../../shared/ladder/diff';
import { criteriaFirstSeen, reviewCellKey, reviewLadder, reviewToMarkdown } from '../../../shared/ladder/review';

const folder = path.resolve(__dirname, '../../fixtures/ladders/app');
const teamText = readFileSync(path.join(folder, 'team.yaml'), 'utf8');

function load(text: string): Ladder {
  const result = checkLadder({ path: 'team.yaml', text }, (_from, include) => ({ path: include, text: readFileSync(path.join(folder, include), 'utf8') }));
  if (!result.ladder) throw new Error(JSON.stringify(result.problems));
  return result.ladder;
}

const v1 = load(teamText);

describe('diffLadders', () => {
  it('lists criteria added, removed and changed per competency and level', () => {
    const v2 = load(
      teamText
        .replace('Breaks a task into steps and says when it is blocked.', 'Breaks a task into steps and flags blockers the same day.')
        .replace(
          '      L3:\n        criteria: Writes design documents for features that span services.\n        examples: [Writes a design doc that two teams review and adopt.]\n',
          '',
        )
        .replace('# L3 is left out on purpose: it inherits L2.', 'L3:\n        criteria: Owns the quality of a service.'),
    );
    const changes = diffLadders(v1, v2);
    expect(changes.map((c) => [c.kind, c.competencyId, c.levelId, c.trackIds])).toEqual([
      ['added', 'code-quality', 'L3', ['ic', 'mgr']],
      ['removed', 'design', 'L3', ['ic', 'mgr']],
      ['changed', 'planning', 'L1', ['ic', 'mgr']],
    ]);
    expect(changes[2]).toMatchObject({
      before: 'Breaks a task into steps and says when it is blocked.',
      after: 'Breaks a task into steps and flags blockers the same day.',
      competencyName: 'Planning',
      levelTitle: 'Engineer',
    });
  });

  it('finds nothing between a version and itself', () => {
    expect(diffLadders(v1, load(teamText))).toEqual([]);
  });
});

describe('diffWords', () => {
  it('marks what one text adds beyond another', () => {
    expect(diffWords('Plans a project.', 'Plans a multi-team project.')).toEqual([
      { kind: 'same', text: 'Plans a ' },
      { kind: 'added', text: 'multi-team ' },
      { kind: 'same', text: 'project.' },
    ]);
  });

  it('always gives both texts back', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const parts = diffWords(a, b);
        expect(
          parts
            .filter((p) => p.kind !== 'added')
            .map((p) => p.text)
            .join(''),
        ).toBe(a);
        expect(
          parts
            .filter((p) => p.kind !== 'removed')
            .map((p) => p.text)
            .join(''),
        ).toBe(b);
      }),
    );
  });
});

describe('criteria review', () => {
  const flagged = load(
    teamText
      .replace("Reviews teammates' pull requests with specific, actionable comments.", 'Same as above.')
      .replace('Pairs with newer teammates and answers their questions.', 'A rockstar who is never abrasive and a strong culture fit.')
      .replace('Explains the design of the component they work on.', 'Has good judgement.')
      .replace('        examples: [Publishes a weekly status note with risks.]\n', ''),
  );

  it('flags pointers, personality words and vague words, each with where it is', () => {
    const review = reviewLadder(flagged, { since: '2026-01-01', firstSeen: new Map() });
    const summary = review.findings.map((f) => [f.kind, f.competencyId, f.levelId, f.term]);
    expect(summary).toContainEqual(['same-as-before', 'code-quality', 'L2', undefined]);
    expect(summary).toContainEqual(['personality-word', 'mentoring', 'L2', 'rockstar']);
    expect(summary).toContainEqual(['personality-word', 'mentoring', 'L2', 'abrasive']);
    expect(summary).toContainEqual(['personality-word', 'mentoring', 'L2', 'culture fit']);
    expect(summary).toContainEqual(['vague-word', 'design', 'L1', 'good']);
    // A trunk cell shows on both tracks but is reported once.
    expect(review.findings.filter((f) => f.kind === 'same-as-before')).toHaveLength(1);
    expect(review.findings.find((f) => f.kind === 'same-as-before')?.source).toMatchObject({ file: 'team.yaml', line: expect.any(Number) });
  });

  it('does not flag concrete criteria', () => {
    const review = reviewLadder(v1, { since: '2026-01-01', firstSeen: new Map() });
    expect(review.findings.filter((f) => f.kind !== 'no-examples')).toEqual([]);
  });

  it('lists levels without any example', () => {
    const noExamples = load(teamText.replace(/\n +examples: \[.*\]/g, '').replace(/\n +examples:\n +- .*/g, ''));
    const review = reviewLadder(noExamples, { since: '2026-01-01', firstSeen: new Map() });
    expect(review.findings.filter((f) => f.kind === 'no-examples' && f.levelId).map((f) => `${f.trackId}/${f.levelId}`)).toEqual([
      'ic/L1',
      'ic/L2',
      'ic/L3',
      'ic/L4',
      'mgr/L1',
      'mgr/L2',
      'mgr/L3',
      'mgr/M4',
    ]);
    expect(review.findings.filter((f) => f.kind === 'no-examples' && f.competencyId).map((f) => f.competencyId)).toEqual([
      'code-quality',
      'design',
      'planning',
      'mentoring',
    ]);
  });

  it('dates each cell from the oldest version with the same text, and lists the stale ones', () => {
    const v2 = load(teamText.replace('Breaks a task into steps and says when it is blocked.', 'Breaks a task into steps and flags blockers the same day.'));
    const firstSeen = criteriaFirstSeen([
      { firstSeen: '2026-03-01T10:00:00.000Z', ladder: v2 },
      { firstSeen: '2025-06-01T10:00:00.000Z', ladder: v1 },
    ]);
    expect(firstSeen.get(reviewCellKey({ trackId: 'ic', competencyId: 'planning', levelId: 'L1' }))).toBe('2026-03-01T10:00:00.000Z');
    expect(firstSeen.get(reviewCellKey({ trackId: 'ic', competencyId: 'design', levelId: 'L1' }))).toBe('2025-06-01T10:00:00.000Z');
    const stale = reviewLadder(v2, { since: '2026-01-01', firstSeen }).findings.filter((f) => f.kind === 'stale');
    expect(stale.map((f) => `${f.competencyId}/${f.levelId}`)).not.toContain('planning/L1');
    expect(stale.map((f) => `${f.competencyId}/${f.levelId}`)).toContain('design/L1');
    expect(stale[0]!.message).toBe('Not changed since 2025-06-01: check it still describes the level.');
  });

  it('exports as Markdown, escaping the ladder text', () => {
    const review = reviewLadder(flagged, { since: '2026-01-01', firstSeen: new Map() });
    const markdown = reviewToMarkdown(review, '2026-04-02');
    expect(markdown).toMatch(/^# Criteria review: Team Ladder \(version 1\.2\.0\)\n/);
    expect(markdown).toContain('## Personality words (3)');
    expect(markdown).toContain('- **Mentoring · L2 Engineer II**: "rockstar": a persona');
    expect(markdown).toMatch(/\(team\.yaml:\d+:\d+\)/);
  });
});
