import { useState } from 'react';

import { type LadderSummary, VERSION_HISTORY } from '../../../shared/ipc/ladders';
import type { CriteriaChange } from '../../../shared/ladder/diff';
import { diffWords } from '../../../shared/ladder/diff';
import { useMainQuery } from '../../app/useMain';
import { cx } from '../../ui/cx';
import { formatDateTime } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/SelectField';
import { DiffText } from './CompareView';

const short = (hash: string) => hash.slice(0, 8);
const kindLabel: Record<CriteriaChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** Every stored version of the ladder, and what changed between any two of them. */
export function VersionsView({ summary }: { summary: LadderSummary }) {
  const ladderId = summary.id;
  const stored = useMainQuery('ladders:versions', { ladderId: ladderId ?? '' }, { skip: !ladderId, refreshKey: summary.hash });
  const versions = stored.value;
  // Until the user picks, compare the two newest versions.
  const [fromPick, setFrom] = useState<string | null>(null);
  const [toPick, setTo] = useState<string | null>(null);
  const fromHash = fromPick ?? versions?.[versions.length - 2]?.hash ?? null;
  const toHash = toPick ?? versions?.[versions.length - 1]?.hash ?? null;
  const diff = useMainQuery(
    'ladders:version-diff',
    { ladderId: ladderId ?? '', from: fromHash ?? '', to: toHash ?? '' },
    { skip: !ladderId || !fromHash || !toHash || fromHash === toHash },
  );
  const changes = diff.value?.changes;
  const error = stored.error ?? diff.error;

  if (error)
    return (
      <p className="banner banner--error" role="alert">
        {error}
      </p>
    );
  if (!versions) return <p className="loading">Loading versions…</p>;
  const options = versions.map((v) => ({ id: v.hash, label: `${v.version} · ${short(v.hash)} · ${formatDateTime(v.firstSeen)}` }));

  return (
    <section className="versions" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions of {summary.name}</h2>
      <p className="muted">
        Trellis keeps a copy of the last {VERSION_HISTORY.recent} versions of this ladder it has loaded, and of the last version with each version number, so
        assessments can show the criteria they were made against. Give a release its own version number to keep it for good.
      </p>
      <div className="card">
        <table className="data-table">
          <caption className="visually-hidden">Stored versions</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Content hash</th>
              <th scope="col">First seen</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((v) => (
              <tr key={v.hash}>
                <td>{v.version}</td>
                <td>
                  <code title={v.hash}>{short(v.hash)}</code>
                </td>
                <td>{formatDateTime(v.firstSeen)}</td>
                <td>{v.hash === summary.hash ? <span className="badge badge--accent">In use</span> : <span className="muted">Stored</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length < 2 ? (
        <EmptyState title="Only one version so far">
          <p>When the file changes, the new version is kept too and you can compare them here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <SelectField label="Compare version" value={fromHash} onChange={setFrom} options={options} />
            <SelectField label="With version" value={toHash} onChange={setTo} options={options} />
          </div>
          {fromHash === toHash ? <p className="muted">Pick two different versions.</p> : changes && <ChangeList changes={changes} />}
        </>
      )}
    </section>
  );
}

function ChangeList({ changes }: { changes: CriteriaChange[] }) {
  if (changes.length === 0) return <p className="muted">No criteria changed between these versions.</p>;
  const count = (k: CriteriaChange['kind']) => changes.filter((c) => c.kind === k).length;
  return (
    <>
      <p>
        {count('added')} added, {count('removed')} removed, {count('changed')} changed.
      </p>
      <ul className="change-list">
        {changes.map((c) => {
          const parts = diffWords(c.before ?? '', c.after ?? '');
          return (
            <li key={`${c.competencyId}-${c.levelId}-${c.trackIds.join()}`} className="card change">
              <h3>
                <span className={cx('badge', c.kind === 'removed' && 'badge--danger', c.kind === 'added' && 'badge--accent')}>{kindLabel[c.kind]}</span>{' '}
                {c.competencyName} · {c.levelId} {c.levelTitle}
              </h3>
              <div className="compare__cells">
                <div>
                  <p className="compare__level">Before</p>
                  <DiffText parts={parts} side="before" />
                </div>
                <div>
                  <p className="compare__level">After</p>
                  <DiffText parts={parts} side="after" />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
