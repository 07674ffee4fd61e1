import { meetingKindLabels } from '../../shared/domain/meetings';
import type { EvidenceItem } from '../../shared/evidence/coverage';
import { competencyIdsOf, criterionIdsOf, type EvidenceKind } from '../../shared/evidence/refs';
import type { TrellisDatabase } from './database';

/**
 * "Evidence for person P, optionally competency C, between dates A and B", across every kind of
 * record, through indexes only. Each feature that stores evidence registers one source here; the
 * readers (coverage heatmaps, the gap view, packets) call `evidenceFor` and never read tables.
 */
export interface EvidenceQuery {
  personId: string;
  /** Only records that name this competency (through their `*competencyIds` index). */
  competencyId?: string;
  /** Inclusive ISO days; open ends when absent. */
  from?: string;
  to?: string;
}

export interface EvidenceSource {
  kind: EvidenceKind;
  read(db: TrellisDatabase, query: Required<Pick<EvidenceQuery, 'personId' | 'from' | 'to'>> & Pick<EvidenceQuery, 'competencyId'>): Promise<EvidenceItem[]>;
}

/** Lowest and highest ISO days, so open ranges still go through the [personId+date] index. */
const MIN_DAY = '0000-01-01';
const MAX_DAY = '9999-12-31';

/**
 * 1:1s count as evidence of what was discussed: their shared part only (never private notes). A
 * meeting names the competencies and criteria its agenda points are about (a Ladder review point,
 * a career-conversation point made from a rating); a query for one competency returns the
 * meetings that name it. One person's meetings in a range are few (a few a month), so the
 * competency is filtered in memory after the [personId+date] read.
 */
const meetingsSource: EvidenceSource = {
  kind: 'meeting',
  async read(db, { personId, competencyId, from, to }) {
    const rows = await db.meetings.where('[personId+date]').between([personId, from], [personId, to], true, true).toArray();
    return rows.flatMap((m) => {
      const criteria = m.agenda.flatMap((i) => i.criteria ?? []);
      const competencyIds = competencyIdsOf(criteria);
      if (competencyId && !competencyIds.includes(competencyId)) return [];
      return [
        {
          kind: 'meeting' as const,
          id: m.id,
          personId: m.personId,
          date: m.date,
          visibility: 'shareable' as const,
          competencyIds,
          criterionIds: criterionIdsOf(criteria),
          title: `${meetingKindLabels[m.kind]} on ${m.date}`,
        },
      ];
    });
  },
};

const sources = new Map<EvidenceKind, EvidenceSource>([[meetingsSource.kind, meetingsSource]]);

/** A feature adds the source of its table once, at module load (its repository module). */
export function registerEvidenceSource(source: EvidenceSource): void {
  sources.set(source.kind, source);
}

export function evidenceKindsRegistered(): EvidenceKind[] {
  return [...sources.keys()];
}

/** Every kind's evidence for the query, newest first. */
export async function evidenceFor(db: TrellisDatabase, query: EvidenceQuery, kinds?: readonly EvidenceKind[]): Promise<EvidenceItem[]> {
  const range = { personId: query.personId, competencyId: query.competencyId, from: query.from ?? MIN_DAY, to: query.to ?? MAX_DAY };
  const chosen = [...sources.values()].filter((s) => !kinds || kinds.includes(s.kind));
  const parts = await Promise.all(chosen.map((s) => s.read(db, range)));
  return parts.flat().sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

/**
 * The records of a person that may leave the machine, as `kind:id`: an export that names linked
 * evidence (an assessment's ratings link records) writes only these (shared/domain/assessment-markdown.ts).
 */
export async function shareableEvidenceKeys(db: TrellisDatabase, personId: string): Promise<Set<string>> {
  const items = await evidenceFor(db, { personId });
  return new Set(items.filter((i) => i.visibility === 'shareable').map((i) => `${i.kind}:${i.id}`));
}
