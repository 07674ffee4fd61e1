/**
 * What a goal can be linked to, from where the person stands on the ladder: each competency of
 * their track (as a whole), the criteria items their level asks, and those the next level adds.
 * Labels for the links a goal already has come from the same ladder (ids, never text, are stored).
 */
import { criterionKey, type CriterionRef } from '../evidence/refs';
import { findCriterion } from '../ladder/criteria-ids';
import type { Ladder } from '../ladder/model';
import { placementOptions } from '../ladder/placement';
import { levelAsks, newAtLevel } from '../ladder/progression';
import type { PersonPlacement } from './person';

export interface CriterionChoice {
  key: string;
  ref: CriterionRef;
  /** The criterion's text; undefined for a competency as a whole. */
  text?: string;
  /** "This level" or "Next level (L4 Senior)". */
  where?: string;
}

export interface CompetencyChoices {
  competencyId: string;
  name: string;
  choices: CriterionChoice[];
}

export interface PlacedLevel {
  trackId: string;
  levelId: string;
  title: string;
  /** The level itself when `levelId` is one of its sub-levels. */
  baseLevelId: string;
  next?: { id: string; title: string };
}

/** The person's level on the ladder (resolving a sub-level to its level) and the next one on the track. */
export function placedLevel(ladder: Ladder, placement: Pick<PersonPlacement, 'trackId' | 'levelId'>): PlacedLevel | null {
  const track = placementOptions(ladder).find((t) => t.trackId === placement.trackId);
  if (!track) return null;
  const index = track.levels.findIndex((l) => l.id === placement.levelId || l.subLevels.some((s) => s.id === placement.levelId));
  if (index < 0) return null;
  const level = track.levels[index]!;
  const sub = level.subLevels.find((s) => s.id === placement.levelId);
  const next = track.levels[index + 1];
  return {
    trackId: track.trackId,
    levelId: placement.levelId,
    title: sub ? `${level.title} (${sub.title})` : level.title,
    baseLevelId: level.id,
    ...(next ? { next: { id: next.id, title: next.title } } : {}),
  };
}

/** Competency by competency: the competency itself, this level's own criteria, then what the next level adds. */
export function goalCriteriaChoices(ladder: Ladder, placement: Pick<PersonPlacement, 'trackId' | 'levelId'>): CompetencyChoices[] {
  const placed = placedLevel(ladder, placement);
  if (!placed) return [];
  const out: CompetencyChoices[] = [];
  for (const competency of ladder.competencies) {
    if (!competency.trackIds.includes(placed.trackId)) continue;
    const here = levelAsks(ladder, placed.trackId, competency.id, placed.baseLevelId);
    if (here.status === 'absent') continue;
    const choices: CriterionChoice[] = [{ key: '', ref: { ladderId: ladder.id, competencyId: competency.id }, where: 'The whole competency' }];
    const seen = new Set<string>();
    const add = (levelId: string, id: string, text: string, where: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      choices.push({ key: '', ref: { ladderId: ladder.id, competencyId: competency.id, levelId, criterionId: id }, text, where });
    };
    if (here.status !== 'not-applicable') for (const a of here.own) add(placed.baseLevelId, a.criterion.id, a.criterion.text, 'This level');
    if (placed.next) {
      const delta = newAtLevel(ladder, placed.trackId, competency.id, placed.next.id);
      for (const c of delta?.added ?? []) add(placed.next.id, c.criterion.id, c.criterion.text, `Next level (${placed.next.title})`);
      for (const c of delta?.changed ?? []) add(placed.next.id, c.after.criterion.id, c.after.criterion.text, `Next level (${placed.next.title})`);
    }
    out.push({ competencyId: competency.id, name: competency.name, choices: choices.map((c) => ({ ...c, key: criterionKey(c.ref) })) });
  }
  return out;
}

/** A stored link in words: "Code quality" or "Code quality: Writes small tested changes." (ids when the ladder no longer has it). */
export function criterionLabel(ladder: Ladder | null, ref: CriterionRef): string {
  const competency = ladder?.competencies.find((c) => c.id === ref.competencyId);
  const name = competency?.name ?? ref.competencyId;
  if (!ref.criterionId) return name;
  const found = ladder ? findCriterion(ladder, ref.criterionId) : undefined;
  return `${name}: ${found?.criterion.text ?? ref.criterionId}`;
}
