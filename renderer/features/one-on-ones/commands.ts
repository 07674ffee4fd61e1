import type { CommandSource } from '../../app/commands';
import { suggestedTemplate } from './suggested-template';

/**
 * 1:1 commands of the palette: start today's 1:1 with someone (through their 1:1 series, as the
 * Start button does), queue a talking point for their next one, and the 1:1 screens.
 */
export const oneOnOneCommands: CommandSource = {
  id: 'one-on-ones',
  commands: () => [
    {
      id: 'one-on-ones.start',
      label: 'Start a 1:1 with…',
      group: '1:1s',
      keywords: ['meeting', 'one on one', 'new'],
      ask: [{ kind: 'person', prompt: 'Start a 1:1 with' }],
      async run({ repos, navigate, today }, { person }) {
        if (!person) return;
        const series = (await repos.series.forPerson(person.id)).find((s) => s.kind === 'one-on-one' && !s.archived);
        if (!series) {
          navigate(`/people/${person.id}`);
          return `${person.name} has no 1:1 series yet: set one up on their page.`;
        }
        const isFirst = !(await repos.meetings.lastHeldForPerson(person.id, '9999-12-31'));
        const templates = await repos.templates.list();
        const templateId = suggestedTemplate(series.kind, isFirst, templates);
        const meeting = await repos.meetings.start({
          personId: person.id,
          seriesId: series.id,
          kind: series.kind,
          date: today,
          time: series.time,
          ...(templateId ? { templateId } : {}),
        });
        navigate(`/one-on-ones/meetings/${meeting.id}`);
        return `1:1 with ${person.name} on today's date is open`;
      },
    },
    {
      id: 'one-on-ones.queue-point',
      label: 'Queue a talking point for…',
      group: '1:1s',
      keywords: ['agenda', 'next 1:1', 'topic', 'add'],
      ask: [
        { kind: 'person', prompt: 'Queue a talking point for' },
        { kind: 'text', prompt: 'Talking point', placeholder: 'What to bring up…' },
      ],
      async run({ repos, today }, { person, text }) {
        if (!person || !text?.trim()) return;
        const queued = await repos.talkingPoints.queue(person.id, text.trim(), today);
        return queued.placedInMeetingId ? `Added to the agenda of your next 1:1 with ${person.name}` : `Queued for your next 1:1 with ${person.name}`;
      },
    },
    {
      id: 'go.one-on-ones/templates',
      label: 'Go to meeting templates',
      group: 'Go to',
      keywords: ['template'],
      run: (c) => c.navigate('/one-on-ones/templates'),
    },
  ],
};
