import type { CycleResponse, FeedbackCycle } from '../../../../shared/domain/cycles';
import type { Win } from '../../../../shared/domain/wins';
import { registerSearchKind } from './registry';

/** Wins (what happened and what it led to), feedback cycles (by name) and peers' responses in them. */
registerSearchKind<Win>({
  kind: 'win',
  label: 'Wins',
  singular: 'Win',
  table: 'wins',
  order: 46,
  docs: (w) => {
    const text = [w.title, w.impact].filter((t) => t.trim() !== '').join('\n');
    return [
      {
        id: `win:${w.id}`,
        kind: 'win',
        recordId: w.id,
        personId: w.personId,
        date: w.date,
        title: 'Win',
        ...(w.visibility === 'private' ? { body: '', private: text } : { body: text }),
      },
    ];
  },
  open: (hit) => ({ path: `/feedback/wins/${hit.recordId}` }),
});

registerSearchKind<FeedbackCycle>({
  kind: 'feedback-cycle',
  label: 'Feedback cycles',
  singular: 'Feedback cycle',
  table: 'feedbackCycles',
  order: 47,
  docs: (c) => [{ id: `feedback-cycle:${c.id}`, kind: 'feedback-cycle', recordId: c.id, date: c.to, title: c.name, body: '' }],
  open: (hit) => ({ path: `/feedback/cycles/${hit.recordId}` }),
});

registerSearchKind<CycleResponse>({
  kind: 'cycle-response',
  label: 'Peer feedback in cycles',
  singular: 'Peer response',
  table: 'cycleResponses',
  order: 48,
  docs: (r) => [
    {
      id: `cycle-response:${r.id}`,
      kind: 'cycle-response',
      recordId: r.id,
      personId: r.personId,
      date: r.date,
      title: 'Peer feedback',
      ...(r.visibility === 'private' ? { body: '', private: r.text } : { body: r.text }),
      ref: r.cycleId,
    },
  ],
  open: (hit) => ({ path: `/feedback/cycles/${hit.ref ?? ''}` }),
});
