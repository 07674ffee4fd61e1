import { Link } from 'wouter';

import type { ActionItem } from '../../../shared/domain/meetings';
import { formatDate } from '../../ui/dates';
import { useInSteps } from '../../ui/in-steps';

/** Overdue action items with who owes them and a link to the meeting that agreed them. */
export function OverdueList({ items, nameOf }: { items: ActionItem[]; nameOf: Map<string, string> }) {
  const shown = useInSteps(items);
  return (
    <ul className="plain-list" aria-label="Overdue action items">
      {shown.map((a) => (
        <li key={a.id}>
          <span className="agenda-item__text">
            {a.text}
            <div className="muted small">
              {a.owner === 'me' ? 'You owe' : `${nameOf.get(a.personId) ?? 'They'} owes`} · due {formatDate(a.due!)}
            </div>
          </span>
          <Link href={`/one-on-ones/meetings/${a.meetingId}`}>Open</Link>
        </li>
      ))}
    </ul>
  );
}
