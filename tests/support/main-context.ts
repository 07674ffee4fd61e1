import Conf from 'conf';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../electron/services/ladders/files';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createEventSink, type EventTransport } from '../../electron/ipc/events';
import { createHandlerTable, type MainContext } from '../../electron/ipc/index';
import type { KeyValueStore } from '../../electron/services/key-value';

export interface TestMain {
  dataDir: string;
  dispatch: Dispatch;
  store: KeyValueStore;
  openedExternally: string[];
  /** Events main emitted, in order; `transports` receive them live (the browser suite's pages). */
  emitted: { event: string; payload: unknown }[];
  transports: Set<EventTransport>;
  /** The user's ladders folder (inside dataDir) and the folders the test's folder chooser hands out, in order. */
  laddersDir: string;
  chooseFolderAnswers: (string | null)[];
  /** Exports the app "saved" through the save dialog: path and content. */
  savedFiles: { path: string; content: string }[];
  dispose(): Promise<void>;
}

/** The repository's shipped ladders: the bundled folder of the app. */
export const repoLaddersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ladders');

/** `conf` on disk: the same kind of JSON settings file electron-store writes in the app. */
export function confStore(dir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'trellis-test' });
  return { get: (k) => conf.get(k), set: (k, v) => conf.set(k, v), path: conf.path };
}

/** The real main-process handler table on a fresh temp data folder, minus Electron. */
export async function createTestMain(overrides: Partial<MainContext> = {}): Promise<TestMain> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-test-'));
  const store = confStore(dataDir);
  const openedExternally: string[] = [];
  const emitted: TestMain['emitted'] = [];
  const transports = new Set<EventTransport>();
  const events = createEventSink((event, payload) => {
    emitted.push({ event, payload });
    for (const send of transports) send(event, payload);
  });
  const laddersDir = path.join(dataDir, 'ladders');
  const chooseFolderAnswers: (string | null)[] = [];
  const savedFiles: TestMain['savedFiles'] = [];
  const disposers: (() => Promise<void>)[] = [];
  const exportsDir = path.join(dataDir, 'exports');
  const handlers = createHandlerTable({
    bundledLaddersDir: repoLaddersDir,
    chooseFolder: async () => chooseFolderAnswers.shift() ?? null,
    saveFile: async ({ defaultName, content }) => {
      await mkdir(exportsDir, { recursive: true });
      const file = path.join(exportsDir, defaultName);
      await writeFileAtomic(file, content);
      savedFiles.push({ path: file, content });
      return file;
    },
    onDispose: (dispose) => void disposers.push(dispose),
    version: '0.0.0-test',
    platform: process.platform,
    userDataDir: dataDir,
    store,
    openExternal: async (url) => void openedExternally.push(url),
    events,
    ...overrides,
  });
  return {
    dataDir,
    store,
    openedExternally,
    emitted,
    transports,
    laddersDir,
    chooseFolderAnswers,
    savedFiles,
    dispatch: createDispatcher(handlers, () => {}),
    dispose: async () => {
      for (const dispose of disposers.splice(0)) await dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
