import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base, type TestInfo } from '@playwright/test';

import { emitTo, installBridge } from '../support/bridge';
import { createTestMain, type TestMain } from '../support/main-context';
import { serveFolder, type StaticServer } from '../support/static-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererBuild = path.resolve(here, '../../dist/renderer');
export const screenshotDir = path.resolve(here, '.output/screens');

interface Fixtures {
  main: TestMain;
  app: Page;
  /**
   * false (the default): the profile starts as a manager's who has been through the welcome
   * (role set, nobody chosen as "me" yet), so a spec sees the app as before there was a welcome.
   * true: a truly fresh profile, which opens on the welcome (`test.use({ firstRun: true })`).
   */
  firstRun: boolean;
}

/**
 * `app` is the production renderer in Chromium with window.trellis installed the way the
 * preload installs it, except that each call crosses a Playwright binding instead of
 * ipcRenderer, and lands in the real handler table (on a temp data folder).
 */
export const test = base.extend<Fixtures, { server: StaticServer }>({
  server: [
    async ({}, use) => {
      const server = await serveFolder(rendererBuild);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  firstRun: [false, { option: true }],
  main: async ({ firstRun }, use) => {
    const main = await createTestMain();
    if (!firstRun) main.store.set('settings', { userRole: 'manager' });
    await use(main);
    await main.dispose();
  },
  app: async ({ page, server, main }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const disconnect = await connectApp(page, server, main);
    await use(page);
    disconnect();
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

/**
 * Installs window.trellis on a page (bridged to `main`) and opens the app in it. Tests that need
 * a second window of the same profile (e.g. after closing one mid-write) call it on a new page
 * of the same context. Returns the function that stops main's events reaching the page.
 */
export async function connectApp(page: Page, server: StaticServer, main: TestMain): Promise<() => void> {
  await installBridge(page, async (channel, payload, origin) => {
    if (origin !== server.origin) return { ok: false, error: { code: 'forbidden', message: 'This caller may not use Trellis operations.' } };
    return main.dispatch(channel, payload);
  });
  const send = (event: string, payload: unknown) => emitTo(page, event, payload);
  main.transports.add(send);
  await page.goto(`${server.origin}/index.html`);
  return () => main.transports.delete(send);
}

export { expect };

/** Saves a screenshot into the test's output and into tests/browser/.output/screens for review. */
async function snap(page: Page, name: string, testInfo: TestInfo) {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** No serious or critical accessibility violations on the current screen. */
async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(report, `accessibility violations on ${screen}`).toEqual([]);
}

/** The window sizes every screen is checked at: a small laptop and a common one. */
export const screenSizes = [
  [1280, 800],
  [1024, 640],
] as const;

/**
 * Looks at the current screen as a reviewer does: a screenshot in the light theme and one in the
 * dark (tests/browser/.output/screens/<name>-light.png, -dark.png), each checked by axe. With
 * `sizes`, at each of those window sizes too (<name>-1024x640-dark.png), back to 1280×800 after.
 * Leaves the page in the colour scheme it found, light unless the test chose dark.
 */
export async function lookInBothThemes(page: Page, name: string, testInfo: TestInfo, options: { sizes?: readonly (readonly [number, number])[] } = {}) {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const sizes = options.sizes ?? [null];
  for (const size of sizes) {
    if (size) await page.setViewportSize({ width: size[0], height: size[1] });
    const suffix = size ? `-${size[0]}x${size[1]}` : '';
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await snap(page, `${name}${suffix}-${scheme}`, testInfo);
      await expectAccessible(page, `${name}${suffix} (${scheme})`);
    }
  }
  if (options.sizes) await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
}
