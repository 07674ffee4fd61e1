import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { build } from 'vite';

import { todayIso } from '../../../shared/domain/dates';
import type { SampleSizeName } from '../../../shared/sample';
import { installBridge } from '../../support/bridge';
import { chromiumArgs, chromiumExecutable } from '../../support/chromium';
import { createTestMain, type TestMain } from '../../support/main-context';
import { serveFolder, type StaticServer } from '../../support/static-server';
import type { Picks } from './page/main';

const here = path.dirname(fileURLToPath(import.meta.url));
export const distDir = path.resolve(here, '../../../dist');
export const rendererDir = path.join(distDir, 'renderer');
const helperDir = path.join(distDir, 'bench-page');
const repoDir = path.resolve(here, '../../..');
/** Seeded profiles are kept between runs here, under a key of everything that shapes them. */
const cacheDir = path.join(repoDir, 'node_modules/.cache/trellis-bench');

/** The data sets a figure can ask for: a profile with nothing in it, or a seeded sample. */
export type SetName = 'empty' | SampleSizeName;

export const BENCH_SEED = 'bench';
/** IndexedDB belongs to an origin, port included: seeded profiles can be reused only on the same port. */
const BENCH_PORT = 47_831;

interface Helper {
  seed(size: SampleSizeName, seed: string, today: string): Promise<{ generateMs: number; loadMs: number; rows: number }>;
  pick(): Promise<Picks | null>;
  importRates(count: number, rounds: number): Promise<{ app: number[]; bare: number[] }>;
}

export interface Launched {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * One benchmark run in Chromium: the production renderer build and a helper page served from the
 * same origin (so both reach the same IndexedDB), one browser profile per data set, seeded once
 * per run through the app's own sample loader, and the real main-process handlers behind
 * window.trellis. Each launch is a fresh Chromium process on its profile: a real start.
 */
export class BenchSession {
  readonly today = todayIso();
  /** What seeding each set took, for the report. */
  readonly seeding = new Map<SetName, { generateMs: number; loadMs: number; rows: number }>();
  private readonly picked = new Map<SetName, Picks>();
  private readonly seeded = new Map<SetName, Promise<string>>();

  private constructor(
    private readonly root: string,
    private readonly server: StaticServer,
    private readonly main: TestMain,
    /** False when another run holds the fixed port: seed afresh, keep nothing. */
    private readonly reuse: boolean,
  ) {}

  static async start(): Promise<BenchSession> {
    if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error('There is no renderer build in dist/renderer: run npm run build:renderer first.');
    await buildHelper();
    const root = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-'));
    const main = await createTestMain();
    // The benchmark measures a manager's screens: past the first-run welcome.
    main.store.set('settings', { userRole: 'manager' });
    const fixed = await serveFolder(distDir, BENCH_PORT).catch(() => null);
    const server = fixed ?? (await serveFolder(distDir));
    if (!fixed) console.log(`scale bench: port ${BENCH_PORT} is taken; seeding afresh on ${server.origin}`);
    return new BenchSession(root, server, main, fixed !== null);
  }

  /** The next folder main's folder dialog answers (an export's destination). */
  answerFolderDialog(folder: string): void {
    this.main.chooseFolderAnswers.push(folder);
  }

  /** The next file main's open dialog answers (a backup to restore). */
  answerOpenDialog(file: string): void {
    this.main.chooseOpenAnswers.push(file);
  }

  /** The next files main's multi-file open dialog answers (packets to open). */
  answerOpenPathsDialog(files: readonly string[]): void {
    this.main.chooseOpenPathsAnswers.push([...files]);
  }

  /** The file main's save dialog answered last (main's test dialogs pick a temp path). */
  get lastSavedPath(): string | undefined {
    return this.main.savePaths.at(-1);
  }

  /**
   * Sums the time main's handlers spend on the channels `match` accepts, from now until the
   * returned function is called (which gives the sum): the figures that cross the test bridge
   * with megabytes tell main's work apart from the bridge's.
   */
  timeMain(match: (channel: string) => boolean): () => number {
    const dispatch = this.main.dispatch;
    let ms = 0;
    const byChannel = new Map<string, { calls: number; ms: number }>();
    this.main.dispatch = async (channel, payload) => {
      const start = performance.now();
      try {
        return await dispatch(channel, payload);
      } finally {
        if (match(String(channel))) {
          const spent = performance.now() - start;
          ms += spent;
          const c = byChannel.get(String(channel)) ?? { calls: 0, ms: 0 };
          byChannel.set(String(channel), { calls: c.calls + 1, ms: c.ms + spent });
        }
      }
    };
    return () => {
      this.main.dispatch = dispatch;
      if (process.env.TRELLIS_BENCH_VERBOSE) console.log(`  main: ${[...byChannel].map(([c, v]) => `${c} ×${v.calls} ${v.ms.toFixed(0)} ms`).join(', ')}`);
      return ms;
    };
  }

  /**
   * Records when main answers the channels `match` accepts (start and end, ms on this process's
   * clock), from now until the returned function is first called; it gives the calls: a figure can
   * tell whether work of the app's own (a daily backup) ran beside what it timed.
   */
  recordCalls(match: (channel: string) => boolean): () => { channel: string; start: number; end: number }[] {
    const dispatch = this.main.dispatch;
    const calls: { channel: string; start: number; end: number }[] = [];
    this.main.dispatch = async (channel, payload) => {
      const start = performance.now();
      try {
        return await dispatch(channel, payload);
      } finally {
        if (match(String(channel))) calls.push({ channel: String(channel), start, end: performance.now() });
      }
    };
    let stopped = false;
    return () => {
      // Once only: a later call must not undo a wrapper installed after this one ended.
      if (!stopped) this.main.dispatch = dispatch;
      stopped = true;
      return calls;
    };
  }

  /** Starts Chromium on a copy of the set's profile: for figures that change the data (restore, the lock). */
  async launchCopy(set: SetName, options: { probe?: boolean } = {}): Promise<Launched> {
    const dir = path.join(this.root, `copy-${set}-${crypto.randomUUID()}`);
    await cp(await this.profile(set), dir, { recursive: true });
    const launched = await this.launchOn(dir, options.probe ?? true);
    return {
      ...launched,
      close: async () => {
        await launched.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }

  get appUrl(): string {
    return `${this.server.origin}/renderer/index.html`;
  }

  /** The helper page (same origin as the app): a page that runs none of the app's code. */
  get helperUrl(): string {
    return `${this.server.origin}/bench-page/index.html`;
  }

  /** The profile folder of a set, seeded on first use. */
  profile(set: SetName): Promise<string> {
    let ready = this.seeded.get(set);
    if (!ready) {
      ready = this.seed(set);
      this.seeded.set(set, ready);
    }
    return ready;
  }

  /** The person with the longest history in a seeded set, their series and newest meeting. */
  async picks(set: SampleSizeName): Promise<Picks> {
    await this.profile(set);
    const p = this.picked.get(set);
    if (!p) throw new Error(`No picks for the ${set} set`);
    return p;
  }

  /** Starts Chromium on the set's profile with window.trellis and the probe installed. */
  async launch(set: SetName, options: { probe?: boolean } = {}): Promise<Launched> {
    return this.launchOn(await this.profile(set), options.probe ?? true);
  }

  /** A scratch profile for figures that make their own databases. */
  async scratch(name: string): Promise<Launched & { helper: Helper }> {
    const dir = path.join(this.root, `scratch-${name}`);
    await mkdir(dir, { recursive: true });
    const launched = await this.launchOn(dir, false);
    return { ...launched, helper: await this.openHelper(launched.page) };
  }

  async close(): Promise<void> {
    await Promise.all([this.server.close(), this.main.dispose()]);
    await rm(this.root, { recursive: true, force: true });
  }

  /**
   * A profile with the set loaded. Seeding the large set takes a while, so a seeded profile is
   * kept (node_modules/.cache/trellis-bench) and reused while the generator, the loader, the
   * schema, the seed and today are the same; anything else seeds afresh.
   */
  private async seed(set: SetName): Promise<string> {
    const key = await profileKey(set, this.today);
    const cached = path.join(cacheDir, `${set}-${key}`);
    if (this.reuse && existsSync(path.join(cached, '.seeded'))) {
      const dir = path.join(this.root, set);
      await cp(cached, dir, { recursive: true });
      if (set !== 'empty') {
        const launched = await this.launchOn(dir, false);
        try {
          const picks = await (await this.openHelper(launched.page)).pick();
          if (!picks) throw new Error(`The cached ${set} profile has no meetings to open`);
          this.picked.set(set, picks);
        } finally {
          await launched.close();
        }
      }
      console.log(`scale bench: reusing the seeded ${set} profile (${path.relative(repoDir, cached)})`);
      return dir;
    }
    const dir = path.join(this.root, set);
    await mkdir(dir, { recursive: true });
    const launched = await this.launchOn(dir, false);
    try {
      // The app creates its database (at the current version) as on a first start.
      await launched.page.goto(this.appUrl);
      await launched.page.getByRole('heading', { level: 1, name: 'Today' }).waitFor({ timeout: 60_000 });
      if (set !== 'empty') {
        const helper = await this.openHelper(launched.page);
        const seeded = await helper.seed(set, BENCH_SEED, this.today);
        this.seeding.set(set, seeded);
        console.log(
          `scale bench: seeded ${set} (${seeded.rows} rows): generated in ${(seeded.generateMs / 1000).toFixed(1)} s, loaded in ${(seeded.loadMs / 1000).toFixed(1)} s`,
        );
        const picks = await helper.pick();
        if (!picks) throw new Error(`The ${set} sample has no meetings to open`);
        this.picked.set(set, picks);
      }
    } finally {
      await launched.close();
    }
    if (!this.reuse) return dir;
    // Older seeds of this set are stale now.
    await mkdir(cacheDir, { recursive: true });
    for (const old of (await readdir(cacheDir)).filter((n) => n.startsWith(`${set}-`))) await rm(path.join(cacheDir, old), { recursive: true, force: true });
    await cp(dir, cached, { recursive: true });
    await writeFile(path.join(cached, '.seeded'), new Date().toISOString());
    return dir;
  }

  private async openHelper(page: Page): Promise<Helper> {
    await page.goto(this.helperUrl);
    await page.waitForFunction(() => 'Trellis bench helper (ready)' === document.title);
    const call =
      <K extends keyof Helper>(name: K) =>
      (...args: Parameters<Helper[K]>) =>
        page.evaluate(([n, a]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[n as string]!(...(a as unknown[])), [
          name,
          args,
        ] as const) as ReturnType<Helper[K]>;
    return { seed: call('seed'), pick: call('pick'), importRates: call('importRates') };
  }

  private async launchOn(dir: string, probe: boolean): Promise<Launched> {
    const executablePath = chromiumExecutable();
    const context = await chromium.launchPersistentContext(dir, {
      ...(executablePath ? { executablePath } : {}),
      args: chromiumArgs,
      viewport: { width: 1280, height: 800 },
    });
    // window.trellis as the preload installs it, over a binding to the real handler table.
    await installBridge(context, (channel, payload) => this.main.dispatch(channel, payload));
    if (probe) await context.addInitScript({ path: path.join(here, 'probe.js') });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, close: () => context.close() };
  }
}

/** A hash of the sources that decide what a seeded profile holds, with the set and today. */
async function profileKey(set: SetName, today: string): Promise<string> {
  const hash = createHash('sha256').update(`${set}\0${today}\0${BENCH_SEED}`);
  const files = [
    ...(await readdir(path.join(repoDir, 'shared/sample'), { recursive: true })).map((f) => path.join('shared/sample', f)),
    'shared/domain/meetings.ts',
    'renderer/db/database.ts',
    'renderer/db/sample.ts',
    'renderer/db/action-items.ts',
  ].sort();
  for (const file of files) {
    const full = path.join(repoDir, file);
    if (file.endsWith('.ts')) hash.update(file).update(await readFile(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds the helper page (tests/bench/chromium/page) with Vite into dist/bench-page. */
async function buildHelper(): Promise<void> {
  await build({
    configFile: false,
    root: path.join(here, 'page'),
    base: './',
    logLevel: 'warn',
    build: { outDir: helperDir, emptyOutDir: true, target: 'chrome130', reportCompressedSize: false },
  });
}
