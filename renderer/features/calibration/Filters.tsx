import { type CandidateFacts, type Grouping, groupingLabels, groupings } from '../../../shared/calibration';
import { SelectField } from '../../ui/SelectField';
import type { Reading } from './reading';

export type Filters = Record<Grouping, string | null>;
export const noFilters: Filters = { level: null, track: null, team: null, manager: null };

/** Whether a candidate's facts pass every filter set. */
export const passes = (facts: CandidateFacts, filters: Filters) => groupings.every((g) => filters[g] === null || (facts[g] ?? '') === filters[g]);

/** Level, track, team, manager: the values the session's candidates have (teams and managers by pseudonym while anonymised). */
export function CandidateFilters({
  facts,
  filters,
  onChange,
  shown,
  reading,
}: {
  facts: readonly CandidateFacts[];
  filters: Filters;
  onChange: (filters: Filters) => void;
  shown: number;
  reading: Reading;
}) {
  const options = (by: Grouping) => [...new Set(facts.flatMap((f) => (f[by] ? [f[by]] : [])))].map((v) => ({ id: v, label: reading.group(by, v) }));
  return (
    <section className="card section-card" aria-labelledby="calibration-filters">
      <h2 id="calibration-filters">Filter candidates</h2>
      <div className="calibration-filters">
        {groupings.map((g) => (
          <SelectField<string>
            key={g}
            label={groupingLabels[g]}
            options={options(g)}
            value={filters[g]}
            empty="All"
            onChange={(v) => onChange({ ...filters, [g]: v })}
          />
        ))}
        <span className="muted" role="status">
          {shown} of {facts.length} candidates
        </span>
      </div>
    </section>
  );
}
