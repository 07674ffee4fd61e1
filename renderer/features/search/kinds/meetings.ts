import { type Meeting, meetingKindLabels } from '../../../../shared/domain/meetings';
import { registerSearchKind } from './registry';

/**
 * A meeting gives two kinds: its notes (shared and private in one document, so a hit knows which
 * of the two matched) and each agenda item on its own, so an item is a result of its own.
 */
registerSearchKind<Meeting>({
  kind: 'meeting-notes',
  label: 'Meeting notes',
  singular: 'Meeting note',
  table: 'meetings',
  order: 10,
  docs: (m) =>
    m.sharedNotes.trim() || m.privateNotes.trim()
      ? [
          {
            id: `meeting-notes:${m.id}`,
            kind: 'meeting-notes',
            recordId: m.id,
            personId: m.personId,
            date: m.date,
            title: meetingKindLabels[m.kind],
            body: m.sharedNotes,
            private: m.privateNotes,
          },
        ]
      : [],
  open: (hit) => ({
    path: `/one-on-ones/meetings/${hit.recordId}`,
    reveal: { target: `meeting:${hit.recordId}:${hit.field === 'private' ? 'private' : 'shared'}`, terms: hit.terms },
  }),
});

registerSearchKind<Meeting>({
  kind: 'agenda-item',
  label: 'Agenda items',
  singular: 'Agenda item',
  table: 'meetings',
  order: 20,
  docs: (m) =>
    m.agenda.map((item) => ({
      id: `agenda-item:${m.id}:${item.id}`,
      kind: 'agenda-item',
      recordId: m.id,
      personId: m.personId,
      date: m.date,
      title: meetingKindLabels[m.kind],
      body: item.text,
      ref: item.id,
    })),
  open: (hit) => ({ path: `/one-on-ones/meetings/${hit.recordId}`, reveal: { target: `agenda:${hit.ref ?? ''}`, terms: hit.terms } }),
});
