import type { MeetingTemplate } from './meetings';

const BUILT_IN_STAMP = '2026-01-01T00:00:00.000Z';

const builtIn = (t: Omit<MeetingTemplate, 'builtIn' | 'createdAt' | 'updatedAt'>): MeetingTemplate => ({
  ...t,
  builtIn: true,
  createdAt: BUILT_IN_STAMP,
  updatedAt: BUILT_IN_STAMP,
});

/**
 * Templates Trellis ships with. Users may edit them (the edit is stored under the same id and
 * wins) or reset them; the text is our own.
 */
export const builtInTemplates: readonly MeetingTemplate[] = [
  builtIn({
    id: 'builtin-first',
    name: 'First 1:1',
    kind: 'one-on-one',
    agenda: [
      'How do you like to receive feedback: written, live, right away or saved up?',
      'What did your best manager do that you want more of? What should I avoid?',
      'What are you hoping to learn or change in the next six months?',
      'How often should we meet, and what should these 1:1s be for?',
    ],
    sharedNotes: '## Working together\n\n- Best way to reach each other:\n- Working hours and focus time:\n\n## Goals\n\n',
  }),
  builtIn({
    id: 'builtin-weekly',
    name: 'Weekly 1:1',
    kind: 'one-on-one',
    agenda: ['What is on your mind this week?', 'Anything blocking you that I can help move?', 'One thing that went well since we last met'],
    sharedNotes: '## Updates\n\n## Decisions\n\n',
  }),
  builtIn({
    id: 'builtin-career',
    name: 'Career conversation',
    kind: 'career',
    agenda: [
      'Looking back: which work gave you the most energy this year, and which drained it?',
      'Where would you like to be in two years? What would make that feel like a success?',
      'Which skills on the ladder do you want to grow next, and what would show progress?',
      'Which project, stretch role or visibility would help, and how can I sponsor it?',
    ],
    sharedNotes: '## Aspirations\n\n## Skills to grow\n\n## Next steps and who owns them\n\n',
  }),
  builtIn({
    // Its agenda is made per person: one point per competency of their ladder level (ladder-review.ts).
    id: 'builtin-ladder-review',
    name: 'Ladder review',
    kind: 'career',
    agenda: [],
    sharedNotes: '## Where we agree\n\n## Where we see it differently\n\n## What to grow next, and how\n\n',
  }),
  builtIn({
    id: 'builtin-skip',
    name: 'Skip-level',
    kind: 'skip-level',
    agenda: [
      'What is the team proud of lately?',
      'What slows the team down that nobody seems to be fixing?',
      'Is there anything you would like leadership to understand better?',
      'How supported do you feel in your growth here?',
    ],
    sharedNotes: '## Themes\n\n',
  }),
  builtIn({
    id: 'builtin-mentoring',
    name: 'Mentoring session',
    kind: 'mentoring',
    agenda: [
      'What would make this session worth your time?',
      'A situation since last time you would handle differently now',
      'What will you try before we meet again?',
    ],
    sharedNotes: '## Topic\n\n## Ideas to try\n\n',
  }),
];

export const isBuiltInTemplateId = (id: string) => builtInTemplates.some((t) => t.id === id);
