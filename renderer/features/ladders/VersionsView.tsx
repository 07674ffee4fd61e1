import { format } from 'date-fns';
import { useEffect, useState } from 'react';

import { type LadderSummary, VERSION_HISTORY, type VersionInfoDto } from '../../../shared/ipc/ladders';
import type { CriteriaChange } from '../../../shared/ladder/diff';
import { diffWords } from '../../../shared/ladder/diff';
import { trellis, unwrap } from '../../app/ipc';
import { EmptyState } from '../../ui/EmptyState';
import { SelectField } from '../../ui/SelectField';
import { DiffText } from './CompareView';

const short = (hash: string) => hash.slice(0, 8);
const when = (iso: string) => format(new Date(iso), 'yyyy-MM-dd HH:mm');
const kindLabel: Record<CriteriaChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** Every stored version of the ladder, and what changed between any two of them. */
export function VersionsView({ summary }: { summary: LadderSummary }) {
  const ladderId = summary.id;
  const [versions, setVersions] = useState<VersionInfoDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fromHash, setFrom] = useState<string | null>(null);
  const [toHash, setTo] = useState<string | null>(null);
  const [changes, setChanges] = useState<CriteriaChange[] | null>(null);

  useEffect(() => {
    if (!ladderId) return;
    unwrap(trellis().laddersVersions({ ladderId }))
      .then((list) => {
        setVersions(list);
        setFrom((f) => f ?? list[list.length - 2]?.hash ?? null);
        setTo((t) => t ?? list[list.length - 1]?.hash ?? null);
      })
      .catch((e: Error) => setError(e.message));
  }, [ladderId, summary.hash]);

  useEffect(() => {
    if (!ladderId || !fromHash || !toHash || fromHash === toHash) return;
    unwrap(trellis().laddersVersionDiff({ ladderId, from: fromHash, to: toHash }))
      .then((d) => setChanges(d.changes))
      .catch((e: Error) => setError(e.message));
  }, [ladderId, fromHash, toHash]);

  if (error)
    return (
      <p className="banner banner--error" role="alert">
        {error}
      </p>
    );
  if (!versions) return <p className="loading">Loading versions…</p>;
  const options = versions.map((v) => ({ id: v.hash, label: `${v.version} · ${short(v.hash)} · ${when(v.firstSeen)}` }));

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
                <td>{when(v.firstSeen)}</td>
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
                <span className={`badge ${c.kind === 'removed' ? 'badge--danger' : c.kind === 'added' ? 'badge--accent' : ''}`}>{kindLabel[c.kind]}</span>{' '}
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
