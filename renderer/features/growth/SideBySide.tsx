import { compareCounts, type CompareKind, type CompareRow, differenceWords, type RatedSide, type VersusExpected } from '../../../shared/domain/compare';
import { cx } from '../../ui/cx';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/SelectField';
import { CategoryProfile } from './CategoryProfile';
import { assessmentLabel, type Comparison } from './useComparison';

const groupTitles: Record<CompareKind, string> = {
  differ: 'Different views',
  'one-side': 'Rated by one side only',
  agree: 'Same view',
  unrated: 'Not rated yet',
};

const versusWords: Record<VersusExpected, string> = { below: 'below expected', meets: 'as expected', above: 'above expected' };

/** Which self-assessment and which manager assessment to compare. */
export function ComparisonPickers({
  comparison,
  onChange,
}: {
  comparison: Comparison;
  onChange: (chosen: { selfId?: string | null; managerId?: string | null }) => void;
}) {
  return (
    <div className="form-grid growth-pickers">
      <SelectField<string>
        label="Self-assessment"
        options={comparison.selves.map((a) => ({ id: a.id, label: assessmentLabel(a) }))}
        value={comparison.self?.id ?? null}
        onChange={(selfId) => onChange({ selfId })}
        placeholder="None yet"
      />
      <SelectField<string>
        label="Manager assessment"
        options={comparison.managers.map((a) => ({ id: a.id, label: assessmentLabel(a) }))}
        value={comparison.manager?.id ?? null}
        onChange={(managerId) => onChange({ managerId })}
        placeholder="None yet"
      />
    </div>
  );
}

function Side({ side, versus }: { side: RatedSide | undefined; versus: VersusExpected | null }) {
  if (!side || (side.value === undefined && side.notApplicable === undefined)) return <span className="muted">Not rated</span>;
  return (
    <>
      <strong>{side.label}</strong>
      {versus && <span className={cx('growth-versus', `growth-versus--${versus}`)}> · {versusWords[versus]}</span>}
      {side.notApplicable && <p className="muted small growth-side__comment">{side.notApplicable}</p>}
      {side.comment && <p className="muted small growth-side__comment">{side.comment}</p>}
    </>
  );
}

/** The comparison table: one row per criterion (or competency), grouped differences first. */
export function SideBySideTable({ rows, levelId }: { rows: readonly CompareRow[]; levelId: string }) {
  const groups = (['differ', 'one-side', 'agree', 'unrated'] as const)
    .map((kind) => ({ kind, rows: rows.filter((r) => r.kind === kind) }))
    .filter((g) => g.rows.length);
  return (
    <div className="card growth-table-card">
      <table className="data-table growth-compare" aria-label="Side by side">
        <thead>
          <tr>
            <th scope="col">Competency and criterion</th>
            <th scope="col">Self</th>
            <th scope="col">Manager</th>
            <th scope="col">Expected at {levelId}</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.kind}>
            <tr className="growth-compare__group">
              <th scope="rowgroup" colSpan={5}>
                {groupTitles[g.kind]} ({g.rows.length})
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr key={r.key} className={cx(r.kind === 'differ' && 'growth-compare__differ')}>
                <th scope="row">
                  <span className="growth-compare__competency">{r.competencyName}</span>
                  {r.criterion && <span className="growth-compare__criterion">{r.criterion}</span>}
                </th>
                <td>
                  <Side side={r.self} versus={r.versus.self} />
                </td>
                <td>
                  <Side side={r.manager} versus={r.versus.manager} />
                </td>
                <td>{r.expected?.label ?? <span className="muted">Not stated</span>}</td>
                <td>
                  <span className={cx('badge', r.kind === 'differ' && 'badge--warning')}>{differenceWords(r)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The summary line, notes and table of a comparison, or why there is nothing to compare. */
export function ComparisonBody({ comparison }: { comparison: Comparison }) {
  const { base, ladder, rows, notes, error, self, manager } = comparison;
  if (!base)
    return (
      <EmptyState icon="⇄" title="No assessments to compare yet">
        <p>Start a self-assessment or a manager assessment (or import the self-assessment file) first.</p>
      </EmptyState>
    );
  if (error || !ladder)
    return (
      <p className="banner banner--error" role="alert">
        The ladder version the assessments were made against ({base.ladder.ladderId} {base.ladder.version}) cannot be shown{error ? `: ${error}` : '.'}
      </p>
    );
  const counts = compareCounts(rows);
  return (
    <>
      <p className="growth-compare-summary" aria-label="Comparison summary">
        {counts.differ} different, {counts.oneSide} rated by one side only, {counts.agree} the same
        {counts.unrated ? `, ${counts.unrated} not rated yet` : ''} · against {ladder.name} {base.ladder.version}, level {base.levelId}
        {!self ? ' · no self-assessment yet' : ''}
        {!manager ? ' · no manager assessment yet' : ''}
      </p>
      {notes.map((n) => (
        <p key={n} className="banner banner--warning" role="note">
          {n}
        </p>
      ))}
      <SideBySideTable rows={rows} levelId={base.levelId} />
      <CategoryProfile ladder={ladder} base={base} {...(self ? { self } : {})} {...(manager ? { manager } : {})} />
    </>
  );
}
