import { type Candidate, outcomeLabels, type SessionLogEntry } from '../../../shared/calibration';
import { formatDateTime } from '../../ui/dates';
import { VirtualList } from '../../ui/VirtualList';
import type { Reading } from './reading';

function logText(e: SessionLogEntry, who: string): string {
  switch (e.kind) {
    case 'created':
      return `Session started: ${e.detail ?? ''}`;
    case 'opened':
      return `Packets opened: ${e.detail ?? ''}`;
    case 'decided':
      return `${who}: decided ${e.to ? outcomeLabels[e.to] : ''}${e.rationale ? ` (rationale: ${e.rationale})` : ''}`;
    case 'changed':
      return `${who}: changed from ${e.from ? outcomeLabels[e.from] : ''} to ${e.to ? outcomeLabels[e.to] : ''}. Reason: ${e.reason ?? ''}`;
    case 'revealed':
      return `${who}: name shown`;
    case 'key-trusted':
      return `Signing key trusted: ${e.detail ?? ''}`;
    case 'exported':
      return `Decisions exported (${e.detail ?? ''})`;
    case 'renamed':
      return `Session renamed: ${e.detail ?? ''}`;
  }
}

/**
 * Every decision, change, name shown, key trusted, export and rename, with its time, oldest first.
 * A long session logs thousands of entries: the box scrolls on its own (by keyboard too, it takes
 * focus) and only the entries near its view are in the DOM; each says its place in the whole log.
 */
export function SessionLog({ entries, candidates, reading }: { entries: readonly SessionLogEntry[]; candidates: readonly Candidate[]; reading: Reading }) {
  const byId = new Map(candidates.map((c) => [c.packet.id, c]));
  return (
    <section className="card section-card" aria-labelledby="calibration-log">
      <h2 id="calibration-log">Session log</h2>
      <div className="calibration-log" tabIndex={0} role="group" aria-labelledby="calibration-log">
        <VirtualList
          label="Session log"
          items={entries}
          itemKey={(e) => e.id}
          estimateHeight={28}
          overscan={10}
          renderItem={(e) => {
            const c = e.packetId ? byId.get(e.packetId) : undefined;
            return (
              <div className="calibration-log__entry">
                <time dateTime={e.at} className="muted">
                  {formatDateTime(e.at)}
                </time>
                <span>{logText(e, c ? reading.name(c) : 'A candidate')}</span>
              </div>
            );
          }}
        />
      </div>
    </section>
  );
}
