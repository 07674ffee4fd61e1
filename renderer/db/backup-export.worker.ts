/// <reference lib="webworker" />
import type { DatabaseFacts } from '../../shared/backup';
import { exportDatabase, type ExportProgress } from './backup-export';
import { openAsStored } from './backup-schema';

/** What the page asks of this worker: one export, then it is terminated. */
export interface ExportRequest {
  name: string;
  chunkChars: number;
}

/** What this worker tells the page. A chunk waits for `ack` before the next one is sent. */
export type ExportMessage =
  | { type: 'chunk'; chunk: string }
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; facts: DatabaseFacts }
  | { type: 'failed'; message: string };

/**
 * The backup's read of the whole database, off the page's main thread. IndexedDB hands a page of
 * rows over on the thread that asked for it, and Chromium delivers replies that are waiting in
 * one task: read from the page, a backup of the large set froze the window for hundreds of
 * milliseconds at a time, once a day, whatever the user was doing.
 */
let acked: (() => void) | null = null;
/**
 * JSON characters per read request here. Each request is a round trip to IndexedDB: at the page's
 * default (backup-export.ts) the large sample set took some 600 of them, and the read twice the
 * time IndexedDB alone needs. A long task in this worker is felt by no one; a page this size is a
 * few MB of the worker's memory.
 */
const WORKER_PAGE_CHARS = 4 * 1024 * 1024;
const post = (message: ExportMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ExportRequest | { type: 'ack' }>) => {
  const data = event.data;
  if ('type' in data) {
    acked?.();
    acked = null;
    return;
  }
  void run(data);
};

async function run({ name, chunkChars }: ExportRequest): Promise<void> {
  try {
    const db = await openAsStored(name);
    try {
      const facts = await exportDatabase(
        db,
        (chunk) =>
          new Promise<void>((resolve) => {
            acked = resolve;
            post({ type: 'chunk', chunk });
          }),
        { chunkChars, pageChars: WORKER_PAGE_CHARS, onProgress: (progress) => post({ type: 'progress', progress }) },
      );
      post({ type: 'done', facts });
    } finally {
      db.close();
    }
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : 'The backup could not read the database.' });
  }
}
