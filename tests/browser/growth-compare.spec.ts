import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ladderText } from '../support/assessment-ladders';
import { createTestMain, type TestMain } from '../support/main-context';
import { connectApp, expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { testLocale } from './locale';
import { WelcomePage } from './pages/first-run';
import { ConversationView, GrowthPage } from './pages/growth';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

const writeLadder = async (main: TestMain) => {
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
};

test.beforeEach(async ({ main }) => {
  // Two installs, long flows, screenshots and axe at two sizes: more time on a shared machine, no deadline.
  test.slow();
  await writeLadder(main);
});

const alex = { name: 'Alex Rivera', email: 'alex@example.com' };

test('an engineer self-assesses on their own Trellis; the manager imports the file, compares side by side and opens the gap', async ({
  app,
  browser,
  server,
}, testInfo) => {
  // The engineer's machine: a fresh install of its own, with the same ladder.
  const engineerMain = await createTestMain();
  await writeLadder(engineerMain);
  const context = await browser.newContext({ locale: testLocale, viewport: { width: 1280, height: 800 } });
  const engineer = await context.newPage();
  const disconnect = await connectApp(engineer, server, engineerMain);
  let file: string;
  try {
    await (await WelcomePage.expectShown(engineer)).completeAs('engineer', alex);
    const mine = await (await GrowthPage.open(engineer)).person('Alex Rivera');
    const self = await mine.start('self', { ladder: 'Support 1.0.0', level: 'S1 Specialist' });
    await self.rating('Writes small tested changes.').rate('Skilled');
    await self.rating('Writes small tested changes.').comment('Shipped the retry queue with tests');
    await self.rating('Follows the conventions.').rate('Learning');
    await self.rating('Communication').rate('3');
    await self.saved();
    await self.finish();
    await expect(self.status).toContainText('Finished · locked');
    await self.exportFile();
    file = await readFile(engineerMain.savePaths[0]!, 'utf8');
  } finally {
    disconnect();
    await context.close();
    await engineerMain.dispose();
  }

  // The manager's machine.
  await addPerson(app, alex);
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  const manager = await person.start('manager', { ladder: 'Support 1.0.0', level: 'S1 Specialist' });
  await manager.rating('Writes small tested changes.').rate('Learning');
  await manager.rating('Follows the conventions.').rate('Learning');
  await manager.rating('Communication').rate('4');
  await manager.rating('Communication').comment('Clear write-ups of incidents');
  await manager.saved();
  await manager.finish();
  await expect(manager.status).toContainText('Finished · locked');
  await app.getByRole('link', { name: 'All assessments of Alex Rivera' }).click();
  const dialog = await person.importFile({ name: 'alex.json', text: file });
  await expect(dialog.outcome).toContainText('Imported the self-assessment of Alex Rivera (revision 1).');
  await dialog.close();

  const compare = await person.openSideBySide();
  await expect(compare.summary).toContainText('2 different, 0 rated by one side only, 1 the same · against Support 1.0.0, level S1');
  // Differences first, in ladder order when equally far apart; agreement after.
  expect(await compare.order()).toEqual([
    'Different views (2)',
    expect.stringMatching(/Code\s*Writes small tested changes\./),
    'Communication',
    'Same view (1)',
    expect.stringMatching(/Code\s*Follows the conventions\./),
  ]);
  const code = compare.row(/Writes small tested changes\./);
  await expect(code.getByRole('cell').nth(0)).toContainText('Skilled · above expected');
  await expect(code.getByRole('cell').nth(0)).toContainText('Shipped the retry queue with tests');
  await expect(code.getByRole('cell').nth(1)).toContainText('Learning · as expected');
  await expect(code.getByRole('cell').nth(2)).toHaveText('Learning');
  await expect(code.getByRole('cell').nth(3)).toHaveText('Self 1 step higher');
  await expect(compare.row('Communication').getByRole('cell').nth(3)).toHaveText('Manager 1 point higher');
  await expect(compare.row('Communication').getByRole('cell').nth(1)).toContainText('Clear write-ups of incidents');
  await lookInBothThemes(app, 'growth-side-by-side', testInfo, { sizes: screenSizes });

  // From the manager assessment to what S2 would take.
  await app.getByRole('link', { name: 'All assessments of Alex Rivera' }).click();
  const opened = await person.open('Manager assessment');
  const gap = await opened.openGap();
  await expect(gap.row('Code')).toContainText('Designs modules others build on.');
  await expect(gap.row('Code').getByRole('cell').nth(2)).toHaveText('Skilled, Learning');
  await expect(gap.row('Code').getByRole('cell').nth(3)).toHaveText('Learning, Learning');
  // Readiness is coverage of evidence per criterion S2 asks, never one score.
  await expect(gap.readiness).toContainText('0 of 4 criteria S2 adds or rewords have evidence of their own.');
  await expect(gap.row('Code').getByRole('cell').first()).toContainText('Designs modules others build on. no evidence yet');
  await expect(gap.evidenceFor('Code')).toContainText('Reviews every change of the team. · none yet');
  await expect(gap.pointsSuggestion).toHaveCount(0);
  await lookInBothThemes(app, 'growth-gap-coverage', testInfo, { sizes: screenSizes });
});

test('on a points ladder the gap view shows the level the points suggest, as a suggestion', async ({ app, main }, testInfo) => {
  await writeFile(path.join(main.laddersDir, 'platform.yaml'), await readFile(path.resolve(fixtures, 'ladders/app/scored.yaml'), 'utf8'));
  await addPerson(app, alex);
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  const manager = await person.start('manager', { ladder: 'Platform Ladder 3.1.0', level: 'P1 Platform Engineer' });
  await manager.ratingMatching(/^Responds to/).rate('Evangelizes');
  await manager.rating('Writes a runbook entry for every alert they add.').rate('Evangelizes');
  await manager.rating('Delivery').rate('Evangelizes');
  await manager.saved();
  await manager.finish();
  await expect(manager.status).toContainText('Finished · locked');
  const gap = await manager.openGap();
  await expect(gap.pointsSuggestion).toContainText('Manager assessment: 12 of 12 points suggest Senior Platform Engineer (P2)');
  await expect(gap.pointsSuggestion).toContainText('18 more for P3');
  await expect(gap.pointsSuggestion).toContainText('not a decision');
  await lookInBothThemes(app, 'growth-gap-points', testInfo);
});

test('a career conversation started from a 1:1 walks through the differences and adds them to that meeting’s agenda', async ({ app }, testInfo) => {
  await addPerson(app, alex);
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  const self = await person.start('self', { ladder: 'Support 1.0.0', level: 'S1 Specialist' });
  await self.rating('Writes small tested changes.').rate('Skilled');
  await self.rating('Follows the conventions.').rate('Skilled');
  await self.rating('Communication').rate('5');
  await self.saved();
  await self.finish();
  await expect(self.status).toContainText('Finished · locked');
  await app.getByRole('link', { name: 'All assessments of Alex Rivera' }).click();
  const manager = await person.start('manager', { ladder: 'Support 1.0.0', level: 'S1 Specialist' });
  await manager.rating('Writes small tested changes.').rate('Learning');
  await manager.rating('Follows the conventions.').rate('Learning');
  await manager.rating('Communication').rate('3');
  await manager.saved();
  await manager.finish();
  await expect(manager.status).toContainText('Finished · locked');

  await createSeries(app, 'Alex Rivera');
  const today = new Date().toISOString().slice(0, 10);
  const meeting = await startMeeting(app, 'Alex Rivera', today);
  await meeting.openCareerConversation();
  const conversation = new ConversationView(app);
  await expect(app.getByRole('link', { name: /^Back to the 1:1 on / })).toBeVisible();
  // The widest gap first.
  await expect(conversation.points.getByRole('listitem')).toHaveCount(3);
  await expect(conversation.points.getByRole('listitem').first()).toContainText('Communication');
  await expect(conversation.points.getByRole('listitem').first()).toContainText('Self 5 · manager 3 · Self 2 points higher');
  await expect(conversation.points.getByRole('listitem').nth(1)).toContainText('Code: Writes small tested changes.');
  await conversation.add('Communication');
  await lookInBothThemes(app, 'growth-conversation', testInfo, { sizes: screenSizes });
  await conversation.addAll();
  await expect(conversation.point('Writes small tested changes.')).toContainText('On the agenda');
  await expect(conversation.point('Follows the conventions.')).toContainText('On the agenda');
  await expect(app.getByRole('button', { name: /^Add all/ })).toHaveCount(0);

  await conversation.backToMeeting();
  await expect(meeting.heading('1:1 with Alex Rivera')).toBeVisible();
  await expect(meeting.item('Communication (self 5, manager 3)')).toBeVisible();
  await expect(meeting.item('Code: Writes small tested changes. (self Skilled, manager Learning, expected Learning)')).toBeVisible();
  await expect(meeting.talkingPoints.getByRole('listitem').filter({ hasText: 'Communication (self 5' })).toContainText('from the assessments');
});
