import type { Kdf } from './kdf-params';

/** Argon2id in a fresh worker per derivation (it holds 64 MiB while it runs, none after). */
export const workerKdf: Kdf = (passphrase, params) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module', name: 'trellis-kdf' });
    worker.onmessage = (event: MessageEvent<{ ok: true; key: Uint8Array<ArrayBuffer> } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.key);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The key could not be derived.'));
    };
    worker.postMessage({ passphrase, params });
  });
