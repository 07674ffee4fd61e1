import type { EvidenceItem } from '../evidence/coverage';
import type { Ladder } from '../ladder';
import { levelTitle, targetCriteria, type TargetCriterion } from './criteria';
import type { CriterionDraft, PacketContent, PacketDraft, PacketEvidence } from './model';

export const evidenceKey = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;

export interface PacketSources {
  /** The draft as `shareable('packets', …)` handed it out. */
  draft: Pick<PacketDraft, 'trackId' | 'levelId' | 'period' | 'summary' | 'criteria'>;
  /** The frozen ladder version the packet is judged against. */
  ladder: Ladder;
  /** The person as `shareable('people', …)` handed them out. */
  person: { name: string; title?: string; team?: string };
  currentLevelTitle?: string;
  /** When they reached their current level (ISO day), when known. */
  levelSince?: string;
  preparedBy: { name: string } | null;
  /** Evidence after `shareableEvidence()`: anything not in here cannot reach the packet. */
  evidence: readonly EvidenceItem[];
}

/** The draft's entry for a criterion, or an empty one. */
export function draftFor(criteria: readonly CriterionDraft[], criterionId: string): CriterionDraft {
  return criteria.find((c) => c.criterionId === criterionId) ?? { criterionId, narrative: '', evidence: [] };
}

/**
 * The content that leaves the machine, in the ladder's order of criteria. A picked example that
 * is no longer handed out by the evidence model (made private, deleted) is left out: only items
 * in `evidence` can appear, by construction.
 */
export function buildPacketContent(sources: PacketSources): PacketContent {
  const { draft, ladder } = sources;
  const available = new Map(sources.evidence.map((e) => [evidenceKey(e), e]));
  const track = ladder.tracks.find((t) => t.id === draft.trackId);
  const criteria = targetCriteria(ladder, draft.trackId, draft.levelId).map((target: TargetCriterion) => {
    const entry = draftFor(draft.criteria, target.criterionId);
    const evidence: PacketEvidence[] = [];
    for (const picked of entry.evidence) {
      const item = available.get(evidenceKey(picked));
      if (item) evidence.push({ kind: item.kind, date: item.date, title: item.title, note: picked.note });
    }
    return {
      criterionId: target.criterionId,
      competencyId: target.competencyId,
      competencyName: target.competencyName,
      text: target.text,
      narrative: entry.narrative,
      evidence,
    };
  });
  return {
    person: {
      name: sources.person.name,
      ...(sources.person.title ? { title: sources.person.title } : {}),
      ...(sources.person.team ? { team: sources.person.team } : {}),
    },
    preparedBy: sources.preparedBy,
    ladderName: ladder.name,
    target: {
      trackId: draft.trackId,
      trackName: track?.name ?? draft.trackId,
      levelId: draft.levelId,
      levelTitle: levelTitle(ladder, draft.trackId, draft.levelId),
      ...(sources.currentLevelTitle ? { currentLevelTitle: sources.currentLevelTitle } : {}),
      ...(sources.levelSince ? { levelSince: sources.levelSince } : {}),
    },
    period: { ...draft.period },
    summary: { ...draft.summary },
    criteria,
  };
}

/** Picked examples that the evidence model no longer hands out (made private or deleted since). */
export function missingPicks(criteria: readonly CriterionDraft[], evidence: readonly EvidenceItem[]): number {
  const available = new Set(evidence.map(evidenceKey));
  return criteria.reduce((n, c) => n + c.evidence.filter((p) => !available.has(evidenceKey(p))).length, 0);
}
