import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useCallback, useMemo, useState } from 'react';

import { shareable, shareableEvidence } from '../../../shared/evidence/privacy';
import type { Ladder } from '../../../shared/ladder';
import {
  buildPacketContent,
  checkPacket,
  type CriterionDraft,
  draftFor,
  evidenceByMonth,
  levelTitle,
  missingPicks,
  type PacketDraft,
  recentFrom,
  summaryFields,
  targetCriteria,
} from '../../../shared/packets';
import { useMe } from '../../app/current-user';
import { useRepositories } from '../../app/data';
import type { UnsavedWrite } from '../../app/unsaved';
import { evidenceFor } from '../../db/evidence';
import type { PacketPatch } from '../../db/packets';
import { formatDate } from '../../ui/dates';
import { preloadableLazy } from '../../ui/lazy-part';
import { Page } from '../../ui/Page';
import { TextArea } from '../../ui/TextArea';
import { SaveFailed, useAutosave } from '../one-on-ones';
import { CriterionCard, groupChecks } from './CriterionCard';
import { PacketChecks, PacketExport, SaveIndicator } from './PacketSections';
import { PreviewDialog } from './PreviewDialog';
import { usePacketExport } from './usePacketExport';

const EvidenceChart = preloadableLazy(() => import('./EvidenceChart'));

/** How many pieces of evidence the builder offers at most (a year of weekly 1:1s fits many times over). */
const EVIDENCE_OFFERED = 2_000;

const patchOf = (d: PacketDraft): PacketPatch => ({ summary: d.summary, criteria: d.criteria, period: d.period });

/** The packet builder: summary, evidence over the period, one card per criterion, checks and export (autosaved). */
export function Builder({
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
  const { exportAs, exportError } = usePacketExport({ content, ladderRef: draft.ladder, beforeExport: retry });

  const setCriterion = (criterionId: string, change: (c: CriterionDraft) => CriterionDraft) =>
    setEdit((e) => {
      const current = draftFor(e.criteria, criterionId);
      const next = change(current);
      const others = e.criteria.filter((c) => c.criterionId !== criterionId);
      return { ...e, criteria: next.narrative === '' && next.evidence.length === 0 ? others : [...others, next] };
    });

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

      <PacketChecks checks={checks} />
      <PacketExport exportError={exportError} canExport={content !== null} onPreview={() => setPreviewing(true)} onExport={(format) => void exportAs(format)} />
      {previewing && content && <PreviewDialog content={content} onClose={() => setPreviewing(false)} />}
    </Page>
  );
}
