import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { VERSION_HISTORY } from '../../../shared/ipc/ladders';
import { idPattern, type Ladder } from '../../../shared/ladder';
import { writeFileAtomic } from '../atomic-write';

export interface VersionInfo {
  ladderId: string;
  hash: string;
  version: string;
  name: string;
  /** When Trellis first loaded this exact content: the basis of "not changed since". */
  firstSeen: string;
  /** The ladder files it was read from, as `origin:relative/path` (a copy has the same hash). */
  sourceKeys: string[];
}

export interface StoredVersion extends VersionInfo {
  ladder: Ladder;
  files: { path: string; text: string }[];
}

export interface VersionStore {
  /** Keeps a copy of a valid version (once per hash); returns what is stored. */
  remember(entry: Omit<StoredVersion, 'firstSeen' | 'sourceKeys'> & { sourceKey: string }): Promise<VersionInfo>;
  list(ladderId: string): Promise<VersionInfo[]>;
  get(ladderId: string, hash: string): Promise<StoredVersion | null>;
  /** The newest version that came from a file: what stays in use when that file is broken at startup. */
  latestFromSource(sourceKey: string): Promise<StoredVersion | null>;
}

const folderName = (ladderId: string) => encodeURIComponent(ladderId);
const isHash = (value: string) => /^[0-9a-f]{64}$/.test(value);
/** Only ids of the ladder format name a folder here: never "..", "", or anything with a separator. */
const isLadderId = (value: string) => typeof value === 'string' && value.length <= 80 && idPattern.test(value) && !value.includes('..');

/**
 * The versions to keep of one ladder (oldest first): the last `recent`, the last one of every
 * distinct `version` value, and the last one read from each file (what stays in use if it breaks).
 */
export function versionsToKeep(all: VersionInfo[], recent: number = VERSION_HISTORY.recent): Set<string> {
  const keep = new Set(all.slice(-recent).map((v) => v.hash));
  const lastBy = (key: (v: VersionInfo) => string[]) => {
    const last = new Map<string, string>();
    for (const v of all) for (const k of key(v)) last.set(k, v.hash);
    for (const hash of last.values()) keep.add(hash);
  };
  lastBy((v) => [v.version]);
  lastBy((v) => v.sourceKeys);
  return keep;
}

/**
 * Every version that something may refer to (an assessment made against it, a diff) is kept as
 * JSON under `<userData>/ladder-versions/<ladder id>/<hash>.json`, with the source text and the
 * resolved ladder, so it can be shown and compared even after the file on disk moved on.
 */
export function createVersionStore(root: string, now: () => Date = () => new Date(), recent: number = VERSION_HISTORY.recent): VersionStore {
  const fileFor = (ladderId: string, hash: string) => path.join(root, folderName(ladderId), `${hash}.json`);

  async function read(file: string): Promise<StoredVersion | null> {
    // Written by Trellis itself; anything else under this name is not a version.
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as StoredVersion;
      return typeof parsed.hash === 'string' && typeof parsed.firstSeen === 'string' && Array.isArray(parsed.sourceKeys) ? parsed : null;
    } catch {
      return null;
    }
  }

  async function readAll(ladderId: string): Promise<StoredVersion[]> {
    if (!isLadderId(ladderId)) return [];
    const dir = path.join(root, folderName(ladderId));
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return [];
    }
    const versions = await Promise.all(names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).map((n) => read(path.join(dir, n))));
    return versions.filter((v): v is StoredVersion => v !== null).sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  }

  /** Keeps the store bounded: versions beyond what `versionsToKeep` names are removed. */
  async function prune(ladderId: string): Promise<void> {
    const all = await readAll(ladderId);
    const keep = versionsToKeep(all.map(info), recent);
    await Promise.all(all.filter((v) => !keep.has(v.hash)).map((v) => rm(fileFor(ladderId, v.hash), { force: true })));
  }

  const info = ({ ladderId, hash, version, name, firstSeen, sourceKeys }: StoredVersion): VersionInfo => ({
    ladderId,
    hash,
    version,
    name,
    firstSeen,
    sourceKeys,
  });

  return {
    async remember({ sourceKey, ...entry }) {
      if (!isLadderId(entry.ladderId) || !isHash(entry.hash)) throw new Error(`Not a ladder id and hash: ${entry.ladderId}`);
      const file = fileFor(entry.ladderId, entry.hash);
      const existing = await read(file);
      if (existing?.sourceKeys.includes(sourceKey)) return info(existing);
      const stored: StoredVersion = existing
        ? { ...existing, sourceKeys: [...existing.sourceKeys, sourceKey] }
        : { ...entry, sourceKeys: [sourceKey], firstSeen: now().toISOString() };
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, JSON.stringify(stored));
      if (!existing) await prune(entry.ladderId);
      return info(stored);
    },
    async list(ladderId) {
      return (await readAll(ladderId)).map(info);
    },
    async get(ladderId, hash) {
      if (!isLadderId(ladderId) || !isHash(hash)) return null;
      return read(fileFor(ladderId, hash));
    },
    async latestFromSource(sourceKey) {
      let ids: string[];
      try {
        ids = await readdir(root);
      } catch {
        return null;
      }
      let latest: StoredVersion | null = null;
      for (const id of ids) {
        let decoded: string;
        try {
          decoded = decodeURIComponent(id);
        } catch {
          continue;
        }
        for (const version of await readAll(decoded)) {
          if (version.sourceKeys.includes(sourceKey) && (!latest || version.firstSeen >= latest.firstSeen)) latest = version;
        }
      }
      return latest;
    },
  };
}
