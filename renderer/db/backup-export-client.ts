import type { DatabaseFacts } from '../../shared/backup';
import type { ExportStored } from './backup-export';
import type { ExportMessage, ExportRequest } from './backup-export.worker';

export type { ExportStored };

/**
 * The export in a worker of its own (backup-export.worker.ts), so the page's main thread only
 * passes chunks on. One chunk at a time: the next is sent when `write` has taken this one, so
 * a slow disk holds the worker back instead of filling the page's memory. The worker is ended
 * when the export is over, failed, or `write` failed.
 */
export const exportInWorker: ExportStored = (name, write, options) =>
  new Promise<DatabaseFacts>((resolve, reject) => {
    const worker = new Worker(new URL('./backup-export.worker.ts', import.meta.url), { type: 'module', name: 'trellis-backup' });
    const end = (settle: () => void) => {
      worker.terminate();
      settle();
    };
    worker.onmessage = (event: MessageEvent<ExportMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'chunk':
          write(message.chunk).then(
            () => worker.postMessage({ type: 'ack' }),
            (error: unknown) => end(() => reject(error)),
          );
          break;
        case 'progress':
          options.onProgress?.(message.progress);
          break;
        case 'done':
          end(() => resolve(message.facts));
          break;
        case 'failed':
          end(() => reject(new Error(message.message)));
          break;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end(() => reject(new Error(event.message || 'The backup could not read the database.')));
    };
    worker.postMessage({ name, chunkChars: options.chunkChars } satisfies ExportRequest);
  });
