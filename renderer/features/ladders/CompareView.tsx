import { useState } from 'react';

import type { Ladder } from '../../../shared/ladder';
import { diffWords, type WordPart } from '../../../shared/ladder/diff';
import { Checkbox } from '../../ui/Checkbox';
import { cx } from '../../ui/cx';
import { SelectField } from '../../ui/SelectField';
import { cellAt, cellMatches, groupsOf, indexCells, levelsOf } from './model';

export interface CompareViewProps {
  ladder: Ladder;
  trackId: string;
  query: string;
}

/** Text shown for a cell in a comparison: what a reader at that level is asked. */
function askedAt(cell: ReturnType<typeof cellAt>): string {
  if (!cell) return '';
  if (cell.status === 'not-applicable') return 'Not applicable.';
  return cell.criteria.trim();
}

/** "What does L4 ask beyond L3?": two levels side by side, word changes marked. */
export function CompareView({ ladder, trackId, query }: CompareViewProps) {
  const levels = levelsOf(ladder, trackId);
  const [fromId, setFromId] = useState<string | null>(levels[levels.length - 2]?.id ?? levels[0]?.id ?? null);
  const [toId, setToId] = useState<string | null>(levels[levels.length - 1]?.id ?? null);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const index = indexCells(ladder);
  const from = levels.find((l) => l.id === fromId) ?? levels[0];
  const to = levels.find((l) => l.id === toId) ?? levels[levels.length - 1];
  if (!from || !to) return <p className="muted">This track has no levels.</p>;
  const options = levels.map((l) => ({ id: l.id, label: `${l.id} ${l.title}` }));

  const rows = groupsOf(ladder, trackId).map((group) => ({
    group,
    items: group.competencies
      .map((competency) => {
        const a = cellAt(index, trackId, competency.id, from.id);
        const b = cellAt(index, trackId, competency.id, to.id);
        const before = askedAt(a);
        const after = askedAt(b);
        const matches = (a && cellMatches(query, a, competency, from.title)) || (b && cellMatches(query, b, competency, to.title));
        return { competency, a, b, parts: diffWords(before, after), same: before === after, matches };
      })
      .filter((r) => r.matches && (!onlyChanges || !r.same)),
  }));
  const changed = rows.reduce((n, r) => n + r.items.filter((i) => !i.same).length, 0);

  return (
    <section className="compare" aria-labelledby="compare-heading">
      <div className="toolbar">
        <SelectField label="From level" value={from.id} onChange={setFromId} options={options} />
        <SelectField label="To level" value={to.id} onChange={setToId} options={options} />
        <Checkbox isSelected={onlyChanges} onChange={setOnlyChanges}>
          Only competencies that change
        </Checkbox>
      </div>
      <h2 id="compare-heading">
        What {to.id} asks beyond {from.id}
      </h2>
      <p className="muted">
        {changed === 0 ? 'The two levels ask the same.' : `${changed} competenc${changed === 1 ? 'y changes' : 'ies change'}.`} Added words are underlined,
        removed words struck through.
      </p>
      {rows.map(({ group, items }) =>
        items.length === 0 ? null : (
          <div key={group.id} className="compare__group">
            <h3 className="compare__category">{group.name}</h3>
            {items.map(({ competency, a, b, parts, same }) => (
              <article key={competency.id} className={cx('compare__row', 'card', same && 'is-same')} aria-label={competency.name}>
                <h4>
                  {competency.name} {same ? <span className="badge">No change</span> : <span className="badge badge--accent">Changes</span>}
                </h4>
                <div className="compare__cells">
                  <div>
                    <p className="compare__level">
                      {from.id} {from.title}
                      {a?.status === 'inherited' && <span className="muted"> · inherited from {a.inheritedFromLevelId}</span>}
                    </p>
                    <DiffText parts={parts} side="before" />
                  </div>
                  <div>
                    <p className="compare__level">
                      {to.id} {to.title}
                      {b?.status === 'inherited' && <span className="muted"> · inherited from {b.inheritedFromLevelId}</span>}
                    </p>
                    <DiffText parts={parts} side="after" />
                  </div>
                </div>
              </article>
            ))}
          </div>
        ),
      )}
    </section>
  );
}

/** One side of a word diff: `before` shows removals struck through, `after` shows additions underlined. */
export function DiffText({ parts, side }: { parts: WordPart[]; side: 'before' | 'after' }) {
  const shown = parts.filter((p) => p.kind === 'same' || (side === 'before' ? p.kind === 'removed' : p.kind === 'added'));
  if (shown.every((p) => !p.text.trim())) return <p className="compare__text muted">Nothing stated.</p>;
  return (
    <p className="compare__text">
      {shown.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} className="diff-added">
            {p.text}
          </ins>
        ) : (
          <del key={i} className="diff-removed">
            {p.text}
          </del>
        ),
      )}
    </p>
  );
}
