import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { feedbackTitle, type FollowUp } from '../../../shared/domain/feedback';
import { useRepositories } from '../../app/data';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { formatDate } from '../../ui/dates';
import { CloseFollowUpDialog } from './CloseFollowUpDialog';
import { PrivateChip } from './PrivateChip';

/** "Due today", "Due tomorrow", "Overdue since …" or "Due on …". */
export function dueLabel(due: string, today: string, tomorrow: string): string {
  if (due < today) return `Overdue since ${formatDate(due, 'day')}`;
  if (due === today) return 'Due today';
  if (due === tomorrow) return 'Due tomorrow';
  return `Due ${formatDate(due, 'day')}`;
}

/**
 * Open follow-ups, each with what to come back to (its note, else its entry's gist), when it is
 * due, and Close (with an outcome). Short lists only (Today, prep, an entry): the inbox has its
 * own virtualised table.
 */
export function FollowUpList({
  label,
  items,
  today,
  tomorrow,
  nameOf,
  showPerson = true,
}: {
  label: string;
  items: readonly FollowUp[];
  today: string;
  tomorrow: string;
  nameOf: (personId: string) => string;
  showPerson?: boolean;
}) {
  const { feedback } = useRepositories();
  const entries = useLiveQuery(() => feedback.entriesOf(items.map((f) => f.feedbackId)), [feedback, items]);
  const [closing, setClosing] = useState<FollowUp | null>(null);
  return (
    <>
      <ul className="follow-up-list" aria-label={label}>
        {items.map((f) => {
          const entry = entries?.get(f.feedbackId);
          const what = f.note || (entry ? feedbackTitle(entry) : 'Feedback');
          return (
            <li key={f.id} className={cx('follow-up', f.open === 1 && f.due < today && 'follow-up--overdue')}>
              <span className="follow-up__text">
                {f.visibility === 'private' && <PrivateChip />} {showPerson && <strong>{nameOf(f.personId)}: </strong>}
                <Link href={`/feedback/entries/${f.feedbackId}`}>{what}</Link>
              </span>
              <span className="follow-up__due muted small">{f.open === 1 ? dueLabel(f.due, today, tomorrow) : `Closed: ${f.outcome}`}</span>
              {f.open === 1 && (
                <Button size="small" onPress={() => setClosing(f)} aria-label={`Close the follow-up with ${nameOf(f.personId)}: ${what}`}>
                  Close…
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {closing && <CloseFollowUpDialog followUp={closing} personName={nameOf(closing.personId)} onClose={() => setClosing(null)} />}
    </>
  );
}
