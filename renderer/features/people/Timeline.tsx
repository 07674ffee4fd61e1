import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';

import { filterTimeline, type TimelineEntry, type TimelineKind, timelineKindLabels, timelineKinds } from '../../../shared/domain/timeline';
import { Checkbox } from '../../ui/Checkbox';
import { cx } from '../../ui/cx';
import { formatDate } from '../../ui/dates';
import { TextField } from '../../ui/TextField';

const ROW_HEIGHT = 56;
const icons: Record<TimelineKind, string> = { meeting: '⇄', action: '☐', feedback: '✎', win: '★' };

/** A meeting's row names its kind and date ("1:1 on 24 Nov 2026"), so its link says which meeting it opens. */
function titleOf(entry: TimelineEntry): string {
  return entry.kind === 'meeting' ? `${entry.title} on ${formatDate(entry.date, 'medium')}` : entry.title;
}

function TimelineRow({ entry, index, total }: { entry: TimelineEntry; index: number; total: number }) {
  const title = titleOf(entry);
  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      className={cx('timeline-row', `timeline-row--${entry.kind}`, entry.done && 'timeline-row--done')}
    >
      <span className="timeline-row__date">{formatDate(entry.date)}</span>
      <span className="timeline-row__icon" aria-hidden="true">
        {entry.done ? '✓' : icons[entry.kind]}
      </span>
      <span className="timeline-row__body">
        {entry.href ? (
          <Link href={entry.href} className="timeline-row__title">
            {title}
          </Link>
        ) : (
          <span className="timeline-row__title">{title}</span>
        )}
        <span className="muted small timeline-row__detail">{entry.due ? `${entry.detail} · due ${formatDate(entry.due)}` : entry.detail}</span>
      </span>
    </div>
  );
}

/**
 * Everything about a person, newest first. Only the rows in view are in the DOM, so a timeline
 * of thousands of entries opens and scrolls like a short one.
 */
export function Timeline({ entries, height = 480, actions }: { entries: TimelineEntry[]; height?: number; actions?: React.ReactNode }) {
  const [kinds, setKinds] = useState<Set<TimelineKind>>(() => new Set(timelineKinds));
  const [query, setQuery] = useState('');
  const visible = useMemo(() => filterTimeline(entries, kinds, query), [entries, kinds, query]);
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler cannot memoise around TanStack Virtual; this component renders fine without it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 800, height },
  });
  const toggle = (kind: TimelineKind, on: boolean) =>
    setKinds((k) => {
      const next = new Set(k);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });

  return (
    <section className="card section-card" aria-labelledby="timeline-heading">
      <div className="section-card__header">
        <h2 id="timeline-heading">Timeline</h2>
        <span className="muted small">
          {visible.length === entries.length ? `${entries.length} entries` : `${visible.length} of ${entries.length} entries`}
        </span>
        {actions}
      </div>
      <div className="toolbar">
        <TextField
          className="filter-field"
          label="Filter timeline"
          type="search"
          value={query}
          onChange={setQuery}
          placeholder="Words in points, notes, actions…"
        />
        {timelineKinds.map((k) => (
          <Checkbox key={k} isSelected={kinds.has(k)} onChange={(on) => toggle(k, on)}>
            {timelineKindLabels[k]}
          </Checkbox>
        ))}
      </div>
      {visible.length === 0 ? (
        <p className="muted">{entries.length === 0 ? 'Nothing yet: meetings and action items will appear here.' : 'Nothing matches this filter.'}</p>
      ) : (
        <div
          ref={scroller}
          className="timeline-scroller"
          style={{ height: Math.min(height, visible.length * ROW_HEIGHT + 2) }}
          tabIndex={0}
          aria-label="Timeline entries, scrollable"
        >
          <div role="list" aria-label="Timeline" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => (
              <div
                key={visible[row.index]!.id}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: row.size, transform: `translateY(${row.start}px)` }}
              >
                <TimelineRow entry={visible[row.index]!} index={row.index} total={visible.length} />
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
