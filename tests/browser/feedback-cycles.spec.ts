import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { CyclesPage } from './pages/cycles';
import { addPerson } from './pages/people';

const header = 'Respondent,About,Competency,Response,Date';

test('a small cycle end to end: peers asked, responses imported from a survey CSV, a summary per competency and the closed-loop rate', async ({
  app,
}, testInfo) => {
  test.slow();
  for (const name of ['Alex Rivera', 'Sam Lee', 'Kim Tan']) await addPerson(app, name);
  const cycles = await CyclesPage.open(app);
  const cycle = await cycles.plan('Peer feedback H2', ['Alex Rivera'], ['Code quality'], /Engineering/);
  await cycle.askPeer('Alex Rivera', 'Sam Lee');
  await cycle.askPeer('Alex Rivera', 'Kim Tan');
  await expect(cycle.figure('Requested')).toHaveText('2');
  await expect(cycle.figure('Received')).toHaveText('0');

  // Three bad files: each problem named by row and column, and nothing imported.
  let dialog = await cycle.importFile('wrong-columns.csv', 'Name,Feedback\nSam Lee,Great reviews\n');
  await expect(cycle.problems(dialog)).toContainText('About whom');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // "é" written by a Windows code page: one byte that is not UTF-8, in row 2, column "Response".
  const latin1 = Buffer.concat([
    Buffer.from(`${header}\nSam Lee,Alex Rivera,Code quality,Caf`),
    Buffer.from([0xe9]),
    Buffer.from(' review was thorough,2026-11-02\n'),
  ]);
  dialog = await cycle.importFile('latin1.csv', latin1);
  await expect(cycle.problems(dialog)).toContainText(/Row 2, column “Response”/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await cycle.importFile(
    'unknown.csv',
    `${header}\nSam Lee,Alex Rivera,Code quality,Careful reviews,2026-11-02\nKim Tan,Jordan Unknown,Code quality,Helpful,2026-11-03\n`,
  );
  await expect(cycle.problems(dialog)).toContainText(/Row 3, column “About”/);
  await expect(cycle.problems(dialog)).toContainText('Jordan Unknown');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(cycle.figure('Received')).toHaveText('0');

  dialog = await cycle.importFile(
    'survey.csv',
    `${header}\nSam Lee,Alex Rivera,Code quality,"Careful, kind code reviews",2026-11-02\nKim Tan,Alex Rivera,Code quality,Tests first every time,2026-11-03\n`,
  );
  await expect(dialog.getByRole('status')).toContainText('Ready: 2 responses about 1 person');
  await lookInBothThemes(app, 'cycle-import', testInfo, { sizes: screenSizes });
  await dialog.getByRole('button', { name: 'Import 2 responses' }).click();
  await expect(dialog).toBeHidden();

  await expect(cycle.figure('Received')).toHaveText('2');
  const alex = cycle.person('Alex Rivera');
  const summary = alex.getByRole('group', { name: 'Summary for Alex Rivera' });
  await expect(summary.getByRole('region', { name: 'Code quality (Alex Rivera)' })).toContainText('Careful, kind code reviews');
  await expect(summary.getByRole('region', { name: 'Code quality (Alex Rivera)' })).toContainText('Tests first every time');

  await cycle.markFollowedUp('Sam Lee', 'Alex Rivera');
  await expect(cycle.figure('Followed up')).toHaveText('1');
  await expect(cycle.figure('Closed the loop')).toHaveText(/50\s?%/);
  await lookInBothThemes(app, 'cycle-page', testInfo, { sizes: screenSizes });
});
