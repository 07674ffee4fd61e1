import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The identity of a text: sha256 in hex. Two versions with the same hash are the same version. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Writes `text` so that a reader (or a crash) sees either the old file or the new one, never
 * half of it: a temp file in the same folder (same file system, so rename is atomic), flushed
 * to disk, then renamed over the target.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Makes the rename itself durable where the platform allows opening a folder (not Windows). */
async function syncFolder(dir: string): Promise<void> {
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

/** The text of a file, or null when it is missing or unreadable (the caller reports it). */
export async function readTextOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** True when `child` is `folder` itself or inside it (after resolving `..`). */
export function isInside(folder: string, child: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(child));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Ladder files are YAML or JSON; drafts (`x.draft.yaml`), JSON Schemas and hidden/temp files are not ladders. */
export function isLadderFileName(name: string): boolean {
  if (name.startsWith('.')) return false;
  if (!/\.(ya?ml|json)$/i.test(name) || /\.schema\.json$/i.test(name)) return false;
  return !isDraftFileName(name);
}

export function isDraftFileName(name: string): boolean {
  return /\.draft\.(ya?ml|json)$/i.test(name);
}

/** `team.yaml` → `team.draft.yaml`, beside the original. */
export function draftPathFor(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.draft${ext}`);
}
