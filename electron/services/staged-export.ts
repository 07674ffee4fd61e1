import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

import { isPlainFileName, withExtension } from '../../shared/domain/file-names';
import { MAX_STREAMED_EXPORT_BYTES } from '../../shared/ipc/files';
import { AppError } from '../../shared/ipc/result';
import { createAtomicWriter, errorCode, fileError, type FileSystem, syncFolder } from './atomic-write';

/**
 * A streamed export of many files, all or nothing. `begin` makes a staging folder inside the
 * folder the user chose (same file system, so moving a file out of it is a rename); each chunk
 * is written and flushed there; `commit` moves every file into the chosen folder under a free
 * name, and on any failure takes back what it moved. Cancel, a failed chunk, a new export or
 * shutting down removes the staging folder, so nothing is left in the user's folder.
 */

export interface StagedExportFileSystem extends FileSystem {
  mkdtemp: typeof nodeFs.mkdtemp;
  rm: typeof nodeFs.rm;
}

export interface StagedExportLimits {
  /** Bytes one export may stage in all. */
  maxBytes: number;
}

interface Session {
  folder: string;
  staging: string;
  extension: string;
  /** Names in the order received; each is a file in `staging`. */
  names: string[];
  keys: Set<string>;
  bytes: number;
  /** Operations on one export run one after another. */
  queue: Promise<unknown>;
  /** Set once cancelled or failed: later chunks are refused. */
  closed: boolean;
}

/** Files of a chunk written at once into the staging folder. */
const STAGING_WRITES = 8;

/** The staging folder's name: a dot folder that reads as Trellis's own if a crash ever leaves one. */
export const STAGING_PREFIX = '.trellis-export-';

const freeName = (name: string, n: number) => {
  if (n === 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
};

export function createStagedExports(fs: StagedExportFileSystem = nodeFs, limits: StagedExportLimits = { maxBytes: MAX_STREAMED_EXPORT_BYTES }) {
  const atomic = createAtomicWriter(fs);
  const sessions = new Map<string, Session>();

  const removeStaging = (session: Session) => fs.rm(session.staging, { recursive: true, force: true }).catch(() => {});

  async function drop(id: string): Promise<boolean> {
    const session = sessions.get(id);
    if (!session) return false;
    sessions.delete(id);
    session.closed = true;
    await session.queue.catch(() => {});
    await removeStaging(session);
    return true;
  }

  function open(id: string): Session {
    const session = sessions.get(id);
    if (!session || session.closed) throw new AppError('not-found', 'This export was cancelled or has finished. Start it again.');
    return session;
  }

  /** One operation after another on an export; a failure closes it and removes what it staged. */
  function run<T>(id: string, session: Session, work: () => Promise<T>): Promise<T> {
    const next = session.queue.then(() => {
      if (session.closed) throw new AppError('not-found', 'This export was cancelled or has finished. Start it again.');
      return work();
    });
    session.queue = next.catch(() => {});
    return next.catch(async (error: unknown) => {
      await drop(id);
      throw error;
    });
  }

  return {
    /** Starts an export into `folder` (from main's dialog); one at a time, so an abandoned one is dropped. */
    async begin(folder: string, extension: string): Promise<string> {
      await Promise.all([...sessions.keys()].map(drop));
      let staging: string;
      try {
        staging = await fs.mkdtemp(path.join(folder, STAGING_PREFIX));
      } catch (error) {
        throw fileError(error, folder);
      }
      const id = randomBytes(16).toString('hex');
      sessions.set(id, { folder, staging, extension, names: [], keys: new Set(), bytes: 0, queue: Promise.resolve(), closed: false });
      return id;
    },

    /** Stages some files; returns how many the export holds now. Refuses bad names and oversize exports. */
    async add(id: string, files: { name: string; content: string }[]): Promise<number> {
      const session = open(id);
      return run(id, session, async () => {
        const named = files.map((f) => ({ name: withExtension(f.name.normalize('NFC'), session.extension), content: f.content }));
        const keys = new Set<string>();
        let bytes = session.bytes;
        for (const file of named) {
          if (!isPlainFileName(file.name)) throw new AppError('invalid-input', `"${file.name}" is not a plain file name, so Trellis will not write it.`);
          const key = file.name.toLowerCase();
          if (session.keys.has(key) || keys.has(key)) throw new AppError('invalid-input', `"${file.name}" appears twice in this export.`);
          keys.add(key);
          bytes += Buffer.byteLength(file.content, 'utf8');
        }
        if (bytes > limits.maxBytes)
          throw new AppError('invalid-input', `This export is over ${Math.round(limits.maxBytes / 1_000_000)} MB, more than one export can write.`);
        const stage = async (file: { name: string; content: string }) => {
          const target = path.join(session.staging, file.name);
          try {
            const temp = await atomic.writeTemp(target, file.content, 0o600);
            if (!(await atomic.placeWithoutReplacing(temp, target))) throw new AppError('internal', `"${file.name}" is already in the export.`);
          } catch (error) {
            throw fileError(error, session.folder);
          }
        };
        // A few files at a time: each write waits for its own flush, and a disk takes several at once (one after
        // another was most of an export's time). A group settles whole before a failure is thrown, so no write is
        // still under way when the failure removes the staging folder.
        for (let i = 0; i < named.length; i += STAGING_WRITES) {
          const group = named.slice(i, i + STAGING_WRITES);
          const failed = (await Promise.allSettled(group.map(stage))).find((r) => r.status === 'rejected');
          if (failed) throw failed.reason;
          for (const file of group) {
            session.names.push(file.name);
            session.keys.add(file.name.toLowerCase());
          }
        }
        session.bytes = bytes;
        return session.names.length;
      });
    },

    /** Moves every staged file into the chosen folder under a free name; all of them or, on failure, none. */
    async commit(id: string): Promise<{ folder: string; count: number }> {
      const session = open(id);
      return run(id, session, async () => {
        const placed: string[] = [];
        try {
          for (const name of session.names) {
            let n = 1;
            while (!(await atomic.placeWithoutReplacing(path.join(session.staging, name), path.join(session.folder, freeName(name, n))))) n += 1;
            placed.push(path.join(session.folder, freeName(name, n)));
          }
          await syncFolder(session.folder, fs);
        } catch (error) {
          await Promise.all(placed.map((file) => fs.unlink(file).catch((e: unknown) => (errorCode(e) === 'ENOENT' ? undefined : e))));
          throw fileError(error, session.folder);
        }
        sessions.delete(id);
        session.closed = true;
        await removeStaging(session);
        return { folder: session.folder, count: placed.length };
      });
    },

    /** Drops an export and its staging folder; false when there was none. */
    cancel: drop,

    /** Drops every open export (main shutting down). */
    async dispose(): Promise<void> {
      await Promise.all([...sessions.keys()].map(drop));
    },

    /** How many exports are open (for tests). */
    get openCount() {
      return sessions.size;
    },
  };
}

export type StagedExports = ReturnType<typeof createStagedExports>;
