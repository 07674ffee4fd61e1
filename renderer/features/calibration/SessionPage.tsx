import './calibration.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';

import {
  anonymiseText,
  type CalibrationSession,
  type Candidate,
  candidatesOf,
  type Decision,
  type DecisionOutcome,
  decisionOutcomes,
  decisionRows,
  decisionsCsv,
  decisionsHtml,
  distribution,
  factsOf,
  type Grouping,
  groupingLabels,
  groupings,
  MIN_GROUP_SIZE,
  outcomeLabels,
  pseudonymsFor,
  type SessionFlag,
  type SessionLogEntry,
  timeInLevelBands,
} from '../../../shared/calibration';
import { openCandidates, shortFingerprint, summaryFields } from '../../../shared/packets';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { UnsavedWrite } from '../../app/unsaved';
import { useMainCall, useMainQuery } from '../../app/useMain';
import type { DecisionTextPatch } from '../../db/calibration';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { formatDate, formatDateTime } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { FormActions } from '../../ui/FormActions';
import { Page } from '../../ui/Page';
import { RadioGroupField } from '../../ui/RadioGroupField';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { SaveFailed, type SaveState, saveStateLabel, useAutosave } from '../one-on-ones';

const flagLabel: Record<SessionFlag, string> = {
  changed: 'Changed after export',
  unreadable: 'Cannot be read',
  unsigned: 'Unsigned',
  'bad-signature': 'Signature does not match',
  'other-ladder-version': 'Other ladder version',
  'unknown-ladder': 'Unknown ladder',
  'new-key': 'Key not seen before',
};
const dangerFlags = new Set<SessionFlag>(['changed', 'bad-signature', 'unreadable']);

export default function SessionPage({ id }: { id: string }) {
  const { calibration } = useRepositories();
  const session = useLiveQuery(async () => (await calibration.getSession(id)) ?? null, [calibration, id]);
  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null)
    return (
      <Page title="Session not found">
        <EmptyState icon="?" title="This calibration session does not exist">
          <p>
            It may have been deleted in another window. <Link href="/calibration">All sessions</Link>
          </p>
        </EmptyState>
      </Page>
    );
  return <Workspace key={session.id} session={session} />;
}

/** Who a candidate is in the views: a pseudonym until the committee shows the name on purpose. */
interface Reading {
  shown: (c: Candidate) => boolean;
  name: (c: Candidate) => string;
  manager: (c: Candidate) => string;
  team: (c: Candidate) => string;
  text: (c: Candidate, text: string) => string;
  /** A team or manager name as the filters and distribution show it. */
  group: (by: Grouping, value: string) => string;
}

function Workspace({ session }: { session: CalibrationSession }) {
  const { calibration } = useRepositories();
  const call = useMainCall();
  const { announce } = useStatus();
  const list = useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'] });
  const packets = useLiveQuery(() => calibration.packets(session.id), [calibration, session.id]);
  const decisionList = useLiveQuery(() => calibration.decisions(session.id), [calibration, session.id]);
  const log = useLiveQuery(() => calibration.logOf(session.id), [calibration, session.id]);
  const fingerprints = useMemo(() => [...new Set((packets ?? []).flatMap((p) => (p.fingerprint ? [p.fingerprint] : [])))], [packets]);
  const keys = useLiveQuery(() => calibration.knownKeys(fingerprints), [calibration, fingerprints]);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<Record<Grouping, string | null>>({ level: null, track: null, team: null, manager: null });
  const [trusting, setTrusting] = useState<string | null>(null);

  const candidates = useMemo(() => candidatesOf(packets ?? []), [packets]);
  const decisions = useMemo(() => new Map((decisionList ?? []).map((d) => [d.id, d])), [decisionList]);
  const readable = candidates.filter((c) => c.content);
  const allShown = readable.length > 0 && readable.every((c) => revealed.has(c.packet.id));
  const managers = useMemo(
    () =>
      pseudonymsFor(
        readable.map((c) => c.content!.preparedBy?.name),
        'Manager',
      ),
    [readable],
  );
  const teams = useMemo(
    () =>
      pseudonymsFor(
        readable.map((c) => c.content!.person.team),
        'Team',
      ),
    [readable],
  );
  const reading: Reading = {
    shown: (c) => revealed.has(c.packet.id),
    name: (c) => (revealed.has(c.packet.id) ? (c.content?.person.name ?? c.pseudonym) : c.pseudonym),
    manager: (c) => {
      const m = c.content?.preparedBy?.name;
      return !m ? 'Not given' : revealed.has(c.packet.id) ? m : (managers.get(m) ?? m);
    },
    team: (c) => {
      const t = c.content?.person.team;
      return !t ? 'Not given' : revealed.has(c.packet.id) ? t : (teams.get(t) ?? t);
    },
    text: (c, text) => {
      if (revealed.has(c.packet.id) || !c.content) return text;
      const m = c.content.preparedBy?.name;
      return anonymiseText(text, [{ name: c.content.person.name, as: c.pseudonym }, ...(m ? [{ name: m, as: managers.get(m) ?? 'the manager' }] : [])]);
    },
    group: (by, value) => (allShown ? value : by === 'team' ? (teams.get(value) ?? value) : by === 'manager' ? (managers.get(value) ?? value) : value),
  };

  const facts = useMemo(
    () =>
      new Map(
        readable.flatMap((c) => {
          const f = factsOf(c, decisions.get(c.packet.id));
          return f ? [[c.packet.id, f] as const] : [];
        }),
      ),
    [readable, decisions],
  );
  const filtered = readable.filter((c) => {
    const f = facts.get(c.packet.id)!;
    return groupings.every((g) => filters[g] === null || (f[g] ?? '') === filters[g]);
  });

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
      await calibration.addPackets(
        session.id,
        opened.map((o, i) => ({ fileName: o.fileName, text: files[i]!.text ?? null, fingerprint: o.fingerprint, flags: o.flags })),
      );
      announce(`${opened.length === 1 ? 'One packet' : `${opened.length} packets`} added to the session`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const reveal = async (targets: readonly Candidate[]) => {
    const fresh = targets.filter((c) => !revealed.has(c.packet.id));
    if (fresh.length === 0) return;
    setRevealed((r) => new Set([...r, ...fresh.map((c) => c.packet.id)]));
    try {
      for (const c of fresh) await calibration.recordReveal(session.id, c.packet.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const exportDecisions = async (format: 'CSV' | 'PDF') => {
    setError(null);
    try {
      const rows = decisionRows(readable, decisions, log ?? []);
      const suggestedName = `${session.name} decisions`.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'decisions';
      const result =
        format === 'CSV'
          ? await call('files:save-text', { kind: 'csv', title: 'Export the decisions as CSV', suggestedName, content: decisionsCsv(rows) })
          : await call('packets:save-pdf', {
              title: 'Export the decisions as PDF',
              suggestedName,
              html: decisionsHtml(session, rows, { exportedOn: formatDate(new Date().toISOString().slice(0, 10), 'long'), formatStamp: formatDateTime }),
            });
      if (result.saved) {
        await calibration.recordExport(session.id, format, result.path ?? 'the file chosen');
        announce(`Decisions exported to ${result.path ?? 'the file you chose'}`);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const options = (by: Grouping) => {
    const values = [
      ...new Set(
        readable.flatMap((c) => {
          const v = facts.get(c.packet.id)?.[by];
          return v ? [v] : [];
        }),
      ),
    ];
    return values.map((v) => ({ id: v, label: reading.group(by, v) }));
  };
  const keyOf = new Map((keys ?? []).flatMap((k) => (k ? [[k.id, k] as const] : [])));

  return (
    <Page
      title={session.name}
      subtitle={
        <>
          {session.scope && <>{session.scope} · </>}
          <Link href="/calibration">All sessions</Link>
        </>
      }
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
      {packets === undefined ? (
        <p className="loading">Loading…</p>
      ) : candidates.length === 0 ? (
        <EmptyState icon="⚖" title="No packets open">
          <p>Open the packet files (JSON) to review; you can pick many at once. Each is checked (hash, schema, signature, ladder version) before it is read.</p>
        </EmptyState>
      ) : (
        <>
          <section className="card section-card" aria-labelledby="calibration-files">
            <div className="section-card__header">
              <h2 id="calibration-files">Packets</h2>
              <span className="spacer" />
              {readable.length > 0 &&
                (allShown ? (
                  <span className="badge">Names shown</span>
                ) : (
                  <Button size="small" onPress={() => void reveal(readable)}>
                    Show all names
                  </Button>
                ))}
            </div>
            <p className="muted small">
              Anonymised reading: names, managers and teams are hidden and pronouns in narratives made neutral. Showing a name is recorded in the session log.
            </p>
            <div className="data-table-card">
              <table className="data-table" aria-label="Opened packets">
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col">Candidate</th>
                    <th scope="col">Proposed level</th>
                    <th scope="col">Signed with</th>
                    <th scope="col">Checks</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((c) => {
                    const key = c.packet.fingerprint ? keyOf.get(c.packet.fingerprint) : undefined;
                    return (
                      <tr key={c.packet.id}>
                        <td>{c.packet.fileName}</td>
                        <td>{c.content ? reading.name(c) : '—'}</td>
                        <td>{c.content ? c.content.target.levelTitle : '—'}</td>
                        <td>
                          {c.packet.fingerprint ? (
                            <span className="calibration-key">
                              <span className="calibration-fingerprint" title={c.packet.fingerprint}>
                                {shortFingerprint(c.packet.fingerprint).slice(0, 19)}…
                              </span>{' '}
                              {key?.trusted ? (
                                <>
                                  <span className="badge badge--accent">Trusted</span> <span className="muted">{key.label}</span>
                                </>
                              ) : (
                                <Button
                                  size="small"
                                  variant="quiet"
                                  aria-label={`Trust the key of ${c.packet.fileName}`}
                                  onPress={() => setTrusting(c.packet.fingerprint)}
                                >
                                  Trust key…
                                </Button>
                              )}
                            </span>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          {c.packet.flags.length === 0 ? (
                            <span className="badge badge--accent">Verified</span>
                          ) : (
                            <ul className="plain-list calibration-flags">
                              {c.packet.flags.map((f) => (
                                <li key={f.flag}>
                                  <span className={dangerFlags.has(f.flag) ? 'badge badge--danger' : 'badge badge--warning'}>{flagLabel[f.flag]}</span>{' '}
                                  <span className="muted">{f.message}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          {readable.length > 0 && (
            <section className="card section-card" aria-labelledby="calibration-filters">
              <h2 id="calibration-filters">Filter candidates</h2>
              <div className="calibration-filters">
                {groupings.map((g) => (
                  <SelectField<string>
                    key={g}
                    label={groupingLabels[g]}
                    options={options(g)}
                    value={filters[g]}
                    empty="All"
                    onChange={(v) => setFilters((f) => ({ ...f, [g]: v }))}
                  />
                ))}
                <span className="muted" role="status">
                  {filtered.length} of {readable.length} candidates
                </span>
              </div>
            </section>
          )}

          {filtered.length > 0 && <Comparison candidates={filtered} reading={reading} />}

          {filtered.length > 0 && (
            <section aria-labelledby="calibration-decisions">
              <h2 id="calibration-decisions" className="calibration-heading">
                Decisions
              </h2>
              <p className="muted">
                The manager’s proposal stays as it was sent; the committee’s decision is kept beside it. A recorded decision changes only with a reason.
              </p>
              <div className="calibration-decisions">
                {filtered.map((c) => {
                  const d = decisions.get(c.packet.id);
                  return d ? <DecisionCard key={c.packet.id} candidate={c} decision={d} reading={reading} onReveal={() => void reveal([c])} /> : null;
                })}
              </div>
            </section>
          )}

          {readable.length > 0 && <Distribution facts={[...facts.values()]} reading={reading} />}
        </>
      )}

      {log && log.length > 0 && <SessionLog entries={log} candidates={candidates} reading={reading} />}

      {readable.length > 0 && (
        <section className="card section-card" aria-labelledby="calibration-export">
          <h2 id="calibration-export">Export the decisions</h2>
          <p>
            For HR records: every candidate with their name, the manager’s proposal, the decision, its rationale and open questions. The export is noted in the
            log.
          </p>
          <div className="toolbar">
            <Button onPress={() => void exportDecisions('CSV')}>Export CSV…</Button>
            <Button onPress={() => void exportDecisions('PDF')}>Export PDF…</Button>
          </div>
        </section>
      )}
      {trusting && <TrustKeyDialog sessionId={session.id} fingerprint={trusting} onClose={() => setTrusting(null)} />}
    </Page>
  );
}

function Comparison({ candidates, reading }: { candidates: Candidate[]; reading: Reading }) {
  const levels = [...new Map(candidates.map((c) => [c.content!.target.levelId, c.content!.target.levelTitle])).entries()];
  const [levelId, setLevelId] = useState<string | null>(null);
  const level = levelId && levels.some(([id]) => id === levelId) ? levelId : (levels[0]?.[0] ?? null);
  const compared = candidates.filter((c) => c.content!.target.levelId === level);
  const criteria = [...new Map(compared.flatMap((c) => c.content!.criteria.map((cr) => [cr.criterionId, cr] as const))).values()];
  return (
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
                <th scope="col" key={c.packet.id}>
                  {reading.name(c)}
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
                    <td key={c.packet.id}>
                      {!mine ? (
                        <span className="muted">Not in this packet</span>
                      ) : (
                        <>
                          <strong>{mine.evidence.length === 1 ? '1 example' : `${mine.evidence.length} examples`}</strong>
                          {mine.narrative && <p className="calibration-narrative">{reading.text(c, mine.narrative)}</p>}
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
  );
}

function SaveIndicator({ state, label }: { state: SaveState; label: string }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`${label}: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

function DecisionCard({ candidate, decision, reading, onReveal }: { candidate: Candidate; decision: Decision; reading: Reading; onReveal: () => void }) {
  const { calibration } = useRepositories();
  const content = candidate.content!;
  const name = reading.name(candidate);
  const [text, setText] = useState<DecisionTextPatch>(() => ({ rationale: decision.rationale, openQuestions: decision.openQuestions }));
  const save = useCallback((p: DecisionTextPatch) => calibration.saveDecisionText(decision.id, p), [calibration, decision.id]);
  const unsaved = useCallback(
    (p: DecisionTextPatch): UnsavedWrite => ({ kind: 'calibration-decision', key: `calibration-decision:${decision.id}`, args: [decision.id, p] }),
    [decision.id],
  );
  const { state, retry } = useAutosave(text, save, { unsaved });
  const [changing, setChanging] = useState<DecisionOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = `decision-${candidate.packet.id}`;

  const choose = async (outcome: DecisionOutcome) => {
    setError(null);
    if (decision.outcome === outcome) return;
    if (decision.outcome !== null) return setChanging(outcome);
    try {
      await retry();
      await calibration.setOutcome(decision.id, outcome, '', text);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <article className="card section-card calibration-decision" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h3 id={headingId}>{name}</h3>
        {!reading.shown(candidate) && (
          <Button size="small" variant="quiet" aria-label={`Show the name of ${name}`} onPress={onReveal}>
            Show name
          </Button>
        )}
        <span className="spacer" />
        <SaveIndicator state={state} label={`Decision on ${name}`} />
      </div>
      <SaveFailed state={state} retry={retry} />
      <dl className="calibration-decision__facts">
        <dt>Manager’s proposal</dt>
        <dd>
          <strong>{content.target.levelTitle}</strong> on {content.target.trackName}
          {content.target.currentLevelTitle ? `, from ${content.target.currentLevelTitle}` : ''}
        </dd>
        <dt>Manager</dt>
        <dd>{reading.manager(candidate)}</dd>
        <dt>Team</dt>
        <dd>{reading.team(candidate)}</dd>
        <dt>Committee’s decision</dt>
        <dd>
          {decision.outcome ? `${outcomeLabels[decision.outcome]} (recorded ${formatDateTime(decision.decidedAt ?? decision.updatedAt)})` : 'Not decided yet'}
        </dd>
      </dl>
      <details className="calibration-packet">
        <summary>Read the packet’s summary</summary>
        <dl className="calibration-decision__facts">
          {summaryFields.map((f) => (
            <div key={f.key} style={{ display: 'contents' }}>
              <dt>{f.label}</dt>
              <dd className="calibration-summary">{content.summary[f.key].trim() ? reading.text(candidate, content.summary[f.key]) : '—'}</dd>
            </div>
          ))}
        </dl>
      </details>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      <RadioGroupField<DecisionOutcome>
        label={`Decision on ${name}`}
        options={decisionOutcomes.map((o) => ({ id: o, label: outcomeLabels[o] }))}
        value={decision.outcome}
        onChange={(o) => void choose(o)}
      />
      <div className="calibration-decision__fields">
        <TextArea label="Rationale" rows={3} value={text.rationale} onChange={(rationale) => setText((t) => ({ ...t, rationale }))} />
        <TextArea label="Open questions" rows={3} value={text.openQuestions} onChange={(openQuestions) => setText((t) => ({ ...t, openQuestions }))} />
      </div>
      {changing && decision.outcome && (
        <ChangeDialog
          name={name}
          from={decision.outcome}
          to={changing}
          onClose={() => setChanging(null)}
          onChange={async (reason) => {
            await retry();
            await calibration.setOutcome(decision.id, changing, reason, text);
            setChanging(null);
          }}
        />
      )}
    </article>
  );
}

function ChangeDialog({
  name,
  from,
  to,
  onClose,
  onChange,
}: {
  name: string;
  from: DecisionOutcome;
  to: DecisionOutcome;
  onClose: () => void;
  onChange: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) return setErrors({ reason: 'Say why the decision changes' });
    setBusy(true);
    try {
      await onChange(reason);
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Change the decision on ${name}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={submit} formError={errors.form} aria-label="Change the decision">
        <p>
          From <strong>{outcomeLabels[from]}</strong> to <strong>{outcomeLabels[to]}</strong>. The reason is kept in the session log with the time.
        </p>
        <TextArea label="Reason for the change" rows={3} value={reason} onChange={setReason} error={errors.reason} isRequired autoFocus />
        <FormActions submitLabel="Change decision" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}

function TrustKeyDialog({ sessionId, fingerprint, onClose }: { sessionId: string; fingerprint: string; onClose: () => void }) {
  const { calibration } = useRepositories();
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ label?: string; form?: string }>({});
  const submit = async () => {
    if (!label.trim()) return setErrors({ label: 'Say whose key this is' });
    try {
      await calibration.trustKey(sessionId, fingerprint, label);
      onClose();
    } catch (e) {
      setErrors({ form: errorMessage(e) });
    }
  };
  return (
    <Dialog title="Trust this signing key" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={submit} formError={errors.form} aria-label="Trust this signing key">
        <p>Compare the fingerprint with its owner (in person or by phone) before trusting it:</p>
        <p className="calibration-fingerprint calibration-fingerprint--full">{shortFingerprint(fingerprint)}</p>
        <TextField label="Whose key it is" value={label} onChange={setLabel} error={errors.label} isRequired autoFocus />
        <FormActions submitLabel="Trust key" onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}

function Distribution({ facts, reading }: { facts: NonNullable<ReturnType<typeof factsOf>>[]; reading: Reading }) {
  const [by, setBy] = useState<Grouping>('level');
  const rows = distribution(facts, by, (v) => reading.group(by, v));
  const bands = timeInLevelBands(facts);
  return (
    <section className="card section-card" aria-labelledby="calibration-distribution">
      <div className="section-card__header">
        <h2 id="calibration-distribution">Proposed and decided</h2>
        <span className="spacer" />
        <Segmented<Grouping> label="Group by" options={groupings.map((g) => ({ id: g, label: groupingLabels[g] }))} value={by} onChange={setBy} />
      </div>
      <p className="muted small">Groups of fewer than {MIN_GROUP_SIZE} people are not summarised, so no one can be told apart from a count or an average.</p>
      <div className="data-table-card">
        <table className="data-table" aria-label={`Proposed and decided by ${groupingLabels[by].toLowerCase()}`}>
          <thead>
            <tr>
              <th scope="col">{groupingLabels[by]}</th>
              <th scope="col">Proposed</th>
              <th scope="col">Promote</th>
              <th scope="col">Not yet</th>
              <th scope="col">Defer</th>
              <th scope="col">Undecided</th>
              <th scope="col">Median time in level</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group}>
                <th scope="row">{r.group}</th>
                {r.summarised ? (
                  <>
                    <td>{r.proposed}</td>
                    <td>{r.promote}</td>
                    <td>{r.notYet}</td>
                    <td>{r.defer}</td>
                    <td>{r.undecided}</td>
                    <td>{r.medianMonthsInLevel === null ? 'Not enough known' : months(r.medianMonthsInLevel)}</td>
                  </>
                ) : (
                  <td colSpan={6} className="muted">
                    Fewer than {MIN_GROUP_SIZE} people: not summarised
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Time in level of the candidates</h3>
      {bands.summarised ? (
        <div className="data-table-card">
          <table className="data-table" aria-label="Time in level">
            <thead>
              <tr>
                <th scope="col">Time in level</th>
                <th scope="col">Candidates</th>
              </tr>
            </thead>
            <tbody>
              {bands.bands.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Not given</th>
                <td>{bands.unknown}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Fewer than {MIN_GROUP_SIZE} candidates: not summarised.</p>
      )}
    </section>
  );
}

const months = (n: number) => (n < 24 ? `${n} months` : `${Math.floor(n / 12)} years ${n % 12 ? `${n % 12} months` : ''}`.trim());

function logText(e: SessionLogEntry, who: string): string {
  switch (e.kind) {
    case 'created':
      return `Session started: ${e.detail ?? ''}`;
    case 'opened':
      return `Packets opened: ${e.detail ?? ''}`;
    case 'decided':
      return `${who}: decided ${e.to ? outcomeLabels[e.to] : ''}${e.rationale ? ` (rationale: ${e.rationale})` : ''}`;
    case 'changed':
      return `${who}: changed from ${e.from ? outcomeLabels[e.from] : ''} to ${e.to ? outcomeLabels[e.to] : ''}. Reason: ${e.reason ?? ''}`;
    case 'revealed':
      return `${who}: name shown`;
    case 'key-trusted':
      return `Signing key trusted: ${e.detail ?? ''}`;
    case 'exported':
      return `Decisions exported (${e.detail ?? ''})`;
  }
}

function SessionLog({ entries, candidates, reading }: { entries: SessionLogEntry[]; candidates: Candidate[]; reading: Reading }) {
  const byId = new Map(candidates.map((c) => [c.packet.id, c]));
  return (
    <section className="card section-card" aria-labelledby="calibration-log">
      <h2 id="calibration-log">Session log</h2>
      <ol className="plain-list calibration-log" aria-label="Session log" tabIndex={0}>
        {entries.map((e) => {
          const c = e.packetId ? byId.get(e.packetId) : undefined;
          return (
            <li key={e.id}>
              <time dateTime={e.at} className="muted">
                {formatDateTime(e.at)}
              </time>
              <span>{logText(e, c ? reading.name(c) : 'A candidate')}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
