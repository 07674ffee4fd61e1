import { useEffect, useMemo, useState } from 'react';

import type { FrozenLadderRef } from '../../../shared/evidence/refs';
import type { Ladder } from '../../../shared/ladder';
import { peekStoredVersion, storedVersion } from '../../app/useLadders';

// The ladder hooks every feature shares live in app/useLadders.ts.
export { summaryFor, usableLadders, useCurrentLadder, useFrozenLadder, useLadderList } from '../../app/useLadders';

/**
 * The frozen versions several assessments were made against, by `ladderId@hash`, each read once
 * through the shared ladder cache (null: it cannot be read). Those already read are there on the
 * first render; until all have answered, the map holds those that did.
 */
export function useFrozenLadders(refs: readonly FrozenLadderRef[]): Map<string, Ladder | null> {
  const keys = [...new Set(refs.map(frozenKey))].sort();
  const signature = keys.join(',');
  const [loaded, setLoaded] = useState<{ signature: string; ladders: Map<string, Ladder | null> }>({ signature: '', ladders: new Map() });
  const known = useMemo(() => {
    const out = new Map<string, Ladder | null>();
    for (const key of signature ? signature.split(',') : []) {
      const at = key.lastIndexOf('@');
      const found = peekStoredVersion(key.slice(0, at), key.slice(at + 1));
      if (found) out.set(key, found.ladder);
    }
    return out;
  }, [signature]);
  const wanted = signature ? signature.split(',').length : 0;
  useEffect(() => {
    if (known.size === wanted) return;
    let stale = false;
    void Promise.all(
      (signature ? signature.split(',') : []).map(async (key) => {
        const at = key.lastIndexOf('@');
        try {
          return [key, (await storedVersion(key.slice(0, at), key.slice(at + 1))).ladder] as const;
        } catch {
          return [key, null] as const;
        }
      }),
    ).then((entries) => {
      if (!stale) setLoaded({ signature, ladders: new Map(entries) });
    });
    return () => {
      stale = true;
    };
  }, [signature, known, wanted]);
  if (known.size === wanted) return known;
  return loaded.signature === signature ? loaded.ladders : new Map([...loaded.ladders, ...known]);
}

export const frozenKey = (r: FrozenLadderRef) => `${r.ladderId}@${r.hash}`;
