import { useLiveQuery } from 'dexie-react-hooks';

import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { useStatus } from '../../ui/Status';

/** The points waiting for the person's next 1:1, each removable. */
export function QueuedList({ personId }: { personId: string }) {
  const { talkingPoints } = useRepositories();
  const { announce } = useStatus();
  const queued = useLiveQuery(() => talkingPoints.queued(personId), [talkingPoints, personId]);
  if (!queued) return null;
  if (queued.length === 0) return <p className="muted">Nothing queued.</p>;
  return (
    <ul className="plain-list" aria-label="Queued talking points">
      {queued.map((p) => (
        <li key={p.id}>
          <span className="agenda-item__text">{p.text}</span>
          <span className="origin">queued {formatDate(p.createdAt)}</span>
          <Button
            size="small"
            variant="quiet"
            aria-label={`Remove queued point: ${p.text}`}
            onPress={() => void talkingPoints.remove(p.id).catch((e: unknown) => announce(errorMessage(e), 'error'))}
          >
            Remove
          </Button>
        </li>
      ))}
    </ul>
  );
}
