import './share.css';

import { icsFileName, seriesToIcs } from '../../../shared/domain/ics';
import { meetingFileStem, meetingSharedMarkdown } from '../../../shared/domain/markdown-export';
import { type Meeting, meetingKindLabels, type Series } from '../../../shared/domain/meetings';
import type { Person } from '../../../shared/domain/person';
import { calendarUserOf, currentPerson } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { useStatus } from '../../ui/Status';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * "Copy as Markdown" and "Save as .md" for the part of a meeting the report may see:
 * agenda, shared notes and action items. Private notes are never read here.
 */
export function MeetingShareActions({ meeting, person, size = 'normal' }: { meeting: Meeting; person: Pick<Person, 'name'>; size?: 'small' | 'normal' }) {
  const { actionItems, people } = useRepositories();
  const { announce } = useStatus();
  const saveText = useMainAction('files:save-text');

  const markdown = async () => meetingSharedMarkdown(meeting, person, await actionItems.forMeeting(meeting), await currentPerson(people));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await markdown());
      announce('Copied the shared notes as Markdown');
    } catch {
      announce('Trellis could not use the clipboard. Use “Save as .md” instead.', 'error');
    }
  };

  const save = async () => {
    try {
      const result = await saveText.run({
        suggestedName: `${meetingFileStem(meeting, person)}.md`,
        content: await markdown(),
        kind: 'markdown',
        title: 'Save the shared notes',
      });
      if (result.saved && result.path) announce(`Saved ${baseName(result.path)}`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };

  return (
    <div className="export-actions" role="group" aria-label="Share the agenda and shared notes">
      <Button size={size} onPress={() => void copy()}>
        Copy as Markdown
      </Button>
      <Button size={size} onPress={() => void save()}>
        Save as .md
      </Button>
    </div>
  );
}

/**
 * "Add to calendar (.ics)": saves the series as a recurring event calendar apps import, with
 * the user as organizer and the person as attendee when their emails are known.
 */
export function SeriesCalendarButton({
  series,
  person,
  size = 'small',
}: {
  series: Series;
  person: Pick<Person, 'name' | 'email'>;
  size?: 'small' | 'normal';
}) {
  const { people } = useRepositories();
  const { announce } = useStatus();
  const saveText = useMainAction('files:save-text');
  const save = async () => {
    try {
      const content = seriesToIcs(series, person, { now: new Date(), organizer: calendarUserOf(await currentPerson(people)) });
      const result = await saveText.run({ suggestedName: icsFileName(series, person), content, kind: 'calendar', title: 'Add to calendar' });
      if (result.saved && result.path) announce(`Saved ${baseName(result.path)}: open it to add the series to your calendar`);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };
  return (
    <Button
      className="calendar-button"
      size={size}
      onPress={() => void save()}
      aria-label={`Add to calendar (.ics): ${meetingKindLabels[series.kind]} with ${person.name}`}
    >
      Add to calendar (.ics)
    </Button>
  );
}
