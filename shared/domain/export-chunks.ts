/**
 * Cutting a stream of export files into messages main accepts: at most `maxFiles` files and
 * `maxChars` characters of content each (shared/ipc/files.ts), whatever the export's size.
 */

export interface ChunkLimits {
  maxFiles: number;
  maxChars: number;
}

export interface ChunkFile {
  name: string;
  content: string;
}

export class ChunkBuffer<F extends ChunkFile = ChunkFile> {
  private files: F[] = [];
  private chars = 0;

  constructor(private readonly limits: ChunkLimits) {}

  /**
   * Adds a file; returns the chunk that is full without it (send it), or null. A file longer than
   * `maxChars` on its own is refused: no message could carry it.
   */
  add(file: F): F[] | null {
    if (file.content.length > this.limits.maxChars) throw new RangeError(`${file.name} is longer than one export message can carry.`);
    let full: F[] | null = null;
    if (this.files.length >= this.limits.maxFiles || this.chars + file.content.length > this.limits.maxChars) full = this.take();
    this.files.push(file);
    this.chars += file.content.length;
    return full;
  }

  /** What is left (the last chunk), or null when empty. */
  take(): F[] | null {
    if (this.files.length === 0) return null;
    const chunk = this.files;
    this.files = [];
    this.chars = 0;
    return chunk;
  }
}
