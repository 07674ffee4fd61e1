import './packets.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';

import type { EvidenceItem } from '../../../shared/evidence/coverage';
import { shareable, shareableEvidence } from '../../../shared/evidence/privacy';
import type { Ladder } from '../../../shared/ladder';
import {
  buildPacketContent,
  checkPacket,
  type CriterionDraft,
  draftFor,
  evidenceByMonth,
  evidenceKey,
  evidenceKindLabel,
  levelTitle,
  missingPicks,
  type PacketCheck,
  type PacketContent,
  type PacketDraft,
  packetFileText,
  packetHtml,
  packetMarkdown,
  packetTitle,
  recentFrom,
  shortFingerprint,
  summaryFields,
  targetCriteria,
  type TargetCriterion,
} from '../../../shared/packets';
import { useMe } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import type { UnsavedWrite } from '../../app/unsaved';
import { useFrozenLadder } from '../../app/useLadders';
import { useMainCall } from '../../app/useMain';
import { usePerson } from '../../app/usePeople';
import { evidenceFor } from '../../db/evidence';
import type { PacketPatch } from '../../db/packets';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { preloadableLazy } from '../../ui/lazy-part';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { SaveFailed, type SaveState, saveStateLabel, useAutosave } from '../one-on-ones';

const EvidenceChart = preloadableLazy(() => import('./EvidenceChart'));

/** How many pieces of evidence the builder offers at most (a year of weekly 1:1s fits many times over). */
const EVIDENCE_OFFERED = 2_000;

export default function PacketPage({ id }: { id: string }) {
  const { packets } = useRepositories();
  const draft = useLiveQuery(async () => (await packets.get(id)) ?? null, [packets, id]);
  if (draft === undefined) return <p className="loading">Loading…</p>;
  if (draft === null)
    return (
      <Page title="Packet not found">
        <EmptyState icon="?" title="This packet does not exist">
          <p>
            It may have been deleted in another window. <Link href="/packets">All packets</Link>
          </p>
        </EmptyState>
      </Page>
    );
  return <PacketLoader draft={draft} />;
}

function PacketLoader({ draft }: { draft: PacketDraft }) {
  const person = usePerson(draft.personId);
  const { db } = useRepositories();
  const team = useLiveQuery(async () => (person?.teamId ? ((await db.teams.get(person.teamId)) ?? null) : null), [db, person?.teamId]);
  const frozen = useFrozenLadder(draft.ladder.ladderId, draft.ladder.hash);
  if (person === undefined || team === undefined || frozen.status === 'loading') return <p className="loading">Loading…</p>;
  if (frozen.status === 'error')
    return (
      <Page title="Packet">
        <p className="banner banner--error" role="alert">
          The ladder version this packet is judged against cannot be read: {frozen.error}
        </p>
      </Page>
    );
  if (!person)
    return (
      <Page title="Packet">
        <p className="banner banner--error" role="alert">
          The person of this packet is no longer in Trellis.
        </p>
      </Page>
    );
  const shared = shareable('people', person);
  if (!shared) return null;
  const ladder = frozen.value.ladder;
  const placement = person.placement;
  // Where they are now, when they are placed on the same ladder and track.
  const currentLevelTitle =
    placement && placement.ladderId === ladder.id && placement.trackId === draft.trackId ? levelTitle(ladder, draft.trackId, placement.levelId) : undefined;
  const sharedTeam = team ? shareable('teams', team) : null;
  return (
    <Builder
      key={draft.id}
      draft={draft}
      person={{ name: shared.name, title: shared.title, team: sharedTeam?.name }}
      currentLevelTitle={currentLevelTitle}
      levelSince={currentLevelTitle ? shared.levelSince : undefined}
      ladder={ladder}
    />
  );
}

const patchOf = (d: PacketDraft): PacketPatch => ({ summary: d.summary, criteria: d.criteria, period: d.period });

function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`Packet: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

/** A plain file name for the exports: the person and the level. */
const fileNameOf = (content: PacketContent) =>
  `${content.person.name} packet ${content.target.levelTitle}`.replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'packet';

function Builder({
  draft,
  person,
  currentLevelTitle,
  levelSince,
  ladder,
}: {
  draft: PacketDraft;
  person: { name: string; title?: string; team?: string };
  currentLevelTitle: string | undefined;
  levelSince: string | undefined;
  ladder: Ladder;
}) {
  const repos = useRepositories();
  const me = useMe();
  const call = useMainCall();
  const { announce } = useStatus();
  const [edit, setEdit] = useState<PacketPatch>(() => patchOf(draft));
  const save = useCallback((p: PacketPatch) => repos.packets.save(draft.id, p), [repos.packets, draft.id]);
  const unsaved = useCallback((p: PacketPatch): UnsavedWrite => ({ kind: 'packet-draft', key: `packet-draft:${draft.id}`, args: [draft.id, p] }), [draft.id]);
  const { state, retry } = useAutosave(edit, save, { unsaved });
  const evidence = useLiveQuery(
    async () =>
      shareableEvidence(await evidenceFor(repos.db, { personId: draft.personId, from: edit.period.from, to: edit.period.to })).slice(0, EVIDENCE_OFFERED),
    [repos.db, draft.personId, edit.period.from, edit.period.to],
  );
  const [previewing, setPreviewing] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const targets = useMemo(() => targetCriteria(ladder, draft.trackId, draft.levelId), [ladder, draft.trackId, draft.levelId]);
  const shared = shareable('packets', { ...draft, ...edit });
  const content = useMemo(
    () =>
      shared && evidence
        ? buildPacketContent({
            draft: shared,
            ladder,
            person,
            currentLevelTitle,
            levelSince,
            preparedBy: me ? { name: me.name } : null,
            evidence,
          })
        : null,
    [shared, evidence, ladder, person, me, currentLevelTitle, levelSince],
  );
  const checks = useMemo(() => (content ? checkPacket(content) : []), [content]);

  const setCriterion = (criterionId: string, change: (c: CriterionDraft) => CriterionDraft) =>
    setEdit((e) => {
      const current = draftFor(e.criteria, criterionId);
      const next = change(current);
      const others = e.criteria.filter((c) => c.criterionId !== criterionId);
      return { ...e, criteria: next.narrative === '' && next.evidence.length === 0 ? others : [...others, next] };
    });

  const exportAs = async (format: 'markdown' | 'html' | 'json' | 'pdf') => {
    setExportError(null);
    if (!content) return;
    try {
      await retry();
      const name = fileNameOf(content);
      const exportedOn = formatDate(new Date().toISOString().slice(0, 10), 'long');
      const options = { formatDay: (d: string) => formatDate(d, 'medium'), exportedOn };
      let result: { saved: boolean; path?: string };
      if (format === 'markdown')
        result = await call('files:save-text', {
          kind: 'markdown',
          title: 'Export the packet as Markdown',
          suggestedName: name,
          content: packetMarkdown(content, options),
        });
      else if (format === 'html')
        result = await call('files:save-text', {
          kind: 'html',
          title: 'Export the packet as HTML',
          suggestedName: name,
          content: packetHtml(content, options),
        });
      else if (format === 'pdf')
        result = await call('packets:save-pdf', { title: 'Export the packet as PDF', suggestedName: name, html: packetHtml(content, options) });
      else {
        const [info, key] = await Promise.all([call('app:info'), repos.packets.signingKey()]);
        const text = await packetFileText(content, { exporterVersion: info.version, exportedAt: new Date().toISOString(), ladder: draft.ladder }, key);
        result = await call('files:save-text', { kind: 'json', title: 'Export the signed packet file', suggestedName: name, content: text });
        if (result.saved) announce(`Signed with key ${shortFingerprint(key.fingerprint)}`);
      }
      if (result.saved) announce(`Exported to ${result.path ?? 'the file you chose'}`);
    } catch (e) {
      setExportError(errorMessage(e));
    }
  };

  const byCriterion = groupChecks(checks);
  const missing = evidence ? missingPicks(edit.criteria, evidence) : 0;
  return (
    <Page
      title={`Packet: ${person.name}`}
      subtitle={
        <>
          {ladder.name} {ladder.version} · {ladder.tracks.find((t) => t.id === draft.trackId)?.name ?? draft.trackId} · proposed level{' '}
          <strong>{levelTitle(ladder, draft.trackId, draft.levelId)}</strong>
        </>
      }
      actions={<SaveIndicator state={state} />}
    >
      <SaveFailed state={state} retry={retry} />
      {missing > 0 && (
        <p className="banner banner--warning" role="status">
          {missing === 1 ? 'One picked example is' : `${missing} picked examples are`} no longer shareable or no longer there, and will not be exported.
        </p>
      )}
      <section className="card section-card" aria-labelledby="packet-summary">
        <h2 id="packet-summary">Summary</h2>
        <div className="packet-summary">
          {summaryFields.map((f) => (
            <TextArea
              key={f.key}
              label={f.label}
              description={f.hint}
              rows={f.key === 'keyProjects' || f.key === 'scope' ? 4 : 2}
              value={edit.summary[f.key]}
              onChange={(v) => setEdit((e) => ({ ...e, summary: { ...e.summary, [f.key]: v } }))}
            />
          ))}
        </div>
      </section>

      <section className="card section-card" aria-labelledby="packet-period">
        <h2 id="packet-period">Evidence across the period</h2>
        <p className="muted">
          {formatDate(edit.period.from, 'medium')} to {formatDate(edit.period.to, 'medium')} · {evidence?.length ?? 0} shareable records · examples after{' '}
          {formatDate(recentFrom(edit.period.to), 'medium')} count as recent.
        </p>
        {evidence && content && (
          <Suspense fallback={<p className="loading">Loading the chart…</p>}>
            <EvidenceChart
              months={evidenceByMonth(
                edit.period,
                content.criteria.flatMap((c) => c.evidence.map((e) => e.date)),
                evidence.map((e) => e.date),
              )}
            />
          </Suspense>
        )}
      </section>

      <h2 className="packet-criteria-heading">Criteria for {levelTitle(ladder, draft.trackId, draft.levelId)}</h2>
      {targets.length === 0 && <p className="muted">This level asks no criteria on this track.</p>}
      {evidence &&
        targets.map((t) => (
          <CriterionCard
            key={t.criterionId}
            target={t}
            entry={draftFor(edit.criteria, t.criterionId)}
            evidence={evidence}
            checks={byCriterion.get(t.criterionId) ?? []}
            onChange={(change) => setCriterion(t.criterionId, change)}
          />
        ))}

      <section className="card section-card" aria-labelledby="packet-checks">
        <h2 id="packet-checks">Checks before export</h2>
        {checks.length === 0 ? (
          <p>No findings: every criterion has evidence, the examples span the period, and no flagged wording was found.</p>
        ) : (
          <ul className="plain-list packet-checks" aria-label="Findings">
            {checks.map((c, i) => (
              <li key={i} className={`packet-check packet-check--${c.code}`}>
                <strong>{c.message}</strong>
                <span className="muted">{c.suggestion}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="small muted">
          Wording checks use a short documented list (shared/packets/bias-words.ts): words that describe personality instead of behaviour, gendered words, and
          vague praise without an example.
        </p>
      </section>

      <section className="card section-card" aria-labelledby="packet-export">
        <h2 id="packet-export">Export</h2>
        <p>
          Only what the preview shows leaves this machine: private notes and records marked private are never in a packet. The JSON file is signed with this
          Trellis’s key, so the committee can see who sent it.
        </p>
        {exportError && (
          <p className="banner banner--error" role="alert">
            {exportError}
          </p>
        )}
        <div className="toolbar">
          <Button onPress={() => setPreviewing(true)} isDisabled={!content}>
            Preview what leaves…
          </Button>
          <span className="spacer" />
          <Button onPress={() => void exportAs('pdf')} isDisabled={!content}>
            Export PDF…
          </Button>
          <Button onPress={() => void exportAs('html')} isDisabled={!content}>
            Export HTML…
          </Button>
          <Button onPress={() => void exportAs('markdown')} isDisabled={!content}>
            Export Markdown…
          </Button>
          <Button variant="primary" onPress={() => void exportAs('json')} isDisabled={!content}>
            Export signed JSON…
          </Button>
        </div>
      </section>
      {previewing && content && <PreviewDialog content={content} onClose={() => setPreviewing(false)} />}
    </Page>
  );
}

function groupChecks(checks: readonly PacketCheck[]): Map<string, PacketCheck[]> {
  const map = new Map<string, PacketCheck[]>();
  for (const c of checks) if (c.criterionId) map.set(c.criterionId, [...(map.get(c.criterionId) ?? []), c]);
  return map;
}

function CriterionCard({
  target,
  entry,
  evidence,
  checks,
  onChange,
}: {
  target: TargetCriterion;
  entry: CriterionDraft;
  evidence: readonly EvidenceItem[];
  checks: readonly PacketCheck[];
  onChange: (change: (c: CriterionDraft) => CriterionDraft) => void;
}) {
  const headingId = `criterion-${target.criterionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const byKey = new Map(evidence.map((e) => [evidenceKey(e), e]));
  const picked = new Set(entry.evidence.map(evidenceKey));
  // Records that name this competency first, then everything else, newest first within each.
  const offered = evidence.filter((e) => !picked.has(evidenceKey(e)));
  const ordered = [
    ...offered.filter((e) => e.competencyIds.includes(target.competencyId)),
    ...offered.filter((e) => !e.competencyIds.includes(target.competencyId)),
  ];
  const move = (index: number, by: number) =>
    onChange((c) => {
      const list = [...c.evidence];
      const [item] = list.splice(index, 1);
      list.splice(Math.max(0, Math.min(list.length, index + by)), 0, item!);
      return { ...c, evidence: list };
    });
  return (
    <section className="card section-card packet-criterion" aria-labelledby={headingId}>
      <div className="section-card__header">
        <h3 id={headingId}>{target.text}</h3>
        <span className="badge">{target.competencyName}</span>
        {checks.some((c) => c.code === 'no-evidence') && <span className="badge badge--warning">No evidence</span>}
      </div>
      <TextArea label="Narrative" rows={3} value={entry.narrative} onChange={(narrative) => onChange((c) => ({ ...c, narrative }))} />
      {entry.evidence.length > 0 && (
        <ol className="plain-list packet-evidence" aria-label="Linked evidence">
          {entry.evidence.map((p, i) => {
            const item = byKey.get(evidenceKey(p));
            const label = item ? item.title : 'No longer available';
            return (
              <li key={evidenceKey(p)} className="packet-evidence__item">
                <span>
                  {item && <time dateTime={item.date}>{formatDate(item.date, 'medium')}</time>} <span className="muted">{evidenceKindLabel(p.kind)}</span>{' '}
                  {label}
                </span>
                <TextField
                  label={`Note on ${label}`}
                  hideLabel
                  placeholder="What this shows (optional)"
                  value={p.note}
                  onChange={(note) => onChange((c) => ({ ...c, evidence: c.evidence.map((e, j) => (j === i ? { ...e, note } : e)) }))}
                />
                <span className="row-actions">
                  <Button size="small" variant="quiet" aria-label={`Move ${label} up`} isDisabled={i === 0} onPress={() => move(i, -1)}>
                    ↑
                  </Button>
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={`Move ${label} down`}
                    isDisabled={i === entry.evidence.length - 1}
                    onPress={() => move(i, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={`Remove ${label}`}
                    onPress={() => onChange((c) => ({ ...c, evidence: c.evidence.filter((_, j) => j !== i) }))}
                  >
                    Remove
                  </Button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <SelectField<string>
        label="Add evidence"
        options={ordered.map((e) => ({
          id: evidenceKey(e),
          label: `${formatDate(e.date, 'medium')} · ${evidenceKindLabel(e.kind)} · ${e.title}${e.competencyIds.includes(target.competencyId) ? ' (names this competency)' : ''}`,
        }))}
        value={null}
        onChange={(key) => {
          const item = key ? byKey.get(key) : undefined;
          if (item) onChange((c) => ({ ...c, evidence: [...c.evidence, { kind: item.kind, id: item.id, note: '' }] }));
        }}
        placeholder={ordered.length === 0 ? 'No more evidence in the period' : 'Choose an example to link'}
      />
      {checks.length > 0 && (
        <ul className="plain-list packet-checks" aria-label="Findings for this criterion">
          {checks.map((c, i) => (
            <li key={i} className={`packet-check packet-check--${c.code}`}>
              {c.message} <span className="muted">{c.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Exactly the HTML file that would be exported, shown in a shadow root so its styles stay its own.
 * The text was escaped by packetHtml and DOMParser runs no script; the page has none anyway.
 */
function PacketPreview({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const style = [...doc.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    // The page's own rules, scoped to the preview: its root and body are the preview's box.
    root.innerHTML = `<style>${style.replace(/:root/g, ':host').replace(/\bbody\b/g, '.preview-body')}</style><div class="preview-body">${doc.body.innerHTML}</div>`;
  }, [html]);
  return <div ref={ref} className="packet-preview" role="document" aria-label={title} tabIndex={0} />;
}

function PreviewDialog({ content, onClose }: { content: PacketContent; onClose: () => void }) {
  const html = packetHtml(content, { formatDay: (d) => formatDate(d, 'medium') });
  return (
    <Dialog title="What will leave this machine" isOpen onOpenChange={(open) => !open && onClose()} size="wide">
      <p>
        This is the packet as every format carries it. It holds {content.criteria.reduce((n, c) => n + c.evidence.length, 0)} linked examples (their date, kind,
        title and your note) and what you wrote; no private note, no private record and nothing else from Trellis.
      </p>
      <PacketPreview html={html} title={`Preview: ${packetTitle(content)}`} />
      <div className="toolbar">
        <span className="spacer" />
        <Button variant="primary" onPress={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
