import { useState } from 'react';

import type { WordPart } from '../../../shared/ladder/diff';
import type { Ladder, LadderCompetency } from '../../../shared/ladder/model';
import { levelAsks, type LevelDelta, levelDelta } from '../../../shared/ladder/progression';
import { Checkbox } from '../../ui/Checkbox';
import { cx } from '../../ui/cx';
import { Markdown } from '../../ui/Markdown';
import { SelectField } from '../../ui/SelectField';
import { CriteriaList } from './Criteria';
import { cellAt, cellMatches, expectsLabel, groupsOf, indexCells, levelsOf } from './model';

export interface CompareViewProps {
  ladder: Ladder;
  trackId: string;
  query: string;
}

const progressionNote: Record<LevelDelta['progression'], string> = {
  cumulative: 'Each level includes the ones below it: what is new at a level comes on top of what lower levels ask.',
  incremental: 'Each level lists only what is new at it: a level asks its own criteria and everything below.',
  restated: 'Each level is described in full: a level asks exactly its own criteria.',
};

/**
 * "What does L4 ask beyond L3?", read the way the ladder is written (its `progression`): the
 * criteria new at the higher level, those reworded or no longer asked, the expected step, and what
 * lower levels still ask — each criterion rendered as Markdown with its examples and links.
 */
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
  const down = levels.indexOf(from) > levels.indexOf(to);
  const progression = ladder.tracks.find((t) => t.id === trackId)?.progression ?? ladder.progression ?? 'cumulative';

  const rows = groupsOf(ladder, trackId).map((group) => ({
    group,
    items: group.competencies
      .map((competency) => {
        const a = cellAt(index, trackId, competency.id, from.id);
        const b = cellAt(index, trackId, competency.id, to.id);
        const matches = (a && cellMatches(query, a, competency, from.title)) || (b && cellMatches(query, b, competency, to.title));
        return { competency, delta: levelDelta(ladder, trackId, competency.id, from.id, to.id), matches };
      })
      .filter((r) => r.matches && (!onlyChanges || !r.delta.same)),
  }));
  const all = rows.flatMap((r) => r.items);
  const asksNew = all.filter((r) => r.delta.added.length > 0).length;
  const changed = all.filter((r) => !r.delta.same).length;

  return (
    <section className="compare" aria-labelledby="compare-heading">
      <div className="toolbar">
        <SelectField label="From level" value={from.id} onChange={setFromId} options={options} />
        <SelectField label="To level" value={to.id} onChange={setToId} options={options} />
        <Checkbox isSelected={onlyChanges} onChange={setOnlyChanges}>
          Only competencies that change
        </Checkbox>
      </div>
      <h2 id="compare-heading">{down ? `What ${to.id} asks compared with ${from.id}` : `What ${to.id} asks beyond ${from.id}`}</h2>
      <p className="muted">
        {from.id === to.id
          ? 'Pick two different levels.'
          : changed === 0
            ? 'The two levels ask the same.'
            : `${changed} competenc${changed === 1 ? 'y changes' : 'ies change'}${asksNew > 0 && !down ? `; ${asksNew} ask${asksNew === 1 ? 's' : ''} something new at ${to.id}` : ''}.`}{' '}
        {progressionNote[progression]}
      </p>
      {rows.map(({ group, items }) =>
        items.length === 0 ? null : (
          <div key={group.id} className="compare__group">
            <h3 className="compare__category">{group.name}</h3>
            {items.map(({ competency, delta }) => (
              <CompareRow key={competency.id} ladder={ladder} competency={competency} delta={delta} fromId={from.id} toId={to.id} down={down} />
            ))}
          </div>
        ),
      )}
    </section>
  );
}

interface CompareRowProps {
  ladder: Ladder;
  competency: LadderCompetency;
  delta: LevelDelta;
  fromId: string;
  toId: string;
  down: boolean;
}

function CompareRow({ ladder, competency, delta, fromId, toId, down }: CompareRowProps) {
  const asks = levelAsks(ladder, delta.trackId, competency.id, toId);
  const shown = new Set([...delta.added, ...delta.changed.map((c) => c.after)].map((a) => a.criterion.id));
  const still = asks.all.filter((a) => !shown.has(a.criterion.id));
  const startsHere =
    (delta.status.from === 'not-applicable' || delta.status.from === 'missing') && (delta.status.to === 'defined' || delta.status.to === 'inherited');
  const stops = delta.status.to === 'not-applicable' && delta.status.from !== 'not-applicable';
  const expects = delta.expects;
  const reason = ladder.cells.find((c) => c.trackId === delta.trackId && c.competencyId === competency.id && c.levelId === toId)?.reason;
  const newLabel = down ? `Asked at ${toId}, not at ${fromId}` : 'New at this level';
  const stillLabel =
    delta.progression === 'restated' ? `Asked at both levels` : `Still asked at ${toId}${delta.progression === 'cumulative' ? '' : ' from lower levels'}`;

  return (
    <article className={cx('compare__row', 'card', delta.same && 'is-same')} aria-label={competency.name}>
      <h4>
        {competency.name}
        {delta.same ? (
          <span className="badge">No change</span>
        ) : (
          <>
            {delta.added.length > 0 && <span className="badge badge--accent">{down ? `Only at ${toId}` : `${delta.added.length} new at ${toId}`}</span>}
            {delta.changed.length > 0 && <span className="badge">{delta.changed.length} reworded</span>}
            {delta.removed.length > 0 && <span className="badge badge--warning">{delta.removed.length} no longer asked</span>}
          </>
        )}
      </h4>
      {expects.from !== undefined || expects.to !== undefined ? (
        <p className={cx('compare__expects', expects.change === 'down' && 'is-down')}>
          Expected: {expects.from !== undefined ? expectsLabel(ladder, competency, expects.from) : 'not said'} at {fromId} →{' '}
          <strong>{expects.to !== undefined ? expectsLabel(ladder, competency, expects.to) : 'not said'}</strong> at {toId}
          {expects.change === 'up' && ' (higher)'}
          {expects.change === 'same' && ' (the same)'}
          {expects.change === 'down' && (down ? ' (lower, as expected going down)' : ' (lower: the ladder expects less at the higher level; check the file)')}
        </p>
      ) : null}
      {startsHere && (
        <p className="compare__note">
          Applies from {toId} on; not applicable at {fromId}.
        </p>
      )}
      {stops && (
        <p className="compare__note">
          Not applicable at {toId}
          {reason ? `: ${reason}` : '.'}
        </p>
      )}
      {delta.added.length > 0 && (
        <section className="compare__section compare__section--new" aria-label={newLabel}>
          <h5>{newLabel}</h5>
          <CriteriaList items={delta.added.map((a) => a.criterion)} label={newLabel} />
        </section>
      )}
      {delta.changed.length > 0 && (
        <section className="compare__section" aria-label="Reworded">
          <h5>Reworded at {toId}</h5>
          <ul className="criteria-list">
            {delta.changed.map(({ before, after, words }) => (
              <li key={after.criterion.id} className="criterion">
                <Markdown source={after.criterion.text} policy="ladder" className="criterion__text" />
                <p className="criterion__note small">
                  <span className="muted">Changed words: </span>
                  <DiffWords parts={words} />
                </p>
                <span className="visually-hidden">Before: {before.criterion.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {delta.removed.length > 0 && (
        <section className="compare__section" aria-label={`Not asked at ${toId}`}>
          <h5>Not asked at {toId}</h5>
          <CriteriaList items={delta.removed.map((a) => a.criterion)} label={`Not asked at ${toId}`} className="is-removed" />
        </section>
      )}
      {still.length > 0 && (
        <details className="compare__still">
          <summary>
            {stillLabel} ({still.length} criteri{still.length === 1 ? 'on' : 'a'})
          </summary>
          <CriteriaList
            items={still.map((a) => a.criterion)}
            label={stillLabel}
            notes={new Map(still.filter((a) => a.levelId !== toId).map((a) => [a.criterion.id, `From ${a.levelId}`]))}
          />
        </details>
      )}
      {delta.same && still.length === 0 && !stops && <p className="muted small">Nothing stated at either level.</p>}
    </article>
  );
}

/** One run of a word diff: kept as is, added (underlined) or removed (struck through). */
function wordPart(p: WordPart, i: number) {
  if (p.kind === 'same') return <span key={i}>{p.text}</span>;
  if (p.kind === 'added')
    return (
      <ins key={i} className="diff-added">
        {p.text}
      </ins>
    );
  return (
    <del key={i} className="diff-removed">
      {p.text}
    </del>
  );
}

/** A word diff in one line: removed words struck through, added ones underlined (for small rewordings). */
function DiffWords({ parts }: { parts: WordPart[] }) {
  return <span className="compare__words">{parts.map(wordPart)}</span>;
}

/** One side of a word diff: `before` shows removals struck through, `after` shows additions underlined. */
export function DiffText({ parts, side }: { parts: WordPart[]; side: 'before' | 'after' }) {
  const shown = parts.filter((p) => p.kind === 'same' || (side === 'before' ? p.kind === 'removed' : p.kind === 'added'));
  if (shown.every((p) => !p.text.trim())) return <p className="compare__text muted">Nothing stated.</p>;
  return <p className="compare__text">{shown.map(wordPart)}</p>;
}
