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
    {
      id: 'feedback.log-win',
      label: 'Log a win',
      group: 'Feedback',
      keywords: ['win', 'brag', 'achievement', 'shipped', 'impact'],
      run: () => requestCapture({ kind: 'win' }),
    },
    {
      id: 'feedback.log-win-of',
      label: 'Log a win of…',
      group: 'Feedback',
      keywords: ['win', 'brag', 'person'],
      ask: [{ kind: 'person', prompt: 'Whose win?' }],
      run: (_ctx, answers) => requestCapture({ kind: 'win', ...(answers.person ? { personId: answers.person.id } : {}) }),
    },
    {
      id: 'feedback.wins',
      label: 'Open the wins log',
      group: 'Feedback',
      keywords: ['wins', 'brag document', 'recognise'],
      run: (ctx) => ctx.navigate('/feedback/wins'),
    },
    {
      id: 'feedback.cycles',
      label: 'Open feedback cycles',
      group: 'Feedback',
      keywords: ['cycle', '360', 'peer feedback', 'survey', 'responses'],
      run: (ctx) => ctx.navigate('/feedback/cycles'),
    },
  ],
};
