import './one-on-ones.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { Link } from 'wouter';

import { meetingKindLabels } from '../../../shared/domain/meetings';
import { useRepositories } from '../../app/data';
import { usePerson } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { ActionItemsSection } from './ActionItemsSection';
import { AgendaSection } from './AgendaSection';
import { DeleteMeetingDialog } from './DeleteMeetingDialog';
import { MeetingNotes } from './MeetingNotes';
import { MeetingShareActions } from './ShareActions';
import { type UndoAction, UndoBar } from './UndoBar';

function useMeetingData(id: string) {
  const { meetings, actionItems } = useRepositories();
  return useLiveQuery(async () => {
    const meeting = await meetings.get(id);
    if (!meeting) return null;
    // Only the meetings this one names ("from 12 Nov") are read, never the person's history.
    const { items, meetingDates } = await actionItems.forMeetingWithOrigins(meeting);
    return { meeting, items, meetingDates };
  }, [meetings, actionItems, id]);
}

export default function MeetingPage({ id }: { id: string }) {
  const data = useMeetingData(id);
  const person = usePerson(data?.meeting.personId ?? '');
  const [undo, setUndo] = useState<UndoAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const clearUndo = useCallback(() => setUndo(null), []);

  if (data === undefined || (data && person === undefined)) return <p className="loading">Loading meeting…</p>;
  if (data === null) {
    return (
      <Page title="Meeting not found">
        <EmptyState icon="?" title="This meeting does not exist">
          <p>
            It may have been deleted. Go back to <Link href="/one-on-ones">1:1s</Link>.
          </p>
        </EmptyState>
      </Page>
    );
  }
  const { meeting, items, meetingDates } = data;
  const name = person?.name ?? 'Unknown person';
  return (
    <Page
      title={`${meetingKindLabels[meeting.kind]} with ${name}`}
      subtitle={`${formatDate(meeting.date, 'long')}${meeting.time ? ` · ${meeting.time}` : ''}`}
      actions={
        <div className="row-actions">
          {person && <MeetingShareActions meeting={meeting} person={person} />}
          {meeting.seriesId && (
            <Link className="btn" href={`/one-on-ones/prep/${meeting.seriesId}`}>
              Prep view
            </Link>
          )}
          {person && (
            <Link className="btn" href={`/people/${person.id}`}>
              <span className="btn__label">{name}’s page</span>
            </Link>
          )}
          <Button variant="quiet" onPress={() => setDeleting(true)}>
            Delete…
          </Button>
        </div>
      }
    >
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <UndoBar action={undo} onDone={clearUndo} />
      <div className="meeting-grid">
        <div className="meeting-grid__col">
          <AgendaSection meeting={meeting} personName={name} meetingDates={meetingDates} onDeleted={setUndo} onError={setError} />
          <ActionItemsSection meetingId={meeting.id} items={items} personName={name} meetingDates={meetingDates} onDeleted={setUndo} onError={setError} />
        </div>
        <div className="meeting-grid__col">
          <MeetingNotes key={meeting.id} meeting={meeting} personName={name} />
        </div>
      </div>
      {deleting && (
        <DeleteMeetingDialog meeting={meeting} actionCount={items.filter((i) => i.meetingId === meeting.id).length} onClose={() => setDeleting(false)} />
      )}
    </Page>
  );
}
