import { type FeedbackEntry, feedbackKindLabels, type FollowUp } from '../../../../shared/domain/feedback';
import { registerSearchKind } from './registry';

/**
 * Feedback entries (their SBI text in one document) and follow-ups (what to come back to, and
 * what came of it). A private record's text is searchable but marked private when it matches,
 * like a meeting's private notes.
 */
registerSearchKind<FeedbackEntry>({
  kind: 'feedback',
  label: 'Feedback',
  singular: 'Feedback',
  table: 'feedback',
  order: 42,
  docs: (e) => {
    const text = [e.situation, e.behaviour, e.impact, e.nextStep].filter((t) => t.trim() !== '').join('\n');
    return [
      {
        id: `feedback:${e.id}`,
        kind: 'feedback',
        recordId: e.id,
        personId: e.personId,
        date: e.date,
        title: feedbackKindLabels[e.kind],
        ...(e.visibility === 'private' ? { body: '', private: text } : { body: text }),
      },
    ];
  },
  open: (hit) => ({ path: `/feedback/entries/${hit.recordId}` }),
});

registerSearchKind<FollowUp>({
  kind: 'follow-up',
  label: 'Follow-ups',
  singular: 'Follow-up',
  table: 'followUps',
  order: 44,
  docs: (f) => {
    const text = [f.note, f.outcome].filter((t) => t.trim() !== '').join('\n');
    if (!text) return [];
    return [
      {
        id: `follow-up:${f.id}`,
        kind: 'follow-up',
        recordId: f.id,
        personId: f.personId,
        date: f.due,
        title: f.open ? `Due ${f.due}` : 'Closed',
        ...(f.visibility === 'private' ? { body: '', private: text } : { body: text }),
        ref: f.feedbackId,
      },
    ];
  },
  // Opens the entry, which lists its follow-ups.
  open: (hit) => ({ path: `/feedback/entries/${hit.ref ?? ''}` }),
});
