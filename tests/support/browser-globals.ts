/**
 * dexie-export-import expects two browser globals: `self` when it loads and `FileReader` when it
 * finishes an export. Node has neither; unit tests import this before the library.
 */
const g = globalThis as { self?: unknown; FileReader?: unknown };
g.self ??= globalThis;

/** Just what the library uses: readAsArrayBuffer with onload/onerror. */
class NodeFileReader {
  onload: ((ev: { target: { result: ArrayBuffer } }) => void) | null = null;
  onerror: ((ev: { target: { error: unknown } }) => void) | null = null;
  onabort: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob) {
    blob.arrayBuffer().then(
      (result) => this.onload?.({ target: { result } }),
      (error: unknown) => this.onerror?.({ target: { error } }),
    );
  }
}
g.FileReader ??= NodeFileReader;
