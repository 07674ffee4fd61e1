/**
 * The storage behind settings. In the app it is electron-store; in plain Node (tests, the
 * browser suite's bridge) it is `conf` on a temp folder, or memory. All share this shape.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    get: (key) => structuredClone(data.get(key)),
    set: (key, value) => void data.set(key, structuredClone(value)),
    path: ':memory:',
  };
}
