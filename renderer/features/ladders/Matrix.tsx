import { type KeyboardEvent, memo, useRef, useState } from 'react';

import type { Ladder, LadderCompetency, ResolvedCell } from '../../../shared/ladder/model';
import { useInSteps } from '../../ui/in-steps';
import { cellAt, cellMatches, competencyCounts, expectsLabel, expectsPosition, groupsOf, indexCells, levelsOf, preview } from './model';

export interface MatrixProps {
  ladder: Ladder;
  trackId: string;
  query: string;
  onOpen: (cell: ResolvedCell) => void;
}

/** How a cell's state reads, in words (never colour alone). */
export function cellStatusText(cell: ResolvedCell): string | null {
  if (cell.status === 'inherited') return `Inherited from ${cell.inheritedFromLevelId ?? 'the level below'}`;
  if (cell.status === 'not-applicable') return 'Not applicable';
  if (cell.status === 'missing') return 'Not defined';
  return null;
}

/** What a cell shows besides its criteria: the expected step, and whether it goes down from the level below. */
interface CellExtras {
  expects: string | null;
  /** The level below on the track when this cell expects less than it. */
  downFrom: string | null;
}

/**
 * Levels across, competencies down, grouped by category. Every cell is a button that opens it;
 * it shows the expected step and the criteria one by one; inherited and not-applicable cells say
 * so in words, and so does a step lower than the level below's. A competency's weight and points
 * and the track's emphasis are on its row. A search frames the cells that match (and says so to
 * screen readers) and hides competencies with no match at all.
 */
export const Matrix = memo(function Matrix({ ladder, trackId, query, onOpen }: MatrixProps) {
  const levels = levelsOf(ladder, trackId);
  const groups = groupsOf(ladder, trackId);
  const index = indexCells(ladder);
  const searching = query.trim().length > 0;
  const table = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState({ r: 0, c: 0 });
  let matches = 0;
  let rowNumber = 0;
  const track = ladder.tracks.find((t) => t.id === trackId);
  const emphasis = new Map((track?.emphasis ?? []).map((e) => [e.competencyId, e.note]));
  const rows = groups.map((group) => {
    const competencies = group.competencies
      .map((competency) => {
        let below: { levelId: string; position: number } | null = null;
        const cells = levels.map((level) => {
          const cell = cellAt(index, trackId, competency.id, level.id);
          const hit = cell ? cellMatches(query, cell, competency, level.title) : false;
          if (searching && hit) matches++;
          const position = expectsPosition(ladder, competency, cell?.expects);
          const extras: CellExtras = {
            expects: cell?.expects !== undefined && cell.status !== 'not-applicable' ? expectsLabel(ladder, competency, cell.expects) : null,
            downFrom: position !== undefined && below && position < below.position ? below.levelId : null,
          };
          if (position !== undefined) below = { levelId: level.id, position };
          return { level, cell, hit, extras };
        });
        return { competency, cells };
      })
      .filter((row) => !searching || row.cells.some((c) => c.hit))
      .map((row) => ({ ...row, r: rowNumber++ }));
    return { group, competencies };
  });
  // A big ladder has dozens of rows of cells: the first rows come with the screen, the rest a
  // moment later (never one long task that draws them all).
  const drawn = useInSteps(
    rows.flatMap((g) => g.competencies),
    { first: 8, step: 8 },
  ).length;
  // One tab stop for the whole matrix (the last cell used); arrow keys move between cells.
  const current = { r: Math.min(active.r, Math.max(0, rowNumber - 1)), c: Math.min(active.c, Math.max(0, levels.length - 1)) };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, (p: { r: number; c: number }) => { r: number; c: number }> = {
      ArrowRight: (p) => ({ ...p, c: p.c + 1 }),
      ArrowLeft: (p) => ({ ...p, c: p.c - 1 }),
      ArrowDown: (p) => ({ ...p, r: p.r + 1 }),
      ArrowUp: (p) => ({ ...p, r: p.r - 1 }),
      Home: (p) => ({ ...p, c: 0 }),
      End: (p) => ({ ...p, c: levels.length - 1 }),
    };
    const move = moves[event.key];
    if (!move) return;
    const next = move(current);
    const target = table.current?.querySelector<HTMLButtonElement>(`button[data-r="${next.r}"][data-c="${next.c}"]`);
    if (!target) return;
    event.preventDefault();
    setActive(next);
    target.focus();
  };

  return (
    <>
      {searching && (
        <p className="muted" role="status">
          {matches === 0 ? 'No cell matches your search.' : `${matches} cell${matches === 1 ? '' : 's'} match.`}
        </p>
      )}
      <div className="ladder-matrix-scroll card" role="region" aria-label="Ladder matrix">
        <table className="ladder-matrix" ref={table} onKeyDown={onKeyDown}>
          <caption className="visually-hidden">
            Competencies by level on the {ladder.tracks.find((t) => t.id === trackId)?.name} track. Arrow keys move between cells, Enter opens one.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="ladder-matrix__corner">
                Competency
              </th>
              {levels.map((l) => (
                <th key={l.id} scope="col">
                  <span className="ladder-matrix__level-id">{l.id}</span> {l.title !== l.id && <span className="ladder-matrix__level-title">{l.title}</span>}
                </th>
              ))}
            </tr>
          </thead>
          {rows.map(({ group, competencies }) =>
            competencies.length === 0 || competencies[0]!.r >= drawn ? null : (
              <tbody key={group.id}>
                <tr className="ladder-matrix__category">
                  <th scope="colgroup" colSpan={levels.length + 1}>
                    {group.name}
                  </th>
                </tr>
                {competencies
                  .filter(({ r }) => r < drawn)
                  .map(({ competency, cells, r }) => (
                    <tr key={competency.id}>
                      <th scope="row" className="ladder-matrix__competency">
                        <CompetencyHeader competency={competency} emphasis={emphasis.has(competency.id) ? (emphasis.get(competency.id) ?? '') : null} />
                      </th>
                      {cells.map(({ level, cell, hit, extras }, c) => (
                        <td key={level.id} className={searching && hit ? 'is-match' : undefined}>
                          {cell && (
                            <MatrixCell
                              cell={cell}
                              extras={extras}
                              label={`${competency.name}, ${level.id} ${level.title}${searching && hit ? ', matches the search' : ''}`}
                              position={{ r, c }}
                              tabbable={current.r === r && current.c === c}
                              onFocus={() => setActive({ r, c })}
                              onOpen={onOpen}
                            />
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
              </tbody>
            ),
          )}
        </table>
      </div>
    </>
  );
});

/** The row header: the competency, what it counts for, and whether this track puts weight on it. */
function CompetencyHeader({ competency, emphasis }: { competency: LadderCompetency; emphasis: string | null }) {
  const counts = competencyCounts(competency);
  return (
    <>
      <span className="ladder-matrix__competency-name">{competency.name}</span>
      {counts && <span className="ladder-matrix__counts">{counts}</span>}
      {emphasis !== null && (
        <span className="ladder-matrix__emphasis" title={emphasis || undefined}>
          <span className="badge badge--accent">Emphasis</span>
          {emphasis && <span className="visually-hidden">: {emphasis}</span>}
        </span>
      )}
    </>
  );
}

const shownItems = 3;

interface MatrixCellProps {
  cell: ResolvedCell;
  extras: CellExtras;
  label: string;
  position: { r: number; c: number };
  tabbable: boolean;
  onFocus: () => void;
  onOpen: (cell: ResolvedCell) => void;
}

function MatrixCell({ cell, extras, label, position, tabbable, onFocus, onOpen }: MatrixCellProps) {
  const status = cellStatusText(cell);
  const items = cell.status === 'not-applicable' ? [] : (cell.items ?? []);
  const words = [extras.expects ? `expects ${extras.expects}` : null, extras.downFrom ? `lower than at ${extras.downFrom}` : null, status]
    .filter(Boolean)
    .join('; ');
  const links = cell.links.length;
  return (
    <button
      type="button"
      className={`ladder-cell ladder-cell--${cell.status}`}
      onClick={() => onOpen(cell)}
      onFocus={onFocus}
      tabIndex={tabbable ? 0 : -1}
      data-r={position.r}
      data-c={position.c}
      aria-label={`${label}${words ? ` (${words})` : ''}`}
    >
      {status && <span className="ladder-cell__status">{status}</span>}
      {extras.expects && (
        <span className="ladder-cell__expects">
          <span className="ladder-cell__expects-label">Expects</span> {extras.expects}
        </span>
      )}
      {extras.downFrom && <span className="ladder-cell__down">⚠ Lower than at {extras.downFrom}</span>}
      {items.length > 1 ? (
        <span className="ladder-cell__items">
          {items.slice(0, shownItems).map((item) => (
            <span key={item.id} className="ladder-cell__item">
              {preview(item.text, 70)}
            </span>
          ))}
          {items.length > shownItems && <span className="ladder-cell__more">+ {items.length - shownItems} more</span>}
        </span>
      ) : (
        cell.status !== 'not-applicable' && cell.criteria && <span className="ladder-cell__text">{preview(cell.criteria)}</span>
      )}
      {cell.status === 'defined' && (cell.examples.length > 0 || links > 0 || items.length > 1) && (
        <span className="ladder-cell__meta">
          {[
            items.length > 1 ? `${items.length} criteria` : null,
            cell.examples.length > 0 ? `${cell.examples.length} example${cell.examples.length === 1 ? '' : 's'}` : null,
            links > 0 ? `${links} link${links === 1 ? '' : 's'}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
    </button>
  );
}
