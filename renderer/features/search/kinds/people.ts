import { type Person, trackLabels } from '../../../../shared/domain/person';
import { registerSearchKind } from './registry';

registerSearchKind<Person>({
  kind: 'person',
  label: 'People',
  singular: 'Person',
  table: 'people',
  order: 0,
  docs: (p) => [
    {
      id: `person:${p.id}`,
      kind: 'person',
      recordId: p.id,
      personId: p.id,
      title: p.name,
      body: [p.title, p.email, p.level, p.track && trackLabels[p.track], p.location].filter(Boolean).join(' · '),
    },
  ],
  open: (hit) => ({ path: `/people/${hit.recordId}` }),
});
