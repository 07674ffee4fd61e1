import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { carriesOver } from '../../../shared/domain/carry-over';
import { LADDER_REVIEW_TEMPLATE_ID, ladderReviewAgenda, ladderReviewPrompts } from '../../../shared/domain/ladder-review';
import { testLadder } from '../../support/assessment-ladders';

describe('Ladder review template', () => {
  it('makes one point per competency the level asks, with what it asks, leaving out what does not apply', () => {
    const ladder = testLadder(1);
    expect(ladderReviewAgenda(ladder, { trackId: 'ic', levelId: 'S1' })).toEqual([
      'Code (Specialist): Writes small tested changes. · Follows the conventions.',
      'Communication (Specialist): Explains their work clearly.',
    ]);
    expect(ladderReviewAgenda(ladder, { trackId: 'ic', levelId: 'S2' })).toHaveLength(3);
    expect(ladderReviewAgenda(ladder, { trackId: 'ic', levelId: 'S9' })).toEqual([]);
    expect(ladderReviewAgenda(ladder, { trackId: 'nope', levelId: 'S1' })).toEqual([]);
  });

  it('a meeting started with it gets those points as template prompts, which never carry over', async () => {
    const db = new TrellisDatabase(`ladder-review-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const alex = await repos.people.create({ name: 'Alex Rivera' });
    const agenda = ladderReviewAgenda(testLadder(1), { trackId: 'ic', levelId: 'S1' });
    const meeting = await repos.meetings.start({
      personId: alex.id,
      seriesId: null,
      kind: 'career',
      date: '2026-11-04',
      templateId: LADDER_REVIEW_TEMPLATE_ID,
      templateAgenda: ladderReviewPrompts(testLadder(1), { trackId: 'ic', levelId: 'S1' }),
    });
    expect(meeting.agenda.map((i) => i.text)).toEqual(agenda);
    expect(meeting.agenda.every((i) => i.fromTemplateId === LADDER_REVIEW_TEMPLATE_ID && !carriesOver(i, new Set()))).toBe(true);
    expect(meeting.sharedNotes).toContain('## What to grow next, and how');
  });

  it('an edited Ladder review keeps the user’s own points after the per-person ones, and their notes', async () => {
    const db = new TrellisDatabase(`ladder-review-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const alex = await repos.people.create({ name: 'Alex Rivera' });
    await repos.templates.save(LADDER_REVIEW_TEMPLATE_ID, {
      name: 'Ladder review',
      kind: 'career',
      agendaText: 'What would you like me to sponsor?\n',
      sharedNotes: '## Our notes\n',
    });
    const prompts = ladderReviewPrompts(testLadder(1), { trackId: 'ic', levelId: 'S1' });
    const meeting = await repos.meetings.start({
      personId: alex.id,
      seriesId: null,
      kind: 'career',
      date: '2026-11-04',
      templateId: LADDER_REVIEW_TEMPLATE_ID,
      templateAgenda: prompts,
    });
    expect(meeting.agenda.map((i) => i.text)).toEqual([...prompts.map((p) => p.text), 'What would you like me to sponsor?']);
    expect(meeting.sharedNotes).toBe('## Our notes\n');
  });
});
