import type { CommandSource } from '../../app/commands';

/** Growth plans in the palette: a new goal for someone (linked to the ladder on its page), and their plan. */
export const planCommands: CommandSource = {
  id: 'plans',
  commands: () => [
    {
      id: 'plans.new-goal',
      label: 'New growth goal…',
      group: 'Growth',
      keywords: ['goal', 'plan', 'growth', 'objective', 'career'],
      ask: [
        { kind: 'person', prompt: 'A goal for' },
        { kind: 'text', prompt: 'Goal', placeholder: 'What they will grow…' },
      ],
      async run({ repos, navigate }, { person, text }) {
        if (!person || !text?.trim()) return;
        const goal = await repos.goals.create({ personId: person.id, title: text, criteria: [] });
        navigate(`/growth/goals/${goal.id}`);
        return `Goal added for ${person.name}: link it to the ladder with Edit`;
      },
    },
    {
      id: 'plans.open-plan',
      label: 'Open a growth plan…',
      group: 'Growth',
      keywords: ['goals', 'plan', 'growth', 'stretch', 'learning', 'budget'],
      ask: [{ kind: 'person', prompt: 'Growth plan of' }],
      run({ navigate }, { person }) {
        if (person) navigate(`/growth/people/${person.id}`);
      },
    },
  ],
};
