import { useState } from 'react';

import type { Candidate } from '../../../shared/calibration';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import type { Reading } from './reading';

/** Candidates side by side at most: more columns would not be readable, nor quick to draw. */
export const MAX_COMPARED = 4;

/**
 * The candidates proposed for one level, side by side against its criteria, a few at a time:
 * the first ones of the level to begin with; the committee steps through them, or picks whom to
 * set beside whom.
 */
export function Compare({ candidates, reading }: { candidates: readonly Candidate[]; reading: Reading }) {
  const levels = [...new Map(candidates.map((c) => [c.content!.target.levelId, c.content!.target.levelTitle])).entries()];
  const [levelId, setLevelId] = useState<string | null>(null);
  // null: the first ones of the level, until the committee picks.
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  const level = levelId && levels.some(([id]) => id === levelId) ? levelId : (levels[0]?.[0] ?? null);
  const levelTitle = levels.find(([id]) => id === level)?.[1] ?? '';
  const pool = candidates.filter((c) => c.content!.target.levelId === level);
  const compared = chosen === null ? pool.slice(0, MAX_COMPARED) : pool.filter((c) => chosen.includes(c.packet.id)).slice(0, MAX_COMPARED);
  const ids = compared.map((c) => c.packet.id);
  const others = pool.filter((c) => !ids.includes(c.packet.id));
  const start = compared.length > 0 ? pool.indexOf(compared[0]!) : 0;
  const showFrom = (from: number) => setChosen(pool.slice(Math.max(0, from), Math.max(0, from) + MAX_COMPARED).map((c) => c.packet.id));
  const criteria = [...new Map(compared.flatMap((c) => c.content!.criteria.map((cr) => [cr.criterionId, cr] as const))).values()];

  return (
    <section className="card section-card" aria-labelledby="calibration-compare">
      <div className="section-card__header">
        <h2 id="calibration-compare">Compare against the criteria</h2>
        <span className="spacer" />
        <SelectField
          label="Level"
          options={levels.map(([id, title]) => ({ id, label: title }))}
          value={level}
          onChange={(id) => {
            setLevelId(id);
            setChosen(null);
          }}
        />
      </div>
      <div className="calibration-compare-controls" role="group" aria-label="Candidates compared">
        <p className="muted small" role="status">
          {compared.length === 0
            ? `No one compared: add candidates proposed for ${levelTitle}.`
            : `Comparing ${compared.length} of ${pool.length} ${pool.length === 1 ? 'candidate' : 'candidates'} proposed for ${levelTitle}, up to ${MAX_COMPARED} at a time.`}
        </p>
        <ul className="plain-list calibration-chips" aria-label="Compared">
          {compared.map((c) => {
            const name = reading.name(c);
            return (
              <li key={c.packet.id} className="calibration-chip">
                {name}
                <Button
                  size="small"
                  variant="quiet"
                  aria-label={`Remove ${name} from the comparison`}
                  onPress={() => setChosen(ids.filter((id) => id !== c.packet.id))}
                >
                  ×
                </Button>
              </li>
            );
          })}
        </ul>
        <div className="toolbar">
          {others.length > 0 &&
            (compared.length < MAX_COMPARED ? (
              <SelectField<string>
                label="Add to the comparison"
                placeholder="Pick a candidate"
                options={others.map((c) => ({ id: c.packet.id, label: reading.name(c) }))}
                value={null}
                onChange={(id) => setChosen([...ids, id])}
              />
            ) : (
              <span className="muted small">Remove one to add another.</span>
            ))}
          {pool.length > MAX_COMPARED && (
            <>
              <Button size="small" isDisabled={start === 0} onPress={() => showFrom(start - MAX_COMPARED)}>
                Previous {MAX_COMPARED}
              </Button>
              <Button size="small" isDisabled={start + MAX_COMPARED >= pool.length} onPress={() => showFrom(start + MAX_COMPARED)}>
                Next {MAX_COMPARED}
              </Button>
            </>
          )}
        </div>
      </div>
      {compared.length > 0 && (
        <div className="calibration-compare">
          <table className="data-table" aria-label="Candidates by criterion">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                {compared.map((c) => (
                  <th scope="col" key={c.packet.id}>
                    {reading.name(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {criteria.map((cr) => (
                <tr key={cr.criterionId}>
                  <th scope="row">
                    <span className="muted">{cr.competencyName}</span> {cr.text}
                  </th>
                  {compared.map((c) => {
                    const mine = c.content!.criteria.find((x) => x.criterionId === cr.criterionId);
                    return (
                      <td key={c.packet.id}>
                        {!mine ? (
                          <span className="muted">Not in this packet</span>
                        ) : (
                          <>
                            <strong>{mine.evidence.length === 1 ? '1 example' : `${mine.evidence.length} examples`}</strong>
                            {mine.narrative && <p className="calibration-narrative">{reading.text(c, mine.narrative)}</p>}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
