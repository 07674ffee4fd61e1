import type { CommandSource } from '../../app/commands';
import { requestCapture } from '../../app/quick-capture';

/** Capture feedback (about the person on screen, or anyone), and the inbox of follow-ups. */
export const feedbackCommands: CommandSource = {
  id: 'feedback',
  commands: () => [
    {
      id: 'feedback.capture',
      label: 'Capture feedback',
      group: 'Feedback',
      keywords: ['feedback', 'sbi', 'recognition', 'constructive', 'note', 'write'],
      run: () => requestCapture({ kind: 'feedback' }),
    },
    {
      id: 'feedback.capture-about',
      label: 'Capture feedback about…',
      group: 'Feedback',
      keywords: ['feedback', 'sbi', 'person'],
      ask: [{ kind: 'person', prompt: 'Feedback about whom?' }],
      run: (_ctx, answers) => requestCapture({ kind: 'feedback', ...(answers.person ? { personId: answers.person.id } : {}) }),
    },
    {
      id: 'feedback.inbox',
      label: 'Open the follow-ups inbox',
      group: 'Feedback',
      keywords: ['follow-up', 'follow up', 'due', 'inbox', 'reminder'],
      run: (ctx) => ctx.navigate('/feedback/inbox'),
    },
  ],
};
