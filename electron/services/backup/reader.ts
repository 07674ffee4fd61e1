import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';

import { z } from 'zod';

import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupLimits, type BackupManifest, manifestSchema } from '../../../shared/backup';
import { BackupRefusedError, openArchive } from './archive';

export const MANIFEST_PATH = 'manifest.json';
export const DATABASE_PATH = 'database.json';
export const SETTINGS_PATH = 'settings.json';
export const LADDERS_PREFIX = 'ladders/';
export const VERSIONS_PREFIX = 'ladder-versions/';

export interface StoredFile {
  /** Relative to its folder, with `/` separators. */
  path: string;
  data: Uint8Array;
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** The database part, exactly as the renderer streamed it (dexie-export-import's JSON). */
  databaseText: string;
  settings: Record<string, unknown> | null;
  ladders: StoredFile[];
  versions: StoredFile[];
}

export interface ReadOptions {
  /** The newest database version this Trellis can open (the renderer's Dexie version). */
  maxDatabaseVersion: number;
}

const headerSchema = z.object({ format: z.unknown(), formatVersion: z.unknown(), app: z.object({ version: z.unknown() }).partial().optional() });

const newerMessage = (version: unknown) =>
  `This backup was made by a newer Trellis${typeof version === 'string' ? ` (${version.slice(0, 40)})` : ''}. Update Trellis, then restore it.`;

/**
 * A path inside the archive that can safely become a file under one of our folders: relative,
 * forward slashes, no `..`, nothing hidden, no drive letters or characters Windows refuses.
 */
export function isSafeArchivePath(p: string): boolean {
  if (p.length === 0 || p.length > 1024 || p.startsWith('/') || p.includes('\\')) return false;
  return p.split('/').every((s) => s.length > 0 && s.length <= 255 && !s.startsWith('.') && !/[:*?"<>|\p{Cc}]/u.test(s) && !/[ .]$/.test(s));
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function parseJson(data: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    throw new BackupRefusedError(`The backup is damaged: its ${what} is not readable.`);
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`)
    .join('; ');
}

/**
 * Checks everything about a backup file that can be checked without the database code: the
 * container's checksum, the manifest, every part's size and sha256, the versions, and the
 * shape of every part main will write. Throws BackupRefusedError with the reason; nothing is
 * written anywhere while reading.
 */
export async function readBackup(data: Uint8Array, options: ReadOptions): Promise<OpenedBackup> {
  if (data.byteLength > backupLimits.maxFileBytes) throw new BackupRefusedError('The file is larger than any backup Trellis makes.');
  const files = await openArchive(data);
  const manifestBytes = files[MANIFEST_PATH];
  if (!manifestBytes) throw new BackupRefusedError('This zip archive is not a Trellis backup: it has no manifest.');
  const raw = parseJson(manifestBytes, 'manifest');
  const header = headerSchema.safeParse(raw);
  if (!header.success || header.data.format !== BACKUP_FORMAT) throw new BackupRefusedError('This zip archive is not a Trellis backup.');
  const formatVersion = header.data.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) throw new BackupRefusedError(newerMessage(header.data.app?.version));
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new BackupRefusedError(`The backup's manifest is not valid (${describe(parsed.error)}).`);
  const manifest = parsed.data;
  if (manifest.database.version > options.maxDatabaseVersion) {
    throw new BackupRefusedError(
      `${newerMessage(manifest.app.version)} (Its data is in format ${manifest.database.version}; this Trellis reads up to format ${options.maxDatabaseVersion}.)`,
    );
  }

  const listed = new Set<string>();
  let database: Uint8Array | null = null;
  let settings: Record<string, unknown> | null = null;
  const ladders: StoredFile[] = [];
  const versions: StoredFile[] = [];
  let ladderBytes = 0;
  for (const part of manifest.parts) {
    if (listed.has(part.path)) throw new BackupRefusedError(`The backup's manifest lists ${part.path} twice.`);
    listed.add(part.path);
    if (!isSafeArchivePath(part.path)) throw new BackupRefusedError(`The backup contains a file with an unsafe name (${part.path.slice(0, 100)}).`);
    const bytes = files[part.path];
    if (!bytes) throw new BackupRefusedError(`The backup is incomplete: ${part.path} is missing.`);
    if (bytes.byteLength !== part.bytes || sha256(bytes) !== part.sha256) {
      throw new BackupRefusedError(`The backup is damaged: ${part.path} does not match its checksum.`);
    }
    switch (part.kind) {
      case 'database':
        if (part.path !== DATABASE_PATH || database) throw new BackupRefusedError('The backup has more than one database part.');
        database = bytes;
        break;
      case 'settings': {
        if (part.path !== SETTINGS_PATH) throw new BackupRefusedError(`Unexpected settings part ${part.path}.`);
        const value = parseJson(bytes, 'settings file');
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          throw new BackupRefusedError('The backup is damaged: its settings are not readable.');
        settings = value as Record<string, unknown>;
        break;
      }
      case 'ladder':
        if (!part.path.startsWith(LADDERS_PREFIX) || !/\.ya?ml$/i.test(part.path)) throw new BackupRefusedError(`Unexpected ladder part ${part.path}.`);
        ladderBytes += bytes.byteLength;
        if (ladders.length >= backupLimits.maxLadderFiles || ladderBytes > backupLimits.maxLadderBytes)
          throw new BackupRefusedError('The backup holds more ladder files than Trellis restores.');
        ladders.push({ path: part.path.slice(LADDERS_PREFIX.length), data: bytes });
        break;
      case 'ladder-version': {
        const m = /^ladder-versions\/([^/]+)\/([0-9a-f]{64})\.json$/.exec(part.path);
        const stored = m ? (parseJson(bytes, `stored ladder version ${part.path}`) as { hash?: unknown }) : null;
        if (!m || stored?.hash !== m[2]) throw new BackupRefusedError(`The backup is damaged: ${part.path} is not a stored ladder version.`);
        versions.push({ path: part.path.slice(VERSIONS_PREFIX.length), data: bytes });
        break;
      }
    }
  }
  for (const name of Object.keys(files)) {
    if (name !== MANIFEST_PATH && !listed.has(name) && !name.endsWith('/'))
      throw new BackupRefusedError(`The backup contains a file its manifest does not list (${name.slice(0, 100)}).`);
  }
  if (!database) throw new BackupRefusedError('The backup has no database part.');
  // Node's UTF-8 check and decoder: several times faster than a fatal TextDecoder on the large
  // database part, with the same result (a leading byte order mark dropped as TextDecoder does).
  if (!isUtf8(database)) throw new BackupRefusedError('The backup is damaged: its database part is not readable text.');
  let databaseText = Buffer.from(database.buffer, database.byteOffset, database.byteLength).toString('utf8');
  if (databaseText.charCodeAt(0) === 0xfeff) databaseText = databaseText.slice(1);
  if (!/^\s*\{\s*"formatName"\s*:\s*"dexie"/.test(databaseText.slice(0, 100)))
    throw new BackupRefusedError('The backup is damaged: its database part is not a database export.');
  if (manifest.ladders.files !== ladders.length) throw new BackupRefusedError('The backup is damaged: its ladder files do not match the manifest.');
  return { manifest, databaseText, settings, ladders, versions };
}
