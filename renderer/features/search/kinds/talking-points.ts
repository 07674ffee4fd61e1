import type { TalkingPoint } from '../../../../shared/domain/meetings';
import { registerSearchKind } from './registry';

registerSearchKind<TalkingPoint>({
  kind: 'talking-point',
  label: 'Talking points',
  singular: 'Talking point',
  table: 'talkingPoints',
  order: 40,
  docs: (t) => [
    {
      id: `talking-point:${t.id}`,
      kind: 'talking-point',
      recordId: t.id,
      personId: t.personId,
      date: t.createdAt.slice(0, 10),
      title: t.meetingId ? 'Placed on an agenda' : 'Queued',
      body: t.text,
      ...(t.meetingId ? { ref: t.meetingId } : {}),
    },
  ],
  // A queued point is on the person's page; a placed one is on its meeting's agenda.
  open: (hit) => (hit.ref ? { path: `/one-on-ones/meetings/${hit.ref}` } : { path: `/people/${hit.personId ?? ''}` }),
});
