import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useState } from 'react';

import type { Assessment, AssessmentKind } from '../../../shared/domain/assessments';
import { afterNextFrame } from '../../ui/after-frame';

/** People whose assessments are read before the heatmap is first drawn: more than a screen holds, as some are on another ladder. */
export const FIRST_READ = 48;
/** People per read after that, one read per frame. */
export const NEXT_READS = 64;

/** `ids` in the order they are read: the first FIRST_READ (the rows at the top), then NEXT_READS at a time. */
export function readPlan(ids: readonly string[], first = FIRST_READ, next = NEXT_READS): string[][] {
  if (ids.length === 0) return [];
  const plan = [ids.slice(0, first)];
  for (let at = first; at < ids.length; at += next) plan.push(ids.slice(at, at + next));
  return plan;
}

export interface LatestFinished {
  /** Newest finished assessment by person id, of those read so far. */
  latest: ReadonlyMap<string, Assessment>;
  /** Everyone's has been read. */
  complete: boolean;
}

interface Source {
  latestFinished(personIds: readonly string[], kind: AssessmentKind): Promise<Map<string, Assessment>>;
}

const nothing: LatestFinished = { latest: new Map(), complete: true };

/**
 * Each person's newest finished assessment of `kind`, read in the order of `personIds` (the
 * rows' order) a part at a time: the first part is there for the first frame, each next part is
 * read after a frame is drawn, so the rows at the top show without waiting for everyone's, and no
 * one task works through all of them. Each part is a live query of its own: a change to one
 * person's assessments reads that part again, not everyone's. undefined until the first part is read.
 */
export function useLatestFinished(
  source: Source,
  personIds: readonly string[] | undefined,
  kind: AssessmentKind,
  { first = FIRST_READ, next = NEXT_READS }: { first?: number; next?: number } = {},
): LatestFinished | undefined {
  const signature = personIds?.join('\n');
  const key = `${kind}\n${signature}`;
  const [state, setState] = useState<{ key: string; value: LatestFinished } | { key: string; error: unknown } | null>(null);
  useEffect(() => {
    if (!signature) return;
    const plan = readPlan(signature.split('\n'), first, next);
    const answers: (Map<string, Assessment> | undefined)[] = plan.map(() => undefined);
    const subscriptions: Subscription[] = [];
    let cancelNext = () => {};
    const publish = () => {
      const latest = new Map<string, Assessment>();
      for (const answer of answers) for (const [id, a] of answer ?? []) latest.set(id, a);
      setState({ key, value: { latest, complete: answers.every((a) => a !== undefined) } });
    };
    const read = (part: number) => {
      let first = true;
      subscriptions.push(
        liveQuery(() => source.latestFinished(plan[part]!, kind)).subscribe({
          next: (answer) => {
            answers[part] = answer;
            publish();
            if (!first) return;
            first = false;
            if (part + 1 < plan.length) cancelNext = afterNextFrame(() => read(part + 1));
          },
          error: (error: unknown) => setState({ key, error }),
        }),
      );
    };
    read(0);
    return () => {
      cancelNext();
      for (const s of subscriptions) s.unsubscribe();
    };
  }, [source, signature, kind, key, first, next]);
  if (personIds === undefined) return undefined;
  if (personIds.length === 0) return nothing;
  if (state?.key !== key) return undefined;
  // As useLiveQuery does: a failed read is the screen's error to show.
  if ('error' in state) throw state.error;
  return state.value;
}
