import { open } from 'node:fs/promises';

/**
 * Makes a rename durable where the platform lets a folder be opened (not Windows). Belongs with
 * the atomic-write helpers; kept here until they become one module.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse to fsync a folder; the file itself is already flushed.
  }
}
