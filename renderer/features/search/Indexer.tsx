import { useEffect, useState } from 'react';

import { useRepositories } from '../../app/data';
import { useMainCall, useMainQuery } from '../../app/useMain';
import { pushSearchDocs, startSearchIndex, stopSearchIndex } from './client';
import type { SearchDoc } from './kinds';
import { criterionDocs } from './kinds/ladder-criteria';

/**
 * Keeps the search index of this window: starts the worker once the first screen is up (it reads
 * IndexedDB itself, off the main thread) and hands it the ladder criteria, which come from files
 * main reads, again whenever a ladder changes. Renders nothing.
 */
export default function SearchIndexer() {
  const { db } = useRepositories();
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const handle = requestIdleCallback(() => setIdle(true), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, []);
  useEffect(() => {
    if (!idle) return;
    startSearchIndex(db.name);
    return () => stopSearchIndex();
  }, [idle, db.name]);

  const list = useMainQuery('ladders:list', undefined, { refreshOn: ['ladders:changed'], skip: !idle });
  const call = useMainCall();
  const ladders = list.status === 'ready' ? list.value.ladders : null;
  useEffect(() => {
    if (!ladders) return;
    let current = true;
    void (async () => {
      const docs: SearchDoc[] = [];
      for (const summary of ladders) {
        try {
          const detail = await call('ladders:get', { key: summary.key });
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
  }, [ladders, call]);
  return null;
}
