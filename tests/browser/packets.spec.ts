import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Page } from '@playwright/test';

import { addDaysIso, todayIso } from '../../shared/domain/dates';
import { openPacketFile } from '../../shared/packets';
import { ladderText } from '../support/assessment-ladders';
import { canariesIn, canary } from '../support/canary';
import { call, type TestMain } from '../support/main-context';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { PacketsPage } from './pages/packets';
import { addPerson } from './pages/people';
import { putRows } from './support-db';

const run = promisify(execFile);

test.beforeEach(async ({ main }) => {
  // A long flow with screenshots, axe and four exports on a shared machine: more time, no deadline.
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
});

const today = todayIso();
const day = (offset: number) => addDaysIso(today, offset);

/**
 * Alex, placed at S1 on the support ladder, with a year of evidence: an old 1:1 whose private notes
 * hold a canary, two recent finished assessments naming "code", and a private assessment (with a
 * canary in its private notes) that must never be offered or exported.
 */
async function seedAlex(app: Page, main: TestMain) {
  await addPerson(app, { name: 'Alex Rivera', email: 'alex@example.com', title: 'Support Specialist' });
  const list = await call(main, 'ladders:list');
  if (!list.ok) throw new Error('no ladders');
  const support = list.value.ladders.find((l) => l.id === 'support' && l.origin === 'user')!;
  const people = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('trellis');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: string; name: string }[]>((resolve) => {
      const req = db.transaction('people').objectStore('people').getAll();
      req.onsuccess = () => resolve(req.result as { id: string; name: string }[]);
    });
    db.close();
    return rows;
  });
  const alex = people.find((p) => p.name === 'Alex Rivera')!;
  const ladder = { ladderId: 'support', version: '1.0.0', hash: support.hash! };
  await putRows(app, 'people', [{ ...alex, placement: { ladderId: 'support', trackId: 'ic', levelId: 'S1', against: ladder } }]);
  const stamp = new Date().toISOString();
  await putRows(app, 'meetings', [
    {
      id: 'm-old',
      personId: alex.id,
      seriesId: null,
      kind: 'one-on-one',
      date: day(-200),
      agenda: [],
      sharedNotes: 'Talked about the ledger design',
      privateNotes: canary('meetings.privateNotes'),
      tags: [],
      createdAt: stamp,
      updatedAt: stamp,
    },
  ]);
  const assessment = (id: string, kind: 'self' | 'manager', date: string, visibility: 'private' | 'shareable') => ({
    id,
    personId: alex.id,
    date,
    visibility,
    criteria: [{ ladderId: 'support', competencyId: 'code', levelId: 'S1', criterionId: 'code-s1-a' }],
    competencyIds: ['code'],
    kind,
    ladder,
    trackId: 'ic',
    levelId: 'S1',
    period: { from: day(-180), to: date },
    status: 'finished',
    revision: 1,
    chainId: id,
    ratings: [],
    summary: 'Shipped the ledger',
    privateNotes: canary(`assessments.privateNotes.${id}`),
    createdAt: stamp,
    updatedAt: stamp,
    finishedAt: stamp,
  });
  await putRows(app, 'assessments', [
    assessment('a-manager', 'manager', day(-20), 'shareable'),
    assessment('a-self', 'self', day(-40), 'shareable'),
    assessment('a-private', 'manager', day(-30), 'private'),
  ]);
}

test('build a packet: evidence per criterion, checks, redaction preview, four formats that verify and keep private notes out', async ({
  app,
  main,
  browser,
}, testInfo) => {
  await seedAlex(app, main);
  const packets = await PacketsPage.open(app);
  await lookInBothThemes(app, 'packets-empty', testInfo);
  const dialog = await packets.startNew();
  await dialog.person('Alex Rivera');
  // Placed at S1: the next level up is proposed.
  await expect(dialog.targetLevel()).toContainText('S2 Senior Specialist');
  const builder = await dialog.start();
  await expect(app.getByRole('heading', { level: 1, name: 'Packet: Alex Rivera' })).toBeVisible();
  await expect(builder.summary('Role')).toHaveValue('Support Specialist');

  const designs = builder.criterion('Designs modules others build on.');
  await designs.addEvidence(/Manager assessment, revision 1 \(names this competency\)/);
  await designs.narrative.fill('Designed the ledger module two teams now build on; she is abrasive in reviews.');
  const reviews = builder.criterion('Reviews every change of the team.');
  await reviews.addEvidence(/Self-assessment, revision 1/);
  await builder.criterion('Handles incidents on their own.').narrative.fill('Ran the October incident alone.');
  await builder.summary('Key projects and impact').fill('Ledger rewrite: month-end close went from 3 days to 4 hours.');
  await expect(designs.linked).toHaveCount(1);
  await builder.saved();

  // The private assessment is never offered.
  await builder
    .criterion('Explains trade-offs to other teams.')
    .root.getByRole('button', { name: /Add evidence$/ })
    .click();
  // The old 1:1 and the two shareable assessments: the private one is not among them.
  await expect(app.getByRole('option')).toHaveCount(3);
  await expect(app.getByRole('option', { name: /Manager assessment/ })).toHaveCount(1);
  await expect(app.getByRole('option', { name: /1:1 on/ })).toHaveCount(1);
  await app.keyboard.press('Escape');

  // Checks: a criterion without evidence, a claim without an example, recency, wording.
  await expect(builder.checks).toContainText('No evidence for “Explains trade-offs to other teams.”');
  await expect(builder.checks).toContainText('The narrative for “Handles incidents on their own.” has no linked example.');
  await expect(builder.checks).toContainText('2 of 2 examples are from the last 3 months of the period.');
  await expect(builder.checks).toContainText('“abrasive” in the narrative for “Designs modules others build on.” (describes personality, not behaviour)');
  await expect(builder.criterion('Explains trade-offs to other teams.').findings).toContainText('Link an example from the evidence list');
  await lookInBothThemes(app, 'packets-builder', testInfo, { sizes: screenSizes });

  // Redaction preview: exactly the HTML that leaves.
  const preview = await builder.preview();
  const frame = preview.root.getByRole('document', { name: /^Preview: Promotion packet/ });
  await expect(frame.getByRole('heading', { name: 'Designs modules others build on.' })).toBeVisible();
  await expect(frame).toContainText('Manager assessment, revision 1');
  expect(canariesIn(await frame.innerText())).toEqual([]);
  await lookInBothThemes(app, 'packets-preview', testInfo);
  await preview.root.getByRole('button', { name: 'Close' }).click();

  // Export all four formats; each lands where main's save dialog said.
  const formats = ['Markdown', 'HTML', 'signed JSON', 'PDF'] as const;
  for (const [i, format] of formats.entries()) {
    await builder.export(format);
    // Each export is written where the dialog said before the next one starts.
    await expect
      .poll(async () => (main.savePaths[i] ? (await stat(main.savePaths[i]!).catch(() => null))?.size : undefined), { timeout: 60_000 })
      .toBeGreaterThan(0);
  }
  const [md, html, json, pdf] = main.savePaths;
  expect(md).toMatch(/\.md$/);
  expect(html).toMatch(/\.html$/);
  expect(json).toMatch(/\.json$/);
  expect(pdf).toMatch(/\.pdf$/);
  const mdText = await readFile(md!, 'utf8');
  const htmlText = await readFile(html!, 'utf8');
  const jsonText = await readFile(json!, 'utf8');
  const pdfText = (await run('pdftotext', ['-layout', pdf!, '-'])).stdout;
  for (const text of [mdText, htmlText, jsonText, pdfText]) {
    expect(canariesIn(text)).toEqual([]);
    expect(text).toContain('Designs modules others build on.');
    expect(text).toContain('Explains trade-offs to other teams.');
    expect(text).not.toContain('a-private');
  }
  expect(mdText).toContain('Manager assessment, revision 1');

  // The PDF: cover, contents, a heading per criterion, page numbers; pages to look at.
  expect(pdfText).toMatch(/promotion packet/i);
  expect(pdfText).toContain('Contents');
  expect(pdfText).toMatch(/Page 1 of \d+/);
  const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf!])).stdout)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  const pictures = testInfo.outputPath('packet-pdf');
  await run('pdftoppm', ['-png', '-r', '50', pdf!, pictures]);

  // The JSON verifies: hash, schema, signature.
  const opened = await openPacketFile(jsonText);
  expect(opened.ok).toBe(true);
  if (opened.ok) {
    expect(opened.signature.status).toBe('valid');
    expect(opened.content.person.name).toBe('Alex Rivera');
    expect(opened.ladder.ladderId).toBe('support');
  }

  // The HTML loads nothing from outside: every request it makes is recorded and refused.
  const context = await browser.newContext();
  const reader = await context.newPage();
  const requests: string[] = [];
  await reader.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await reader.setContent(htmlText, { waitUntil: 'load' });
  await expect(reader.getByRole('heading', { level: 1, name: 'Alex Rivera' })).toBeVisible();
  expect(requests).toEqual([]);
  await context.close();
});
