/** The text of an export on its way to main, in bounded chunks, without holding up the read that makes it. */

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts text given as pieces into chunks of at most `size` characters, never between the two
 * halves of a surrogate pair: each chunk is built once from the pieces it spans.
 */
export function* chunksOf(pieces: Iterable<string>, size: number): Generator<string> {
  if (size < 2) throw new RangeError('A chunk must hold at least two characters');
  let parts: string[] = [];
  let length = 0;
  const take = (): string => {
    let chunk = parts.join('');
    parts = [];
    length = 0;
    const last = chunk.charCodeAt(chunk.length - 1);
    // A high surrogate at the cut: its low half starts the next chunk, so it goes there too.
    if (isHighSurrogate(last)) {
      parts = [chunk.slice(-1)];
      length = 1;
      chunk = chunk.slice(0, -1);
    }
    return chunk;
  };
  for (const piece of pieces) {
    let offset = 0;
    while (piece.length - offset >= size - length) {
      const end = offset + size - length;
      parts.push(piece.slice(offset, end));
      offset = end;
      length = size;
      yield take();
    }
    if (offset < piece.length) {
      parts.push(offset === 0 ? piece : piece.slice(offset));
      length += piece.length - offset;
    }
  }
  if (length > 0) yield parts.join('');
}

/**
 * Characters handed to `write` and not yet taken. While the read transaction runs, each page goes
 * on to `write` at once, so main deflates and hashes it while the next pages are read. Once this
 * much waits (main has fallen behind), the rest is kept as Blobs until the transaction is over:
 * the transaction cannot wait for main (IndexedDB would commit it half-way), and the page's
 * memory must not hold the whole database.
 */
const MAX_WAITING_CHARS = 16 * 1024 * 1024;

/**
 * The text of the export on its way to `write`: chunks of at most `chunkChars`, taken one at a
 * time in order. `put` never waits; what cannot go yet is kept, as a Blob when it is large.
 */
export class Outbox {
  private tail = '';
  private waiting = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  /** Everything after the first piece that could not go at once, in order. */
  private readonly later: (string | Blob)[] = [];
  private total = 0;
  private taken = 0;
  private flushing = false;

  /** `onTaken` reports the chunks `write` takes once `flush` has begun: before that, the read's own progress is shown. */
  constructor(
    private readonly write: (chunk: string) => Promise<void>,
    private readonly chunkChars: number,
    private readonly onTaken: (taken: number, total: number) => void,
    private readonly maxWaiting = MAX_WAITING_CHARS,
  ) {}

  /** Adds text to the export; `large` text is kept as a Blob if it has to wait. */
  put(text: string, large = false): void {
    if (this.failure) throw this.failure.error;
    this.total += text.length;
    if (this.later.length === 0 && this.waiting < this.maxWaiting) {
      if (this.tail.length + text.length <= this.chunkChars) {
        this.tail += text;
        return;
      }
      // A page's text goes as slices of itself (no copy), the tail before it as a chunk of its
      // own: joining the two would copy most of the export once more, for fewer messages.
      if (this.tail) this.send(this.tail);
      let offset = 0;
      while (text.length - offset > this.chunkChars) {
        let end = offset + this.chunkChars;
        if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
        this.send(text.slice(offset, end));
        offset = end;
      }
      this.tail = offset === 0 ? text : text.slice(offset);
      return;
    }
    if (this.later.length === 0 && this.tail) this.later.push(this.tail);
    this.tail = '';
    this.later.push(large ? new Blob([text]) : text);
  }

  /** Sends everything that is left, in order; resolves once `write` has taken the last chunk. */
  async flush(): Promise<void> {
    this.flushing = true;
    await this.queue;
    for (let i = 0; i < this.later.length; i++) {
      const piece = this.later[i]!;
      this.later[i] = '';
      const text = typeof piece === 'string' ? piece : await piece.text();
      const chunks = [...chunksOf([this.tail, text], this.chunkChars)];
      this.tail = chunks.pop() ?? '';
      for (const chunk of chunks) await this.take(chunk);
    }
    this.later.length = 0;
    if (this.tail) await this.take(this.tail);
    this.tail = '';
  }

  private send(chunk: string): void {
    this.waiting += chunk.length;
    this.queue = this.queue.then(() => this.take(chunk));
    // Seen by the next put (which aborts the read) or by flush; not an unhandled rejection meanwhile.
    this.queue.catch((error: unknown) => (this.failure ??= { error }));
  }

  private async take(chunk: string): Promise<void> {
    await this.write(chunk);
    this.waiting = Math.max(0, this.waiting - chunk.length);
    this.taken += chunk.length;
    // Blob sizes are bytes, string lengths characters: close enough for a progress bar.
    if (this.flushing) this.onTaken(this.taken, this.total);
  }
}
