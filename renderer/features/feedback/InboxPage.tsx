import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';

import { addDaysIso, todayIso } from '../../../shared/domain/dates';
import { feedbackTitle, type FollowUp } from '../../../shared/domain/feedback';
import { useRepositories } from '../../app/data';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { VirtualTable } from '../../ui/VirtualTable';
import { CloseFollowUpDialog } from './CloseFollowUpDialog';
import { FeedbackTabs } from './FeedbackTabs';
import { dueLabel } from './FollowUpList';
import { useNameOf } from './FollowUpSections';
import { PrivateChip } from './PrivateChip';

const PAGE = 500;

/** Every open follow-up, soonest due first (overdue at the top), a page at a time. */
export default function InboxPage() {
  const { feedback } = useRepositories();
  const today = todayIso();
  const tomorrow = addDaysIso(today, 1);
  const [limit, setLimit] = useState(PAGE);
  const items = useLiveQuery(() => feedback.open(limit + 1), [feedback, limit]);
  // One array per answer of the query, not per render: the entries' query below follows it.
  const shown = useMemo(() => items?.slice(0, limit), [items, limit]);
  const entries = useLiveQuery(() => feedback.entriesOf((shown ?? []).map((f) => f.feedbackId)), [feedback, shown]);
  const open = useLiveQuery(() => feedback.countOpen(), [feedback]);
  const nameOf = useNameOf();
  const [closing, setClosing] = useState<FollowUp | null>(null);
  return (
    <Page title="Feedback" subtitle="Follow-ups you promised, soonest due first.">
      <FeedbackTabs open={open} />
      {shown === undefined ? (
        <p className="loading">Loading…</p>
      ) : shown.length === 0 ? (
        <EmptyState icon="✓" title="Inbox zero">
          <p>No follow-up is open. Add one when you capture feedback, or on an entry.</p>
        </EmptyState>
      ) : (
        <>
          <VirtualTable
            label="Open follow-ups"
            columns={['Due', 'With', 'Follow up on']}
            actions
            rows={shown}
            rowKey={(f) => f.id}
            estimateRowHeight={52}
            renderRow={(f) => {
              const entry = entries?.get(f.feedbackId);
              const what = f.note || (entry ? feedbackTitle(entry) : 'Feedback');
              return (
                <>
                  <td className={cx('nowrap', f.due < today && 'follow-up--overdue')}>
                    <span className="follow-up__due">{dueLabel(f.due, today, tomorrow)}</span>
                  </td>
                  <td>{nameOf(f.personId)}</td>
                  <td>
                    {f.visibility === 'private' && <PrivateChip />} <Link href={`/feedback/entries/${f.feedbackId}`}>{what}</Link>
                  </td>
                  <td>
                    <Button size="small" onPress={() => setClosing(f)} aria-label={`Close the follow-up with ${nameOf(f.personId)}: ${what}`}>
                      Close…
                    </Button>
                  </td>
                </>
              );
            }}
          />
          {items && items.length > limit && (
            <p>
              <Button onPress={() => setLimit((n) => n + PAGE)}>Show more</Button>
            </p>
          )}
        </>
      )}
      {closing && <CloseFollowUpDialog followUp={closing} personName={nameOf(closing.personId)} onClose={() => setClosing(null)} />}
    </Page>
  );
}
