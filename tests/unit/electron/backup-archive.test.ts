import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BackupRefusedError, createArchiveWriter, openArchive } from '../../../electron/services/backup/archive';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'trellis-archive-'));
});
afterAll(async () => rm(folder, { recursive: true, force: true }));

const encoder = new TextEncoder();

/** JSON-like text of about `chars` characters that deflates as real rows do (not to nothing). */
function rowsText(chars: number): string {
  const rows: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const row = JSON.stringify({ id: `row-${i}`, note: randomBytes(24).toString('base64'), text: 'déjà vu 😀 '.repeat(i % 5) });
    rows.push(row);
    length += row.length + 1;
  }
  return `[${rows.join(',')}]`;
}

async function archive(parts: Record<string, Uint8Array>, pieceBytes = 1_000_000): Promise<Uint8Array> {
  const writer = await createArchiveWriter(folder);
  for (const [name, data] of Object.entries(parts)) {
    const part = await writer.beginPart(name);
    for (let offset = 0; offset < data.byteLength; offset += pieceBytes) await part.write(data.subarray(offset, offset + pieceBytes));
    await part.end();
  }
  const file = path.join(folder, `${crypto.randomUUID()}.trellisbackup`);
  await writer.commit(file);
  return new Uint8Array(await readFile(file));
}

/** The archive with its trailing checksum made right again after a change (as a forger would). */
function resealed(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data);
  const digest = createHash('sha256')
    .update(out.subarray(0, out.byteLength - 64))
    .digest('hex');
  out.set(encoder.encode(digest), out.byteLength - 64);
  return out;
}

describe('backup archive', () => {
  it('unpacks a large database part (inflated by zlib) and small parts exactly as written', async () => {
    const database = encoder.encode(rowsText(3_500_000));
    const manifest = encoder.encode('{"format":"x"}');
    const data = await archive({ 'database.json': database, 'ladders/team.yaml': encoder.encode('name: Team\n'), 'manifest.json': manifest }, 333_333);
    const files = await openArchive(data);
    expect(Object.keys(files).sort()).toEqual(['database.json', 'ladders/team.yaml', 'manifest.json']);
    expect(Buffer.from(files['database.json']!).equals(Buffer.from(database))).toBe(true);
    expect(new TextDecoder().decode(files['manifest.json'])).toBe('{"format":"x"}');
    // Any zip reader gets the same bytes.
    const plain = unzipSync(data.subarray(0, data.byteLength));
    expect(Buffer.from(plain['database.json']!).equals(Buffer.from(database))).toBe(true);
  });

  it('refuses a large part whose size in the directory is not what it inflates to, even with a valid checksum', async () => {
    const database = encoder.encode(rowsText(2_000_000));
    const data = await archive({ 'database.json': database, 'manifest.json': encoder.encode('{}') });
    // The central directory entry of database.json: its uncompressed size, one byte less.
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let at = -1;
    for (let i = data.byteLength - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50 && Buffer.from(data.subarray(i + 46, i + 46 + 13)).toString('latin1') === 'database.json') {
        at = i;
        break;
      }
    }
    expect(at).toBeGreaterThan(0);
    const forged = new Uint8Array(data);
    new DataView(forged.buffer).setUint32(at + 24, database.byteLength - 1, true);
    const error = await openArchive(resealed(forged)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/^The backup is damaged: the archive cannot be unpacked/);
  });

  it('refuses a large part whose deflated data is broken, even with a valid checksum', async () => {
    const data = await archive({ 'database.json': encoder.encode(rowsText(2_000_000)), 'manifest.json': encoder.encode('{}') });
    const forged = new Uint8Array(data);
    // Bytes in the middle of the database part's deflated data.
    for (let i = 5_000; i < 5_064; i++) forged[i] = 0xff;
    const error = await openArchive(resealed(forged)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/^The backup is damaged/);
  });
});
