import './growth.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { coverage, type CoverageCell, type EvidenceItem, lastQuarters, quarterLabel, quarterStart } from '../../../shared/evidence/coverage';
import type { EvidenceKind } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { useCurrentLadder } from '../../app/useLadders';
import { evidenceFor, evidenceKindsRegistered } from '../../db/evidence';
import { cx } from '../../ui/cx';
import { ChartFrame } from './ChartFrame';

/** Four quarters: the one today is in and the three before it (about the last twelve months). */
const QUARTERS = 4;

/** What counts as evidence written during the year (assessments and stretch projects are judgements and plans, not entries). */
const COUNTED: readonly EvidenceKind[] = ['meeting', 'feedback', 'win', 'goal-check-in'];

const kindWords: Partial<Record<EvidenceKind, [string, string]>> = {
  meeting: ['1:1', '1:1s'],
  feedback: ['feedback entry', 'feedback entries'],
  win: ['win', 'wins'],
  'goal-check-in': ['goal check-in', 'goal check-ins'],
};

const plural = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

function cellWords(cell: CoverageCell): string {
  if (cell.count === 0) return 'nothing';
  return COUNTED.flatMap((k) => (cell.byKind[k] ? [plural(cell.byKind[k]!, kindWords[k]!)] : [])).join(', ');
}

/** Colour steps: none, one entry, two or three, four or more. */
const level = (count: number) => (count === 0 ? 0 : count === 1 ? 1 : count < 4 ? 2 : 3);

/**
 * The entries "Evidence this year" counts for a person: one evidenceFor read of their last four
 * quarters through each kind's [personId+date] index, live. The person page calls it as it
 * mounts, beside its own reads, so the coverage is drawn with the page rather than after it.
 */
export function useCoverageEvidence(personId: string): CoverageEvidence | undefined {
  const { db } = useRepositories();
  const today = todayIso();
  const quarters = useMemo(() => lastQuarters(today, QUARTERS), [today]);
  return useLiveQuery(async () => {
    const items = await evidenceFor(
      db,
      { personId, from: quarterStart(quarters[0]!), to: today },
      evidenceKindsRegistered().filter((k) => COUNTED.includes(k)),
    );
    return { personId, quarters, items };
  }, [db, personId, quarters, today]);
}

/** What useCoverageEvidence read: for whom, which quarters, and the entries. */
export interface CoverageEvidence {
  personId: string;
  quarters: readonly string[];
  items: readonly EvidenceItem[];
}

/**
 * "Evidence all year": per competency of the person's ladder level, how many entries (1:1s that
 * name it, feedback, wins, goal check-ins) each of the last four quarters has, so gaps and
 * recency show long before review time, from what useCoverageEvidence read.
 */
export function EvidenceCoverage({ person, evidence }: { person: Person; evidence: CoverageEvidence | undefined }) {
  const { ladder, loading } = useCurrentLadder(person.placement?.ladderId ?? null);
  const trackId = person.placement?.trackId;
  const competencies = useMemo(
    () => (ladder && trackId ? ladder.competencies.filter((c) => c.trackIds.includes(trackId)).map((c) => ({ id: c.id, name: c.name })) : []),
    [ladder, trackId],
  );
  // An answer for another person (the page moved on, its read not back yet) is not shown.
  const current = evidence?.personId === person.id ? evidence : undefined;
  const items = current?.items;
  const quarters = current?.quarters;
  // Each cell by competency and quarter, looked up by key (not searched for) while drawing.
  const cells = useMemo(() => {
    const byKey = new Map<string, CoverageCell>();
    if (items && quarters)
      for (const cell of coverage(
        items,
        competencies.map((c) => c.id),
        quarters,
      ))
        byKey.set(`${cell.competencyId}\0${cell.quarter}`, cell);
    return byKey;
  }, [items, competencies, quarters]);

  if (!person.placement) return null;
  if (loading || items === undefined || quarters === undefined)
    return (
      <section className="card section-card" aria-label="Evidence this year">
        <p className="loading">Loading evidence…</p>
      </section>
    );
  if (competencies.length === 0) return null;

  const at = (c: string, q: string) => cells.get(`${c}\0${q}`)!;
  const empty = competencies.filter((c) => quarters.every((q) => at(c.id, q).count === 0));
  const total = new Set(items.filter((i) => i.competencyIds.some((id) => competencies.some((c) => c.id === id))).map((i) => `${i.kind}:${i.id}`)).size;
  const summary =
    `Evidence per competency over the last four quarters: ${total} ${total === 1 ? 'entry names' : 'entries name'} a competency` +
    (empty.length ? `; nothing yet for ${empty.map((c) => c.name).join(', ')}.` : '.');

  return (
    <ChartFrame
      id="evidence-coverage"
      title="Evidence this year"
      summary={summary}
      fit
      chart={
        <div className="coverage" style={{ gridTemplateColumns: `minmax(8rem, 14rem) repeat(${quarters.length}, minmax(3rem, 1fr))` }} aria-hidden="true">
          <span />
          {quarters.map((q) => (
            <span key={q} className="coverage__quarter">
              {quarterLabel(q)}
            </span>
          ))}
          {competencies.map((c) => (
            <div key={c.id} className="coverage__row">
              <span className="coverage__name" title={c.name}>
                {c.name}
              </span>
              {quarters.map((q) => {
                const cell = at(c.id, q);
                return (
                  <span
                    key={q}
                    className={cx('coverage__cell', `coverage__cell--${level(cell.count)}`)}
                    title={`${c.name}, ${quarterLabel(q)}: ${cellWords(cell)}`}
                  >
                    {cell.count || ''}
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      }
      table={
        <div className="data-table-card">
          <table className="data-table" aria-label="Evidence per competency and quarter">
            <thead>
              <tr>
                <th scope="col">Competency</th>
                {quarters.map((q) => (
                  <th key={q} scope="col">
                    {quarterLabel(q)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {competencies.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  {quarters.map((q) => {
                    const cell = at(c.id, q);
                    return (
                      <td key={q}>
                        <strong>{cell.count}</strong>
                        {cell.count > 0 && <span className="muted small"> · {cellWords(cell)}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
