import type { FrozenLadderRef } from '../evidence/refs';
import { openPacketFile } from './exchange';
import type { PacketContent } from './model';

/**
 * What a committee sees about each packet file it opens: whether it can be trusted (hash, schema,
 * signature) and judged against the ladder in use (same version), before anyone reads it.
 */
export type CandidateFlag = 'changed' | 'unreadable' | 'unsigned' | 'bad-signature' | 'other-ladder-version' | 'unknown-ladder';

export interface OpenedCandidate {
  fileName: string;
  content: PacketContent | null;
  ladder: FrozenLadderRef | null;
  fingerprint: string | null;
  flags: { flag: CandidateFlag; message: string }[];
}

/** The version of each ladder in use here, by ladder id (its content hash). */
export type LaddersInUse = ReadonlyMap<string, { hash: string; version: string }>;

/** Gives the event loop a turn (input, paint) between two files: a macrotask, not a microtask. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface OpenCandidatesOptions {
  /** Called after each file with how many are checked. */
  onProgress?: (checked: number, total: number) => void;
}

/**
 * Checks the files one at a time, yielding between them: each file's JSON, canonical form, hash
 * and schema are a few milliseconds of work, so 50 files never become one long task that freezes
 * the window (the signature is WebCrypto's, off the main thread).
 */
export async function openCandidates(
  files: readonly { name: string; text?: string; error?: string }[],
  inUse: LaddersInUse,
  options: OpenCandidatesOptions = {},
): Promise<OpenedCandidate[]> {
  const out: OpenedCandidate[] = [];
  for (const [index, file] of files.entries()) {
    if (index > 0) await nextTurn();
    options.onProgress?.(index, files.length);
    if (file.text === undefined) {
      out.push({
        fileName: file.name,
        content: null,
        ladder: null,
        fingerprint: null,
        flags: [{ flag: 'unreadable', message: file.error ?? 'This file could not be read.' }],
      });
      continue;
    }
    const opened = await openPacketFile(file.text);
    if (!opened.ok) {
      out.push({
        fileName: file.name,
        content: null,
        ladder: null,
        fingerprint: null,
        flags: [{ flag: opened.code === 'changed' ? 'changed' : 'unreadable', message: opened.message }],
      });
      continue;
    }
    const flags: OpenedCandidate['flags'] = [];
    if (opened.signature.status === 'unsigned') flags.push({ flag: 'unsigned', message: 'Not signed: nothing shows who sent it.' });
    if (opened.signature.status === 'invalid') flags.push({ flag: 'bad-signature', message: opened.signature.message });
    const used = inUse.get(opened.ladder.ladderId);
    if (!used) flags.push({ flag: 'unknown-ladder', message: `Judged against ladder “${opened.ladder.ladderId}”, which is not in use here.` });
    else if (used.hash !== opened.ladder.hash)
      flags.push({
        flag: 'other-ladder-version',
        message: `Judged against version ${opened.ladder.version} of “${opened.ladder.ladderId}”; version ${used.version} is in use here.`,
      });
    out.push({
      fileName: file.name,
      content: opened.content,
      ladder: opened.ladder,
      fingerprint: opened.signature.status === 'valid' ? opened.signature.fingerprint : null,
      flags,
    });
  }
  return out;
}
