import { useEffect, useState } from 'react';

import type { FrozenLadderRef } from '../../../shared/evidence/refs';
import type { Ladder } from '../../../shared/ladder';
import { useMainCall } from '../../app/useMain';

// The ladder hooks every feature shares live in app/useLadders.ts.
export { summaryFor, usableLadders, useCurrentLadder, useFrozenLadder, useLadderList } from '../../app/useLadders';

/**
 * The frozen versions several assessments were made against, by `ladderId@hash`, each asked of
 * main's version store once (null: it cannot be read). Until all have answered, the map holds those that did.
 */
export function useFrozenLadders(refs: readonly FrozenLadderRef[]): Map<string, Ladder | null> {
  const call = useMainCall();
  const keys = [...new Set(refs.map((r) => `${r.ladderId}@${r.hash}`))].sort();
  const signature = keys.join(',');
  const [loaded, setLoaded] = useState<Map<string, Ladder | null>>(() => new Map());
  useEffect(() => {
    let stale = false;
    const wanted = signature ? signature.split(',') : [];
    void Promise.all(
      wanted.map(async (key) => {
        const at = key.lastIndexOf('@');
        try {
          const found = await call('ladders:version-get', { ladderId: key.slice(0, at), hash: key.slice(at + 1) });
          return [key, found.ladder] as const;
        } catch {
          return [key, null] as const;
        }
      }),
    ).then((entries) => {
      if (!stale) setLoaded(new Map(entries));
    });
    return () => {
      stale = true;
    };
  }, [signature, call]);
  return loaded;
}

export const frozenKey = (r: FrozenLadderRef) => `${r.ladderId}@${r.hash}`;
