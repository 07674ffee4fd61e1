import { useEffect, useState } from 'react';

import { useRepositories } from '../../app/data';
import { afterFirstScreen } from '../../app/first-screen';
import { ladderFile } from '../../app/useLadders';
import { useMainQuery } from '../../app/useMain';
import { forgetSearchIndex, renewSearchGeneration } from '../../db/search-index-store';
import { pushSearchDocs, startSearchIndex, stopSearchIndex } from './client';
import type { SearchDoc } from './kinds';
import { criterionDocs } from './kinds/ladder-criteria';

/**
 * Keeps the search index of this window: starts the worker once the first screen is up (it reads
 * IndexedDB itself, off the main thread; with the passphrase lock on, only while unlocked) and hands it the ladder criteria, which come from files
 * main reads, again whenever a ladder changes. Renders nothing.
 */
export default function SearchIndexer() {
  const { db } = useRepositories();
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let current = true;
    void afterFirstScreen().then(() => current && setIdle(true));
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    if (!idle) return;
    // The passphrase lock: the worker reads encrypted fields with the data key the page holds.
    // When the key goes (Lock now, the idle lock) the index, which holds decrypted text, is ended
    // at once, before anything else runs; a new key (the lock turned on) builds it again.
    // With a key the index is never saved, and one saved before the lock was turned on (words of
    // private notes, in the clear) is deleted.
    const start = (key: CryptoKey | null) => {
      if (key) {
        renewSearchGeneration(db.name);
        void forgetSearchIndex(db.name).catch(() => {});
      }
      startSearchIndex(db.name, { key });
    };
    let key = db.lock.key;
    start(key);
    const unsubscribe = db.lock.subscribe(() => {
      if (db.lock.key === key) return;
      key = db.lock.key;
      stopSearchIndex();
      if (key || db.lock.scope === null) start(key);
    });
    return () => {
      unsubscribe();
      stopSearchIndex();
    };
  }, [idle, db]);

  const list = useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], skip: !idle, shareLatest: true });
  const ladders = list.status === 'ready' ? list.value.ladders : null;
  useEffect(() => {
    if (!ladders) return;
    let current = true;
    void (async () => {
      const docs: SearchDoc[] = [];
      for (const summary of ladders) {
        try {
          // Through the shared cache: the growth screens opened later find the ladder already read.
          const detail = await ladderFile(summary);
          if (detail.ladder) docs.push(...criterionDocs(summary.key, detail.ladder));
        } catch {
          // A ladder main cannot read now has nothing to search; the Ladders screen says why.
        }
      }
      if (current) pushSearchDocs('ladder-criterion', docs);
    })();
    return () => {
      current = false;
    };
  }, [ladders]);
  return null;
}
