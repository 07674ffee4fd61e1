import type { ReactNode } from 'react';

import { type CompetencyTargets, valueLabel } from '../../../shared/domain/assessments';

/** One competency of an assessment: what the level expects, then its ratings (or why it does not apply). */
export function CompetencyCard({ c, children }: { c: CompetencyTargets; children: ReactNode }) {
  const headingId = `competency-${c.competency.id}`;
  const expects = c.asks.expects;
  return (
    <section className="card section-card growth-competency" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h2 id={headingId}>{c.competency.name}</h2>
        {c.categoryName && <span className="muted small">{c.categoryName}</span>}
      </div>
      {expects !== undefined && (
        <p className="muted small">
          Expected at this level: <strong>{valueLabel(c.scale, expects)}</strong> ({c.scale.name})
        </p>
      )}
      {c.ladderNotApplicable ? (
        <p className="muted">Not applicable at this level{c.asks.reason ? `: ${c.asks.reason.replace(/[.\s]+$/, '')}` : ''}.</p>
      ) : (
        children
      )}
    </section>
  );
}
