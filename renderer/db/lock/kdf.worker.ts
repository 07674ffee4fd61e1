/// <reference lib="webworker" />
import { argon2Kdf, type KdfParams } from './kdf';

/** Argon2id off the main thread: 64 MiB and a second of work would freeze the window. */
self.onmessage = (event: MessageEvent<{ passphrase: string; params: KdfParams }>) => {
  argon2Kdf(event.data.passphrase, event.data.params).then(
    (key) => self.postMessage({ ok: true, key }, { transfer: [key.buffer] }),
    (error: unknown) => self.postMessage({ ok: false, message: error instanceof Error ? error.message : 'The key could not be derived.' }),
  );
};
