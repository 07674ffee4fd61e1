import { useState } from 'react';

import type { Candidate, Decision } from '../../../shared/calibration';
import type { DecisionTextPatch } from '../../db/calibration';
import { VirtualList } from '../../ui/VirtualList';
import { DecisionCard } from './DecisionCard';
import type { Reading } from './reading';

/**
 * A card per candidate, as many as the session holds: only the cards near the view are drawn
 * (a session of 50 packets would otherwise draw 50 forms at once).
 */
export function Decisions({
  candidates,
  decisions,
  reading,
  onReveal,
}: {
  candidates: readonly Candidate[];
  decisions: ReadonlyMap<string, Decision>;
  reading: Reading;
  onReveal: (c: Candidate) => void;
}) {
  const [drafts] = useState(() => new Map<string, DecisionTextPatch>());
  const decided = candidates.filter((c) => decisions.has(c.packet.id));
  return (
    <section aria-labelledby="calibration-decisions">
      <h2 id="calibration-decisions" className="calibration-heading">
        Decisions
      </h2>
      <p className="muted">
        The manager’s proposal stays as it was sent; the committee’s decision is kept beside it. A recorded decision changes only with a reason.
      </p>
      <VirtualList
        label="Decisions"
        items={decided}
        itemKey={(c) => c.packet.id}
        estimateHeight={460}
        overscan={1}
        renderItem={(c) => <DecisionCard candidate={c} decision={decisions.get(c.packet.id)!} reading={reading} onReveal={() => onReveal(c)} drafts={drafts} />}
      />
    </section>
  );
}
