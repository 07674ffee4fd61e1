import type { LadderSummary } from '../../shared/ipc/ladders';
import { callMain, onMainEvent, perMain } from './ipc';
import type { Output } from './useMain';

/**
 * Ladders are the largest answers main gives (the model and its files: a few hundred kB for the
 * shipped engineering ladder) and most growth screens need the same one or two, often several
 * times on one screen (a person's page checks their placement, their stagnation and their
 * evidence against it). Each is asked of main once and shared: a stored version for good (its
 * hash names its content), the file in use per key and hash until main says ladders changed.
 */
class Shared<T> {
  private readonly pending = new Map<string, Promise<T>>();
  private readonly settled = new Map<string, T>();

  constructor(private readonly limit: number) {}

  /** The answer, when it is already here: a screen draws with it at once. */
  peek(key: string): T | undefined {
    return this.settled.get(key);
  }

  /** The answer, asked of main once however many screens want it; a failure is not kept. */
  get(key: string, ask: () => Promise<T>): Promise<T> {
    const known = this.pending.get(key);
    if (known) return known;
    const asked = ask().then(
      (value) => {
        if (this.pending.get(key) === asked) this.settled.set(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.pending.get(key) === asked) this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, asked);
    // The oldest go first: a handful of ladders is what a person works with.
    while (this.pending.size > this.limit) {
      const oldest = this.pending.keys().next().value!;
      this.pending.delete(oldest);
      this.settled.delete(oldest);
    }
    return asked;
  }

  clear(): void {
    this.pending.clear();
    this.settled.clear();
  }
}

const stored = () => perMain('stored-ladder-versions', () => new Shared<Output<'ladders:version-get'>>(24));
/** A ladder file's answer (its version in use, files, draft) changes only with an event main pushes. */
const inUse = () =>
  perMain('ladder-files', () => {
    const files = new Shared<Output<'ladders:get'>>(12);
    onMainEvent('ladders:changed', () => files.clear());
    return files;
  });

export const storedVersionKey = (ladderId: string, hash: string) => `${ladderId}@${hash}`;
export const inUseKey = (summary: Pick<LadderSummary, 'key' | 'hash'>) => `${summary.key}@${summary.hash ?? ''}`;

/** An exact version of a ladder from main's version store (what an assessment or a packet was frozen against). */
export function storedVersion(ladderId: string, hash: string): Promise<Output<'ladders:version-get'>> {
  return stored().get(storedVersionKey(ladderId, hash), () => callMain('ladders:version-get', { ladderId, hash }));
}

export const peekStoredVersion = (ladderId: string, hash: string) => stored().peek(storedVersionKey(ladderId, hash));

/** A ladder file as main has it now, for the version the list names (its hash). */
export function ladderFile(summary: Pick<LadderSummary, 'key' | 'hash'>): Promise<Output<'ladders:get'>> {
  return inUse().get(inUseKey(summary), () => callMain('ladders:get', { key: summary.key }));
}

export const peekLadderFile = (summary: Pick<LadderSummary, 'key' | 'hash'>) => inUse().peek(inUseKey(summary));
