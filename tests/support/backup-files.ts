import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { createArchiveWriter } from '../../electron/services/backup/archive';

/**
 * Builds a backup-shaped archive with a valid whole-file checksum around any parts: lets tests
 * make files whose only fault is inside (a newer version, a wrong part checksum, a bad path).
 */
export async function writeArchive(folder: string, name: string, parts: Record<string, string | Uint8Array>): Promise<string> {
  await mkdir(folder, { recursive: true });
  const writer = await createArchiveWriter(folder);
  for (const [part, content] of Object.entries(parts)) {
    await writer.addPart(part, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  const target = path.join(folder, name);
  await writer.commit(target);
  return target;
}
