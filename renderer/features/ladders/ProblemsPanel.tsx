import type { LadderSummary } from '../../../shared/ipc/ladders';
import type { LadderProblem } from '../../../shared/ladder';
import { Button } from '../../ui/Button';

export const where = (p: Pick<LadderProblem, 'file' | 'line' | 'column'>) => `${p.file}:${p.line}:${p.column}`;

/** Problems as a list: file:line:column, what is wrong, and a hint when there is one. */
export function ProblemList({ problems, onPick }: { problems: LadderProblem[]; onPick?: (problem: LadderProblem) => void }) {
  return (
    <ul className="problem-list">
      {problems.map((p, i) => (
        <li key={`${where(p)}-${p.code}-${i}`} className={`problem problem--${p.severity}`}>
          <span className={`badge ${p.severity === 'error' ? 'badge--danger' : 'badge--warning'}`}>{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
          {onPick ? (
            <button type="button" className="link-button problem__where" onClick={() => onPick(p)} aria-label={`Go to ${where(p)}`}>
              <code>{where(p)}</code>
            </button>
          ) : (
            <code className="problem__where">{where(p)}</code>
          )}{' '}
          <span className="problem__message">{p.message}</span>
          {p.hint && <span className="problem__hint muted">{p.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Shown above a ladder whose file has problems. Says plainly which version stays in use, so a
 * half-finished edit in another editor never looks like data loss. `compact`: above the YAML
 * editor, which lists the problems beside the text.
 */
export function ProblemsPanel({ summary, onOpenEditor, compact = false }: { summary: LadderSummary; onOpenEditor?: () => void; compact?: boolean }) {
  const errors = summary.problems.filter((p) => p.severity === 'error');
  if (summary.problems.length === 0) return null;
  const heading =
    errors.length === 0
      ? `${summary.file}: ${summary.problems.length} warning${summary.problems.length === 1 ? '' : 's'}`
      : `${summary.file} has ${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  return (
    <section
      className={`banner ${errors.length > 0 ? 'banner--error' : 'banner--warning'} problems-panel`}
      aria-labelledby="ladder-problems-heading"
      role={errors.length > 0 ? 'alert' : undefined}
    >
      <div className="problems-panel__header">
        <h2 id="ladder-problems-heading">{heading}</h2>
        {onOpenEditor && (
          <Button size="small" onPress={onOpenEditor}>
            Open in editor
          </Button>
        )}
      </div>
      {summary.status === 'invalid-using-last-valid' && (
        <p>
          Trellis keeps using the last valid version{summary.version ? ` (${summary.version})` : ''} until the file is fixed. Nothing in the file was changed.
        </p>
      )}
      {summary.status === 'invalid' && <p>There is no earlier valid version of this file to show. Fix the problems below.</p>}
      {/* In the editor the list is beside the text (and follows the typing), so it is not repeated here. */}
      {!compact && <ProblemList problems={summary.problems} />}
    </section>
  );
}
