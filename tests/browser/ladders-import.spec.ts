import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { TestMain } from '../support/main-context';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { appFixtures, seedLadders } from './ladders-support';
import { LaddersPage } from './pages/ladders';

/** A file the user will pick in the open dialog (outside the ladders folder, as in real life). */
async function fileToPick(main: TestMain, name: string, content: string | Uint8Array) {
  const file = path.join(main.dataDir, name);
  await writeFile(file, content);
  main.chooseOpenAnswers.push(file);
  return file;
}

const ladderFiles = async (main: TestMain) => (await readdir(main.laddersDir)).filter((f) => /\.ya?ml$/.test(f)).sort();

// "Team area" is no header Trellis knows: at first it reads as a level, until the user maps it as the category.
const gridCsv = [
  'Skill,Team area,L1,L2,L3',
  'Code quality,Craft,Writes tested code,"- Reviews pull requests\n- Adds tests for edge cases",Sets the review guide',
  'Delivery,Execution,Ships small tasks,Ships features,Leads projects',
].join('\n');

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('import a CSV ladder: map its columns, preview the YAML and the checker, save it as a new file', async ({ app, main }, testInfo) => {
  // Screenshots and axe in both themes at two sizes for each step.
  test.slow();
  await fileToPick(main, 'Platform ladder.csv', gridCsv);
  const ladders = await LaddersPage.open(app);
  const dialog = await ladders.importLadder();
  await lookInBothThemes(app, 'ladders-import-choose', testInfo, { sizes: screenSizes });
  await dialog.chooseFile();

  // Mapping step: the unknown column became a level; map it as the category instead.
  await expect(dialog.root).toContainText('Spreadsheet (CSV or TSV)');
  await expect(dialog.levelColumn(/B: Team area/)).toBeChecked();
  await dialog.mapColumn('Category column', 'B: Team area');
  await expect(dialog.levelColumn(/B: Team area/)).toHaveCount(0);
  await expect(dialog.levelColumn(/C: L1/)).toBeChecked();
  await dialog.root.getByRole('textbox', { name: 'Ladder name' }).fill('Platform Ladder');
  await lookInBothThemes(app, 'ladders-import-map', testInfo, { sizes: screenSizes });

  await dialog.preview();
  await expect(dialog.root).toContainText('2 competencies, 3 levels, 1 track');
  await expect(dialog.draft).toContainText('name: Platform Ladder');
  await expect(dialog.draft).toContainText('category: craft');
  await expect(dialog.draft).toContainText('- Reviews pull requests');
  await expect(dialog.checker).toContainText('No problems: this ladder can be saved.');
  await expect(dialog.fileName).toHaveValue('platform-ladder.yaml');
  await lookInBothThemes(app, 'ladders-import-preview', testInfo, { sizes: screenSizes });
  expect(await ladderFiles(main)).toEqual(['team.yaml']);

  await dialog.save();
  await expect(dialog.root).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Imported as platform-ladder.yaml');
  // The new ladder is in the list and shown.
  await expect(app.getByRole('heading', { name: /Platform Ladder/ })).toBeVisible();
  await expect(ladders.matrix.getByRole('button', { name: /Code quality, L2/ })).toContainText('Reviews pull requests');
  expect(await ladderFiles(main)).toEqual(['platform-ladder.yaml', 'team.yaml']);
  expect(await readFile(path.join(main.laddersDir, 'platform-ladder.yaml'), 'utf8')).toContain('name: Platform Ladder');

  // The same import again never replaces the file: a free name is proposed.
  await fileToPick(main, 'Platform ladder.csv', gridCsv);
  const again = await ladders.importLadder();
  await again.chooseFile();
  await again.mapColumn('Category column', 'B: Team area');
  await again.root.getByRole('textbox', { name: 'Ladder name' }).fill('Platform Ladder');
  await again.preview();
  await again.fileName.fill('platform-ladder.yaml');
  await expect(again.root).toContainText('platform-ladder.yaml is taken: it is saved as platform-ladder-2.yaml');
  await again.save();
  await expect(app.getByRole('status')).toContainText('Imported as platform-ladder-2.yaml');
  expect(await ladderFiles(main)).toEqual(['platform-ladder-2.yaml', 'platform-ladder.yaml', 'team.yaml']);
});

test('a broken spreadsheet is refused with its row and column, and nothing is written', async ({ app, main }, testInfo) => {
  // Screenshots and axe in both themes at two sizes for each step.
  test.slow();
  await fileToPick(main, 'broken.csv', 'Competency,Level,Criteria\nCode quality,L1,Writes tests\nDelivery,,Ships\nMentoring,L2,"Helps others\n');
  const ladders = await LaddersPage.open(app);
  const dialog = await ladders.importLadder();
  await dialog.chooseFile();
  await expect(dialog.problems).toContainText('row 4');
  await expect(dialog.problems).toContainText('a quoted cell is not closed');
  await expect(dialog.problems).toContainText('row 3, column B');
  await expect(dialog.problems).toContainText('no level named');
  await dialog.preview();
  await expect(dialog.saveButton).toBeDisabled();
  await lookInBothThemes(app, 'ladders-import-broken', testInfo, { sizes: screenSizes });
  await dialog.root.getByRole('button', { name: 'Cancel' }).click();
  expect(await ladderFiles(main)).toEqual(['team.yaml']);

  // A workbook picked instead of its CSV: said plainly, nothing imported.
  await fileToPick(main, 'ladder.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  const second = await ladders.importLadder();
  await second.chooseFile();
  await expect(second.refusal).toContainText('ladder.xlsx is an Excel or Numbers workbook');
  await expect(second.refusal).toContainText('Nothing was imported.');
  expect(await ladderFiles(main)).toEqual(['team.yaml']);
});

test('an FT job family needs no column mapping and saves as a Trellis ladder', async ({ app, main }) => {
  const ft = await readFile(path.join(appFixtures, '../import/ft-engineering.yml'), 'utf8');
  await fileToPick(main, 'engineering.yml', ft);
  const ladders = await LaddersPage.open(app);
  const dialog = await ladders.importLadder();
  await dialog.chooseFile();
  await expect(dialog.root).toContainText('Financial Times job family (YAML)');
  await expect(dialog.root).toContainText('Senior Engineer 1');
  await dialog.preview();
  await expect(dialog.checker).not.toContainText('Error');
  await dialog.save();
  await expect(app.getByRole('status')).toContainText(/Imported as .+\.yaml/);
  expect((await ladderFiles(main)).length).toBe(2);
});
