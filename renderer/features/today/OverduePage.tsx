import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { useRepositories } from '../../app/data';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { OverdueList } from './OverdueList';

const PAGE = 200;

/** Every overdue action item, most overdue first, a page at a time ("Show all" from Today). */
export default function OverduePage() {
  const { actionItems } = useRepositories();
  const people = usePeople();
  const today = todayIso();
  const [limit, setLimit] = useState(PAGE);
  const overdue = useLiveQuery(() => actionItems.overdue(today, limit), [actionItems, today, limit]);
  // Counting thousands of index entries takes a while: the list does not wait for it.
  const total = useLiveQuery(() => actionItems.overdueCount(today), [actionItems, today]);
  if (!overdue || !people) return <p className="loading">Loading…</p>;
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return (
    <Page
      title="Overdue action items"
      subtitle={overdue.items.length > 0 && `${total === undefined ? 'Open' : `${total.toLocaleString()} open`} past their due date · most overdue first`}
      actions={
        <Link className="btn" href="/">
          Back to Today
        </Link>
      }
    >
      {overdue.items.length === 0 ? (
        <EmptyState icon="✓" title="Nothing overdue">
          <p>Every open action item is within its due date.</p>
        </EmptyState>
      ) : (
        <section className="card section-card" aria-label="Overdue action items">
          <OverdueList items={overdue.items} nameOf={nameOf} />
          {overdue.more && (
            <div className="row-actions">
              <span className="muted small">
                Showing {overdue.items.length.toLocaleString()}
                {total !== undefined && ` of ${total.toLocaleString()}`}
              </span>
              <Button onPress={() => setLimit((n) => n + PAGE)}>
                Show {total === undefined ? PAGE : Math.min(PAGE, total - overdue.items.length).toLocaleString()} more
              </Button>
            </div>
          )}
        </section>
      )}
    </Page>
  );
}
