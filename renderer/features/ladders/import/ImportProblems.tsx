import { importWhere } from './model';

/** What the importer found wrong in the source, by row and column (spreadsheets) or line (YAML, Markdown). */
export function ImportProblems({
  problems,
}: {
  problems: Array<{ severity: 'error' | 'warning'; message: string; hint?: string } & Parameters<typeof importWhere>[0]>;
}) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section
      aria-labelledby="import-problems-heading"
      className={`banner ${errors > 0 ? 'banner--error' : 'banner--warning'}`}
      role={errors > 0 ? 'alert' : undefined}
    >
      <h3 id="import-problems-heading">
        {errors > 0 ? `The file has ${errors} problem${errors === 1 ? '' : 's'}; it cannot be imported as it is` : 'Worth a look before saving'}
      </h3>
      <ul className="problem-list">
        {problems.slice(0, 50).map((p, i) => (
          <li key={i} className={`problem problem--${p.severity}`}>
            <span className={`badge ${p.severity === 'error' ? 'badge--danger' : 'badge--warning'}`}>{p.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
            <code className="problem__where">{importWhere(p)}</code> <span className="problem__message">{p.message}</span>
            {p.hint && <span className="problem__hint muted"> — {p.hint}</span>}
          </li>
        ))}
      </ul>
      {problems.length > 50 && <p className="muted">and {problems.length - 50} more.</p>}
    </section>
  );
}
