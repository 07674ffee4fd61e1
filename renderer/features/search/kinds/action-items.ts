import type { ActionItem } from '../../../../shared/domain/meetings';
import { registerSearchKind } from './registry';

registerSearchKind<ActionItem>({
  kind: 'action-item',
  label: 'Action items',
  singular: 'Action item',
  table: 'actionItems',
  order: 30,
  docs: (a) => [
    {
      id: `action-item:${a.id}`,
      kind: 'action-item',
      recordId: a.id,
      personId: a.personId,
      date: a.createdAt.slice(0, 10),
      title: a.done ? 'Done' : a.due ? `Due ${a.due}` : 'Open',
      body: a.text,
      ref: a.meetingId,
    },
  ],
  // Opens the meeting where it was agreed, which lists it.
  open: (hit) => ({ path: `/one-on-ones/meetings/${hit.ref ?? ''}`, reveal: { target: `action:${hit.recordId}`, terms: hit.terms } }),
});
