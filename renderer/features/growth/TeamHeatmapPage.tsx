import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useMemo, useState } from 'react';
import { Link } from 'wouter';

import type { Assessment } from '../../../shared/domain/assessments';
import { type AssessmentKind, assessmentKindLabels } from '../../../shared/domain/assessments';
import { type HeatCell, heatmapRow } from '../../../shared/domain/growth-charts';
import type { Person } from '../../../shared/domain/person';
import type { Ladder } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { VirtualTable } from '../../ui/VirtualTable';
import { heatLadders } from './heatmap-ladders';
import { frozenKey, usableLadders, useFrozenLadders, useLadderList } from './useAssessmentLadders';
import { useLatestFinished } from './useLatestFinished';

interface HeatRow {
  person: Person;
  assessment: Assessment;
  /** The frozen version the assessment was made against. */
  ladder: Ladder;
}

interface Column {
  id: string;
  name: string;
}

/** Every row is one line this tall (growth.css keeps it so): rows are never measured. */
const ROW_HEIGHT = 41;
/** Title, toolbar, legend, summary and the turned column names come first: the rows start lower than this (460 px at 1280 × 800). */
const ROWS_START_AT = 440;

const stateWords: Record<HeatCell['state'], string> = {
  below: 'below expected',
  meets: 'as expected',
  above: 'above expected',
  rated: 'nothing expected',
  none: '',
};

const signed = (d: number | undefined) => (d === undefined ? '' : d === 0 ? '=' : `${d > 0 ? '+' : '−'}${Math.abs(d)}`);

/**
 * A manager's team at a glance: people × competencies of one ladder, each cell the person's
 * newest finished assessment against what their level expects. Reads each person's newest
 * assessment only, and draws only the rows in view.
 */
export default function TeamHeatmapPage() {
  const { people, assessments } = useRepositories();
  const [kind, setKind] = useState<AssessmentKind>('manager');
  const active = useLiveQuery(async () => (await people.list()).filter((p) => !p.archived), [people]);
  // Their newest finished assessments, the rows at the top first (see useLatestFinished).
  const read = useLatestFinished(
    assessments,
    useMemo(() => active?.map((p) => p.id), [active]),
    kind,
  );
  const latest = read?.latest;
  const complete = read?.complete ?? false;
  const list = useLadderList();
  const [chosenLadder, setChosenLadder] = useState<string | null>(null);
  const { ids: ladderIds, shown: ladderId } = useMemo(
    () => heatLadders(active ?? [], latest ?? new Map(), complete, chosenLadder),
    [active, latest, complete, chosenLadder],
  );
  const onLadder = useMemo(() => [...(latest?.values() ?? [])].filter((a) => a.ladder.ladderId === ladderId), [latest, ladderId]);
  const ladders = useFrozenLadders(useMemo(() => onLadder.map((a) => a.ladder), [onLadder]));
  // Columns: the competencies of the newest version among them, in the ladder's order. Kept the
  // same array while that ladder is, so rows already drawn are not drawn again as more are read.
  const newestLadder = useMemo(() => {
    const newest = onLadder.reduce<Assessment | undefined>((a, b) => (a === undefined || b.date > a.date ? b : a), undefined);
    return newest ? ladders.get(frozenKey(newest.ladder)) : undefined;
  }, [onLadder, ladders]);
  const columns = useMemo(() => newestLadder?.competencies.map((c) => ({ id: c.id, name: c.name })) ?? [], [newestLadder]);
  // Which people have a row; their cells are worked out only when a row is drawn (HeatRowCells).
  const rows = useMemo(() => {
    const out: HeatRow[] = [];
    for (const person of active ?? []) {
      const assessment = latest?.get(person.id);
      if (!assessment || assessment.ladder.ladderId !== ladderId) continue;
      const ladder = ladders.get(frozenKey(assessment.ladder));
      if (ladder) out.push({ person, assessment, ladder });
    }
    return out;
  }, [active, latest, ladderId, ladders]);
  const names = new Map(usableLadders(list.value).map((l) => [l.id!, l.name ?? l.id!]));
  const without = (active?.length ?? 0) - onLadder.length;
  const assessmentWords = kind === 'self' ? 'self-assessment' : 'manager assessment';

  const loading =
    read === undefined || ladderId === undefined || (onLadder.length > 0 && (ladders.size === 0 || columns.length === 0)) || (rows.length === 0 && !complete);
  return (
    <Page title="Team heatmap" subtitle="Each person’s newest finished assessment, competency by competency, against what their level expects.">
      <p className="growth-crumbs">
        <Link href="/growth">Growth</Link>
      </p>
      <div className="toolbar growth-heat-toolbar">
        <Segmented
          label="Assessments shown"
          options={[
            { id: 'manager', label: assessmentKindLabels.manager },
            { id: 'self', label: assessmentKindLabels.self },
          ]}
          value={kind}
          onChange={setKind}
        />
        {ladderIds.length > 1 && (
          <SelectField<string>
            label="Ladder"
            options={ladderIds.map((id) => ({ id, label: names.get(id) ?? id }))}
            value={ladderId ?? null}
            onChange={setChosenLadder}
          />
        )}
        <ul className="growth-heat-legend" aria-label="Legend">
          <li>
            <span className="growth-heat growth-heat--below">−1</span> below expected
          </li>
          <li>
            <span className="growth-heat growth-heat--meets">=</span> as expected
          </li>
          <li>
            <span className="growth-heat growth-heat--above">+1</span> above expected (steps on the competency’s scale)
          </li>
          <li>
            <span className="growth-heat growth-heat--rated">
              <span className="growth-heat__meter" aria-hidden="true">
                <span style={{ width: '66%' }} />
              </span>
            </span>{' '}
            how far up its scale, where the level expects nothing
          </li>
        </ul>
      </div>
      {loading ? (
        <p className="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState icon="▦" title={`No finished ${assessmentWords}s yet`}>
          <p>Once people’s assessments are finished, each one is a row here.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted small" aria-label="Heatmap summary">
            {rows.length} {rows.length === 1 ? 'person' : 'people'} on {names.get(ladderId!) ?? ladderId}
            {!complete ? ' so far · reading the others’ assessments…' : without > 0 ? ` · ${without} without a finished ${assessmentWords} on it` : ''}
          </p>
          {/* No scrolling box around it: the rows are virtualised against the page's own scroller. */}
          <div className="growth-heat-wrap">
            <VirtualTable
              label="Team heatmap"
              columns={['Person', 'Level', ...columns.map((c) => c.name)]}
              rows={rows}
              rowKey={(r) => r.person.id}
              estimateRowHeight={ROW_HEIGHT}
              fixedRowHeight
              overscan={5}
              rowsStartAt={ROWS_START_AT}
              renderRow={(r) => <HeatRowCells row={r} columns={columns} />}
            />
          </div>
        </>
      )}
    </Page>
  );
}

/**
 * One person's cells, worked out when the row is drawn and kept while it stays the same row
 * (scrolling back draws it again from what it had): opening the heatmap costs the rows in view,
 * not everyone's.
 */
const HeatRowCells = memo(
  function HeatRowCells({ row, columns }: { row: HeatRow; columns: readonly Column[] }) {
    const { ladder, assessment } = row;
    const cells = useMemo(
      () =>
        heatmapRow(
          ladder,
          assessment,
          columns.map((c) => c.id),
        ),
      [ladder, assessment, columns],
    );
    return (
      <>
        <td>
          <Link href={`/growth/assessments/${row.assessment.id}`} title={row.person.name}>
            {row.person.name}
          </Link>
        </td>
        <td>{row.assessment.levelId}</td>
        {cells.map((cell, i) => (
          <td key={cell.competencyId} className="growth-heat-cell">
            <HeatBox cell={cell} competency={columns[i]!.name} />
          </td>
        ))}
      </>
    );
  },
  // Rows are built afresh each time more assessments are read: the same person, assessment and
  // ladder is the same row, drawn already.
  (a, b) => a.columns === b.columns && a.row.person === b.row.person && a.row.assessment === b.row.assessment && a.row.ladder === b.row.ladder,
);

function HeatBox({ cell, competency }: { cell: HeatCell; competency: string }) {
  // Not rated, or not applicable: a dash or "n/a" that fits the one-line row; the words in the title and for screen readers.
  if (cell.state === 'none') {
    const words = `${competency}: ${cell.label.toLowerCase()}`;
    return (
      <span className="muted small" title={words}>
        <span aria-hidden="true">{cell.label === 'Not rated' ? '—' : 'n/a'}</span>
        <span className="visually-hidden">{words}</span>
      </span>
    );
  }
  const words = `${competency}: ${cell.label}${stateWords[cell.state] ? `, ${stateWords[cell.state]}` : ''}`;
  // Where the level expects nothing there is no step to count from: a meter of how far up the
  // scale the rating is, narrow enough for ten columns at 1024 px (its words are in the title).
  if (cell.state === 'rated' && cell.share !== undefined)
    return (
      <span className="growth-heat growth-heat--rated" title={words}>
        <span className="growth-heat__meter" aria-hidden="true">
          <span style={{ width: `${Math.max(8, cell.share)}%` }} />
        </span>
        <span className="visually-hidden">{words}</span>
      </span>
    );
  return (
    <span className={cx('growth-heat', `growth-heat--${cell.state}`)} title={words}>
      <span aria-hidden="true">{cell.state === 'rated' ? cell.label : signed(cell.delta)}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
