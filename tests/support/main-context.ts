import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Conf from 'conf';

import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createEventSink, type EventTransport } from '../../electron/ipc/events';
import { createFlushCoordinator, type FlushOutcome } from '../../electron/ipc/flush';
import { createHandlerTable, type MainContext } from '../../electron/ipc/index';
import { createLinkOpener, type ExternalLink } from '../../electron/services/external-links';
import type { KeyValueStore } from '../../electron/services/key-value';
import type { ReminderNotice } from '../../electron/services/reminders';
import type { AppNotice } from '../../shared/ipc/app';
import type { Channel } from '../../shared/ipc/channels';
import type { Input, Output } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { createFakeKeychain, type FakeKeychain } from './fake-keychain';
import { createManualClock } from './manual-clock';

type InputArgs<C extends Channel> = undefined extends Input<C> ? [input?: Input<C>] : [input: Input<C>];

export interface TestMain {
  dataDir: string;
  dispatch: Dispatch;
  store: KeyValueStore;
  /** The hrefs handed to the OS after the user confirmed them. */
  openedExternally: string[];
  /** The links main asked the user about, in order. */
  linkConfirmations: ExternalLink[];
  /** What the user answers to those confirmations, in order; when empty they say yes. */
  linkAnswers: boolean[];
  /** Where the test choosers put exports: a save dialog answers exportDir/<suggested name>. */
  exportDir: string;
  /** What the choosers were asked, in order (their titles). */
  dialogs: string[];
  /** What the folder chooser answers, in order; when empty it answers null (cancelled). */
  chooseFolderAnswers: (string | null)[];
  /** Events main emitted, in order; `transports` receive them live (the browser suite's pages). */
  emitted: { event: string; payload: unknown }[];
  transports: Set<EventTransport>;
  /** The user's ladders folder (inside dataDir). */
  laddersDir: string;
  /** The paths the save dialog handed out, in order. */
  savePaths: string[];
  /** Notices main has for the user (what app:notices hands out once). */
  notices: AppNotice[];
  /** Asks the page(s) to flush pending autosaves, as main does before a window closes; resolves with the outcome. */
  requestFlush(): Promise<FlushOutcome>;
  /** What the open-file dialog answers, in order; when empty it answers null (cancelled). */
  chooseOpenAnswers: (string | null)[];
  /** What the multi-file open dialog answers, in order; when empty it answers [] (cancelled). */
  chooseOpenPathsAnswers: string[][];
  /** Folders main asked the shell to open. */
  openedPaths: string[];
  /** The operations main has answered, in order (to wait until a page has asked for something). */
  answered: string[];
  /** The OS notifications main showed (follow-up reminders), in order. */
  notifications: ReminderNotice[];
  /** Main's reminder clock: it starts at the real time and moves only when a test moves it. */
  reminderClock: ReturnType<typeof createManualClock>;
  /** The system keychain main uses for "Remember on this device" (GNOME keyring unless a test changes it). */
  keychain: FakeKeychain;
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
  const linkConfirmations: ExternalLink[] = [];
  const linkAnswers: boolean[] = [];
  const exportDir = path.join(dataDir, 'exports');
  await mkdir(exportDir);
  const dialogs: string[] = [];
  const chooseFolderAnswers: (string | null)[] = [];
  const emitted: TestMain['emitted'] = [];
  const transports = new Set<EventTransport>();
  const events = createEventSink((event, payload) => {
    emitted.push({ event, payload });
    for (const send of transports) send(event, payload);
  });
  const laddersDir = path.join(dataDir, 'ladders');
  const savePaths: string[] = [];
  const chooseOpenAnswers: (string | null)[] = [];
  const chooseOpenPathsAnswers: string[][] = [];
  const openedPaths: string[] = [];
  const disposers: (() => Promise<void>)[] = [];
  const notices: AppNotice[] = [];
  const answered: string[] = [];
  const flush = createFlushCoordinator();
  const notifications: ReminderNotice[] = [];
  const reminderClock = createManualClock(new Date());
  const keychain = createFakeKeychain();
  const handlers = createHandlerTable({
    bundledLaddersDir: repoLaddersDir,
    onDispose: (dispose) => void disposers.push(dispose),
    version: '0.0.0-test',
    platform: process.platform,
    userDataDir: dataDir,
    store,
    openLink: createLinkOpener({
      confirm: async (link) => {
        linkConfirmations.push(link);
        return linkAnswers.shift() ?? true;
      },
      open: async (href) => void openedExternally.push(href),
    }),
    chooseSavePath: async ({ title, defaultName }) => {
      dialogs.push(title);
      const target = path.join(exportDir, defaultName);
      savePaths.push(target);
      return target;
    },
    chooseFolder: async ({ title }) => {
      dialogs.push(title);
      return chooseFolderAnswers.shift() ?? null;
    },
    chooseOpenPath: async ({ title }) => {
      dialogs.push(title);
      return chooseOpenAnswers.shift() ?? null;
    },
    chooseOpenPaths: async ({ title }) => {
      dialogs.push(title);
      return chooseOpenPathsAnswers.shift() ?? [];
    },
    openPath: async (folder) => {
      openedPaths.push(folder);
      return '';
    },
    events,
    notices,
    flush,
    notify: (notice) => void notifications.push(notice),
    reminderClock,
    keychain,
    ...overrides,
  });
  const dispatch = createDispatcher(handlers, () => {});
  return {
    dataDir,
    store,
    openedExternally,
    linkConfirmations,
    linkAnswers,
    exportDir,
    dialogs,
    chooseFolderAnswers,
    emitted,
    transports,
    laddersDir,
    savePaths,
    notices,
    requestFlush: () => flush.request((payload) => events.emit('app:flush-requested', payload)),
    chooseOpenAnswers,
    chooseOpenPathsAnswers,
    openedPaths,
    answered,
    notifications,
    reminderClock,
    keychain,
    dispatch: async (channel, payload) => {
      const answer = await dispatch(channel, payload);
      answered.push(String(channel));
      return answer;
    },
    dispose: async () => {
      for (const dispose of disposers.splice(0)) await dispose();
      // A write main started for the page (a daily backup) may still be finishing: retry.
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

/**
 * One operation of the contract, as the renderer's window.trellis would call it: input and
 * answer typed by shared/ipc, so tests need no casts. The dispatcher checked the answer against
 * the contract's output schema, which is what makes the type true. Malformed calls (unknown
 * channels, wrong payloads) go through `main.dispatch`, which takes anything.
 */
export function call<C extends Channel>(main: Pick<TestMain, 'dispatch'>, channel: C, ...[input]: InputArgs<C>): Promise<IpcResult<Output<C>>> {
  return main.dispatch(channel, input) as Promise<IpcResult<Output<C>>>;
}
