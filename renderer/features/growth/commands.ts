import type { CommandSource } from '../../app/commands';

/** Growth in the palette: the team heatmap, and a person's assessments or side by side. */
export const growthCommands: CommandSource = {
  id: 'growth',
  commands: () => [
    {
      id: 'growth.heatmap',
      label: 'Open the team heatmap',
      group: 'Growth',
      keywords: ['assessments', 'ladder', 'team', 'chart'],
      run: (c) => c.navigate('/growth/team'),
    },
    {
      id: 'growth.assessments',
      label: 'Assessments of…',
      group: 'Growth',
      keywords: ['assess', 'self-assessment', 'manager assessment', 'ladder', 'growth'],
      ask: [{ kind: 'person', prompt: 'Whose assessments?' }],
      run: (c, a) => {
        if (a.person) c.navigate(`/growth/people/${a.person.id}`);
      },
    },
    {
      id: 'growth.compare',
      label: 'Compare self and manager assessments of…',
      group: 'Growth',
      keywords: ['side by side', 'career conversation', 'differences'],
      ask: [{ kind: 'person', prompt: 'Whose assessments?' }],
      run: (c, a) => {
        if (a.person) c.navigate(`/growth/people/${a.person.id}/compare`);
      },
    },
  ],
};
