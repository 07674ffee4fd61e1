import './calibration.css';

import { useState } from 'react';

import { openCandidates, type OpenedCandidate, shortFingerprint } from '../../../shared/packets';
import { errorMessage } from '../../app/errors';
import { useMainCall, useMainQuery } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';

const flagLabel: Record<string, string> = {
  changed: 'Changed after export',
  unreadable: 'Cannot be read',
  unsigned: 'Unsigned',
  'bad-signature': 'Signature does not match',
  'other-ladder-version': 'Other ladder version',
  'unknown-ladder': 'Unknown ladder',
};

/**
 * The committee's workspace: open packet files (several at once, in main's dialog), see which can
 * be trusted and judged against the ladder in use, and compare candidates proposed for the same
 * level criterion by criterion, anonymised unless the committee chooses otherwise.
 */
export default function CalibrationPage() {
  const call = useMainCall();
  const list = useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'] });
  const [candidates, setCandidates] = useState<OpenedCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState(true);
  const [levelId, setLevelId] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    try {
      const { files } = await call('packets:open-files');
      if (files.length === 0) return;
      const inUse = new Map<string, { hash: string; version: string }>();
      for (const l of list.status === 'ready' ? list.value.ladders : []) {
        if (l.id && l.hash && l.status !== 'invalid' && (!inUse.has(l.id) || l.origin === 'user')) inUse.set(l.id, { hash: l.hash, version: l.version ?? '' });
      }
      const opened = await openCandidates(files, inUse);
      setCandidates((c) => [...c, ...opened]);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const readable = candidates.filter((c) => c.content);
  const nameOf = (c: OpenedCandidate) => (anonymous ? `Candidate ${readable.indexOf(c) + 1}` : (c.content?.person.name ?? c.fileName));
  const levels = [...new Map(readable.map((c) => [c.content!.target.levelId, c.content!.target.levelTitle])).entries()];
  const level = levelId ?? levels[0]?.[0] ?? null;
  const compared = readable.filter((c) => c.content!.target.levelId === level);
  const criteria = [...new Map(compared.flatMap((c) => c.content!.criteria.map((cr) => [cr.criterionId, cr] as const))).values()];

  return (
    <Page
      title="Calibration"
      subtitle="Open the packets managers sent; each is checked (hash, schema, signature, ladder version) before it is read."
      actions={
        <Button variant="primary" onPress={() => void open()}>
          Open packets…
        </Button>
      }
    >
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {candidates.length === 0 ? (
        <EmptyState icon="⚖" title="No packets open">
          <p>Open the packet files (JSON) to review; you can pick many at once.</p>
        </EmptyState>
      ) : (
        <>
          <section className="card section-card" aria-labelledby="calibration-files">
            <div className="section-card__header">
              <h2 id="calibration-files">Packets</h2>
              <Checkbox isSelected={anonymous} onChange={setAnonymous}>
                Anonymised reading
              </Checkbox>
            </div>
            <table className="data-table" aria-label="Opened packets">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Proposed level</th>
                  <th scope="col">Sent by</th>
                  <th scope="col">Checks</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c, i) => (
                  <tr key={`${c.fileName}-${i}`}>
                    <td>{c.fileName}</td>
                    <td>{c.content ? nameOf(c) : '—'}</td>
                    <td>{c.content ? c.content.target.levelTitle : '—'}</td>
                    <td>{c.fingerprint ? `Key ${shortFingerprint(c.fingerprint)}` : '—'}</td>
                    <td>
                      {c.flags.length === 0 ? (
                        <span className="badge badge--accent">Verified</span>
                      ) : (
                        <ul className="plain-list calibration-flags">
                          {c.flags.map((f) => (
                            <li key={f.flag}>
                              <span
                                className={
                                  f.flag === 'changed' || f.flag === 'bad-signature' || f.flag === 'unreadable' ? 'badge badge--danger' : 'badge badge--warning'
                                }
                              >
                                {flagLabel[f.flag]}
                              </span>{' '}
                              <span className="muted">{f.message}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {readable.length > 0 && (
            <section className="card section-card" aria-labelledby="calibration-compare">
              <div className="section-card__header">
                <h2 id="calibration-compare">Compare against the criteria</h2>
                <SelectField label="Level" options={levels.map(([id, title]) => ({ id, label: title }))} value={level} onChange={setLevelId} />
              </div>
              <div className="calibration-compare">
                <table className="data-table" aria-label="Candidates by criterion">
                  <thead>
                    <tr>
                      <th scope="col">Criterion</th>
                      {compared.map((c) => (
                        <th scope="col" key={readable.indexOf(c)}>
                          {nameOf(c)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {criteria.map((cr) => (
                      <tr key={cr.criterionId}>
                        <th scope="row">
                          <span className="muted">{cr.competencyName}</span> {cr.text}
                        </th>
                        {compared.map((c) => {
                          const mine = c.content!.criteria.find((x) => x.criterionId === cr.criterionId);
                          return (
                            <td key={readable.indexOf(c)}>
                              {!mine ? (
                                <span className="muted">Not in this packet</span>
                              ) : (
                                <>
                                  <strong>{mine.evidence.length === 1 ? '1 example' : `${mine.evidence.length} examples`}</strong>
                                  {mine.narrative && <p className="calibration-narrative">{mine.narrative}</p>}
                                </>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
