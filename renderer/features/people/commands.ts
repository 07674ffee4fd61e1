import type { CommandSource } from '../../app/commands';

/** "Go to <person>" for everyone in Trellis. */
export const peopleCommands: CommandSource = {
  id: 'people',
  commands: (ctx) =>
    ctx.people.map((p) => ({
      id: `people.open:${p.id}`,
      label: p.name,
      group: 'People',
      keywords: [p.title ?? '', p.email ?? '', 'person', 'go to'].filter(Boolean),
      run: (c) => c.navigate(`/people/${p.id}`),
    })),
};
