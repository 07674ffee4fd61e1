/**
 * Backup files being written: the renderer streams the database part in, then main adds the
 * ladders folder, the ladder version store, the settings and the manifest, and commits the file
 * atomically (to the path the user chose in main's dialog, or into Trellis's backups folder).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import {
  automaticBackupName,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupLimits,
  type BackupManifest,
  type BackupPart,
  type BackupReason,
  type DatabaseFacts,
} from '../../../shared/backup';
import { AppError } from '../../../shared/ipc/result';
import { fileError } from '../atomic-write';
import type { KeyValueStore } from '../key-value';
import type { SettingsService } from '../settings';
import { type ArchiveWriter, createArchiveWriter, type PartStream } from './archive';
import { collectLadderFiles, collectVersionFiles } from './files';
import type { BackupsFolder } from './folder';
import { DATABASE_PATH, LADDERS_PREFIX, MANIFEST_PATH, SETTINGS_PATH, VERSIONS_PREFIX } from './reader';
import type { RestoreSessions } from './restore-session';
import type { BackupTarget, LastExport } from './service';

interface WriteSession {
  id: string;
  target: BackupTarget;
  createdAt: Date;
  writer: ArchiveWriter;
  database: PartStream;
  /** A high surrogate that ended the last chunk, joined to the next one. */
  carry: string;
  bytes: number;
  lastActivity: number;
}

const MAX_WRITE_SESSIONS = 3;
const encoder = new TextEncoder();

export interface WriteSessionOptions {
  backupsFolder: string;
  versionsRoot: string;
  folder: BackupsFolder;
  restores: RestoreSessions;
  settings: SettingsService;
  laddersFolder: () => string;
  store: KeyValueStore;
  appVersion: string;
  platform: string;
  now: () => Date;
}

export function createWriteSessions(options: WriteSessionOptions) {
  const { backupsFolder, versionsRoot, folder, restores, now } = options;
  const writes = new Map<string, WriteSession>();

  function writeSession(id: string): WriteSession {
    const session = writes.get(id);
    if (!session) throw new AppError('not-found', 'This backup was cancelled or has already finished.');
    session.lastActivity = Date.now();
    return session;
  }

  async function abortWrite(session: WriteSession) {
    writes.delete(session.id);
    await session.writer.abort();
  }

  return {
    async dropIdleSince(limit: number) {
      for (const session of [...writes.values()]) {
        if (session.lastActivity < limit) {
          writes.delete(session.id);
          await session.writer.abort();
        }
      }
    },

    /** Starts a backup file; null when an automatic daily backup is not due. */
    async begin(target: BackupTarget): Promise<{ sessionId: string } | null> {
      if (target.kind === 'automatic' && target.reason === 'daily' && !(await folder.dailyDue())) return null;
      // A restore waiting for confirmation or under way: the daily backup waits for the next hourly
      // check rather than read the data beside the restore's own backup of it (and slow both).
      if (target.kind === 'automatic' && target.reason === 'daily' && restores.pending()) return null;
      // Nor beside another backup being written (the user's export, a safety backup): two full
      // reads of the database at once take twice as long, and the data was just backed up anyway.
      if (target.kind === 'automatic' && target.reason === 'daily' && writes.size > 0) return null;
      if (target.kind === 'automatic' && target.reason === 'before-restore' && !restores.pending()) {
        throw new AppError('conflict', 'There is no restore waiting for a backup of the current data.');
      }
      if (writes.size >= MAX_WRITE_SESSIONS) throw new AppError('conflict', 'Several backups are already being written. Wait for them to finish.');
      const into = target.kind === 'export' ? path.dirname(target.path) : backupsFolder;
      try {
        await mkdir(into, { recursive: true });
        const writer = await createArchiveWriter(into, now);
        const database = await writer.beginPart(DATABASE_PATH);
        const id = randomUUID();
        writes.set(id, { id, target, createdAt: now(), writer, database, carry: '', bytes: 0, lastActivity: Date.now() });
        return { sessionId: id };
      } catch (error) {
        throw fileError(error, target.kind === 'export' ? path.basename(target.path) : 'the backups folder');
      }
    },

    async append(sessionId: string, chunk: string): Promise<{ bytes: number }> {
      const session = writeSession(sessionId);
      let text = session.carry + chunk;
      session.carry = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        session.carry = text.slice(-1);
        text = text.slice(0, -1);
      }
      const data = encoder.encode(text);
      session.bytes += data.byteLength;
      if (session.bytes > backupLimits.maxFileBytes) {
        await abortWrite(session);
        throw new AppError('invalid-input', 'The data is larger than a backup can hold.');
      }
      try {
        await session.database.write(data);
      } catch (error) {
        await abortWrite(session);
        throw fileError(error, 'the backup file');
      }
      return { bytes: session.bytes };
    },

    async finish(sessionId: string, facts: DatabaseFacts): Promise<{ file: string; path: string; bytes: number; createdAt: string; reason: BackupReason }> {
      const session = writeSession(sessionId);
      writes.delete(sessionId);
      const { writer, target, createdAt } = session;
      const reason: BackupReason = target.kind === 'export' ? 'manual' : target.reason;
      try {
        if (session.carry) await session.database.write(encoder.encode(session.carry));
        const parts: BackupPart[] = [{ ...(await session.database.end()), kind: 'database' }];
        const laddersFolder = options.laddersFolder();
        const ladders = await collectLadderFiles(laddersFolder);
        for (const file of ladders.files) parts.push({ ...(await writer.addPart(`${LADDERS_PREFIX}${file.path}`, file.data)), kind: 'ladder' });
        for (const file of await collectVersionFiles(versionsRoot)) {
          parts.push({ ...(await writer.addPart(`${VERSIONS_PREFIX}${file.path}`, file.data)), kind: 'ladder-version' });
        }
        parts.push({ ...(await writer.addPart(SETTINGS_PATH, encoder.encode(JSON.stringify(options.settings.get(), null, 2)))), kind: 'settings' });
        const manifest: BackupManifest = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: createdAt.toISOString(),
          reason,
          app: { name: 'Trellis', version: options.appVersion, platform: options.platform },
          database: facts,
          ladders: { folder: laddersFolder, files: ladders.files.length, skipped: ladders.skipped },
          // The passphrase lock keeps its key ring (wrapped keys, key check) as one row of the
          // `keyring` table, inside the database part: the rows stay encrypted as stored.
          lock: { enabled: facts.tables.some((t) => t.name === 'keyring' && t.rows > 0) },
          parts,
        };
        await writer.addPart(MANIFEST_PATH, encoder.encode(JSON.stringify(manifest, null, 2)));
        const file = target.kind === 'export' ? target.path : path.join(backupsFolder, automaticBackupName(createdAt, target.reason));
        const { bytes } = await writer.commit(file);
        if (target.kind === 'export') options.store.set('lastBackupExport', { at: createdAt.toISOString(), file } satisfies LastExport);
        else await folder.rotate();
        if (reason === 'before-restore') restores.safetyBackupWritten();
        return { file: path.basename(file), path: file, bytes, createdAt: createdAt.toISOString(), reason };
      } catch (error) {
        await writer.abort();
        throw fileError(error, target.kind === 'export' ? path.basename(target.path) : 'the backups folder');
      }
    },

    async cancel(sessionId: string): Promise<void> {
      const session = writes.get(sessionId);
      if (session) await abortWrite(session);
    },

    async dispose(): Promise<void> {
      for (const session of [...writes.values()]) await abortWrite(session);
    },
  };
}
