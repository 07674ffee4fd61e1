/**
 * The container of a backup: a zip archive (written by fflate, readable by any unzip tool) whose
 * comment ends with a sha256 of every byte before it. Per-part checksums live in the manifest;
 * this one also covers the zip's own structure (headers, sizes, dates, order), so a single
 * changed, missing or moved byte anywhere is caught before a restore reads a single part.
 *
 * Parts are compressed with Node's zlib (native, about twice as fast as fflate's JavaScript
 * deflate on the large database part); fflate lays out the archive around the compressed data.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import { type AsyncFlateStreamHandler, unzip, type Unzipped, Zip, type ZipInputFile } from 'fflate';

import { TRAILER_PREFIX } from '../../../shared/backup';
import { syncFolder, tempPathIn } from '../atomic-write';

const encoder = new TextEncoder();
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_LENGTH = 22;
const DIGEST_LENGTH = 64;
const trailerPrefix = encoder.encode(TRAILER_PREFIX);

export interface WrittenPart {
  path: string;
  bytes: number;
  sha256: string;
}

/** One zip entry fed in pieces: deflated by zlib as it arrives, hashed and CRC'd on the way. */
class ZlibEntry implements ZipInputFile {
  size = 0;
  crc = 0;
  compression = 8;
  flag = 0;
  mtime: Date;
  ondata!: AsyncFlateStreamHandler;
  private readonly hash = createHash('sha256');
  // Output in pieces of 256 KiB rather than zlib's 16 KiB: fewer trips between the pool and this thread.
  private readonly deflate = zlib.createDeflateRaw({ level: 1, chunkSize: 256 * 1024 });
  private failure: Error | null = null;

  constructor(
    readonly filename: string,
    mtime: Date,
  ) {
    this.mtime = mtime;
    this.deflate.on('data', (chunk: Buffer) => this.ondata(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength), false));
    this.deflate.on('error', (error) => (this.failure = error));
  }

  async write(data: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    this.size += data.byteLength;
    // zlib deflates on libuv's thread pool while this thread computes the CRC and the sha256 of
    // the same bytes: the piece costs the longer of the two, not their sum.
    const deflated = new Promise<void>((resolve, reject) => this.deflate.write(data, (error) => (error ? reject(error) : resolve())));
    this.crc = zlib.crc32(data, this.crc);
    this.hash.update(data);
    await deflated;
  }

  async end(): Promise<WrittenPart> {
    await new Promise<void>((resolve, reject) => {
      this.deflate.once('end', resolve);
      this.deflate.once('error', reject);
      this.deflate.end();
    });
    if (this.failure) throw this.failure;
    this.ondata(null, new Uint8Array(0), true);
    return { path: this.filename, bytes: this.size, sha256: this.hash.digest('hex') };
  }
}

export interface ArchiveWriter {
  /** The temp file being written, in the target's folder. */
  readonly tempPath: string;
  /** Starts a part that arrives in pieces; parts are written one after the other. */
  beginPart(name: string): Promise<PartStream>;
  /** A whole part at once. */
  addPart(name: string, data: Uint8Array): Promise<WrittenPart>;
  /** Ends the archive, writes the checksum, flushes to disk and moves the file to `target`. */
  commit(target: string): Promise<{ bytes: number }>;
  /** Removes the temp file; nothing appears under the real name. */
  abort(): Promise<void>;
}

export interface PartStream {
  write(data: Uint8Array): Promise<void>;
  end(): Promise<WrittenPart>;
}

/**
 * Writes an archive into a temp file beside `target` (same folder, so the final rename is
 * atomic). Nothing is visible under the real name until commit has flushed the data to disk.
 */
export async function createArchiveWriter(folder: string, now: () => Date = () => new Date()): Promise<ArchiveWriter> {
  const tempPath = tempPathIn(folder);
  const handle: FileHandle = await open(tempPath, 'wx', 0o600);
  const fileHash = createHash('sha256');
  let pending: Uint8Array[] = [];
  let written = 0;
  let zipError: Error | null = null;
  let tail: Uint8Array | null = null;
  let current: ZlibEntry | null = null;
  let closed = false;

  const zip = new Zip((error, chunk, final) => {
    if (error) {
      zipError = error;
      return;
    }
    if (final) tail = chunk;
    else pending.push(chunk);
  });

  async function writeOut(data: Uint8Array) {
    if (data.byteLength === 0) return;
    fileHash.update(data);
    let offset = 0;
    while (offset < data.byteLength) {
      const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
      offset += bytesWritten;
    }
    written += data.byteLength;
  }

  async function flush() {
    if (zipError) throw zipError;
    const chunks = pending;
    pending = [];
    for (const chunk of chunks) await writeOut(chunk);
  }

  async function beginPart(name: string): Promise<PartStream> {
    if (current) throw new Error(`Part ${current.filename} is still being written`);
    const entry = new ZlibEntry(name, now());
    current = entry;
    zip.add(entry);
    return {
      write: async (data) => {
        await entry.write(data);
        await flush();
      },
      end: async () => {
        const part = await entry.end();
        current = null;
        await flush();
        return part;
      },
    };
  }

  async function close() {
    if (closed) return;
    closed = true;
    await handle.close();
  }

  return {
    tempPath,
    beginPart,
    async addPart(name, data) {
      const stream = await beginPart(name);
      for (let offset = 0; offset < data.byteLength; offset += 4 * 1024 * 1024) await stream.write(data.subarray(offset, offset + 4 * 1024 * 1024));
      return stream.end();
    },
    async commit(target) {
      zip.end();
      await flush();
      const end = tail as Uint8Array | null;
      if (!end || end.byteLength < EOCD_LENGTH) throw new Error('The zip archive did not end properly');
      // The end record comes last with an empty comment: give it ours, then the checksum.
      const patched = new Uint8Array(end);
      const view = new DataView(patched.buffer, patched.byteOffset, patched.byteLength);
      if (view.getUint32(patched.byteLength - EOCD_LENGTH, true) !== EOCD_SIGNATURE) throw new Error('Unexpected end of zip archive');
      view.setUint16(patched.byteLength - 2, trailerPrefix.byteLength + DIGEST_LENGTH, true);
      await writeOut(patched);
      await writeOut(trailerPrefix);
      const digest = encoder.encode(fileHash.digest('hex'));
      let offset = 0;
      while (offset < digest.byteLength) offset += (await handle.write(digest, offset)).bytesWritten;
      written += digest.byteLength;
      await handle.sync();
      await close();
      await rename(tempPath, target);
      await syncFolder(path.dirname(target));
      return { bytes: written };
    },
    async abort() {
      await close().catch(() => {});
      await unlink(tempPath).catch(() => {});
    },
  };
}

/** Why a file is not a backup Trellis can restore; the message is for the user. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

const startsWith = (data: Uint8Array, text: string) => Buffer.from(data.subarray(0, text.length)).toString('latin1') === text;

/** Finds the end-of-central-directory record (at most 64 KiB of comment after it), or -1. */
function findEndRecord(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = data.byteLength - EOCD_LENGTH; i >= 0 && data.byteLength - i <= EOCD_LENGTH + 65_535; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

const inflateRaw = promisify(zlib.inflateRaw);
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Parts larger than this are inflated by zlib. */
const NATIVE_INFLATE_BYTES = 1024 * 1024;

interface DeflatedEntry {
  start: number;
  compressedSize: number;
  size: number;
}

/**
 * The archive's large deflated entries, from its central directory: where each one's data
 * starts and its sizes. Only plain cases (a name given once, in ASCII, no zip64); anything else
 * is left to fflate, which also refuses what is malformed.
 */
function largeDeflatedEntries(data: Uint8Array, end: number): Map<string, DeflatedEntry> {
  const found = new Map<string, DeflatedEntry>();
  const seen = new Set<string>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return new Map();
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) return new Map();
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    const name = Buffer.from(nameBytes).toString('latin1');
    at += 46 + skip;
    if (seen.has(name)) {
      found.delete(name);
      continue;
    }
    seen.add(name);
    const plain = method === 8 && size > NATIVE_INFLATE_BYTES && size !== 0xffffffff && compressedSize !== 0xffffffff && nameBytes.every((b) => b < 0x80);
    if (!plain || local + 30 > end || view.getUint32(local, true) !== LOCAL_SIGNATURE) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > end) continue;
    found.set(name, { start, compressedSize, size });
  }
  return found;
}

/**
 * Checks the container of a backup and unpacks it. Every failure is a BackupRefusedError that
 * says what is wrong: not an archive, not a Trellis backup, cut short, or damaged.
 */
export async function openArchive(data: Uint8Array): Promise<Unzipped> {
  if (data.byteLength === 0) throw new BackupRefusedError('The file is empty.');
  if (!startsWith(data, 'PK\u0003\u0004')) {
    const head = Buffer.from(data.subarray(0, 64)).toString('utf8').trimStart();
    if (head.startsWith('{') || head.startsWith('[')) throw new BackupRefusedError('This is a JSON file, not a Trellis backup.');
    throw new BackupRefusedError('This is not a Trellis backup: it is not a .trellisbackup archive.');
  }
  const trailerLength = trailerPrefix.byteLength + DIGEST_LENGTH;
  const end = findEndRecord(data);
  const hasOurTrailer = data.byteLength > trailerLength + EOCD_LENGTH && startsWith(data.subarray(data.byteLength - trailerLength), TRAILER_PREFIX) && end >= 0;
  if (!hasOurTrailer) {
    if (end < 0) throw new BackupRefusedError('The file is incomplete: its end is missing (it may have been cut short while copying).');
    const comment = Buffer.from(data.subarray(end + EOCD_LENGTH)).toString('utf8');
    if (comment.includes(TRAILER_PREFIX.slice(0, 20))) throw new BackupRefusedError('The file is incomplete: its checksum at the end is cut short.');
    throw new BackupRefusedError('This is a zip archive, but not a Trellis backup.');
  }
  const expected = Buffer.from(data.subarray(data.byteLength - DIGEST_LENGTH)).toString('latin1');
  const actual = createHash('sha256')
    .update(data.subarray(0, data.byteLength - DIGEST_LENGTH))
    .digest('hex');
  if (expected !== actual) {
    throw new BackupRefusedError('The backup is damaged: its content does not match the checksum written when it was made, so Trellis will not use it.');
  }
  try {
    // The large deflated parts (the database) are inflated by Node's zlib, several times faster
    // than fflate's JavaScript inflate; fflate unpacks the rest and stays the reader of record.
    const native = largeDeflatedEntries(data, end);
    const files = await new Promise<Unzipped>((resolve, reject) =>
      unzip(data, { filter: (file) => !native.has(file.name) }, (error, unzipped) => (error ? reject(error) : resolve(unzipped))),
    );
    for (const [name, entry] of native) {
      const inflated = await inflateRaw(data.subarray(entry.start, entry.start + entry.compressedSize), { maxOutputLength: Math.max(1, entry.size) });
      if (inflated.byteLength !== entry.size) throw new Error(`${name} is not the size its header gives`);
      files[name] = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    }
    return files;
  } catch (error) {
    throw new BackupRefusedError(`The backup is damaged: the archive cannot be unpacked (${(error as Error).message}).`);
  }
}
