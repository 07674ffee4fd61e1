import { todayIso } from '../../shared/domain/dates';
import { expect, lookInBothThemes, test } from './fixtures';
import { readUserFile, seedLadders, writeUserFile } from './ladders-support';
import { LaddersPage } from './pages/ladders';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('edit in CodeMirror: a live error at line:column, then fixed and saved to disk', async ({ app, main }, testInfo) => {
  const original = await readUserFile(main);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Edit YAML');
  await expect(ladders.editor()).toBeVisible();
  await expect(ladders.noProblems).toBeVisible();

  // A typo in a key, typed at the end of the file: the checker flags it as you type.
  await ladders.typeAtEnd('versoin: "2"');
  const lines = original.split('\n').length;
  await expect(app.getByRole('button', { name: `Go to team.yaml:${lines}:1` })).toBeVisible();
  await expect(app.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(app.getByText(/unknown key "?versoin"?/)).toBeVisible();
  await expect(ladders.saveButton).toBeDisabled();
  await lookInBothThemes(app, 'ladders-editor-error', testInfo);

  // Fix it: remove the typo and change the ladder's name instead.
  for (let i = 0; i < 'versoin: "2"'.length; i++) await app.keyboard.press('Backspace');
  await app.keyboard.type('# Edited in Trellis');
  await expect(ladders.noProblems).toBeVisible();
  // A comment changes nothing anyone is asked: a patch is proposed.
  const dialog = await ladders.save();
  await expect(dialog.version('Patch')).toBeChecked();
  await dialog.summary.fill('Comment about editing in Trellis.');
  await dialog.saveAs('1.2.1').click();
  await expect(app.getByRole('status')).toContainText('Saved team.yaml as version 1.2.1');
  const saved = await readUserFile(main);
  expect(saved).toBe(
    `${original}# Edited in Trellis`
      .replace('version: "1.2.0"\n', 'version: "1.2.1"\n')
      .replace('changelog:\n', `changelog:\n  - version: "1.2.1"\n    date: "${todayIso()}"\n    summary: Comment about editing in Trellis.\n`),
  );
  // The editor keeps showing what was saved, now without unsaved changes.
  await expect(app.getByText('Unsaved changes')).toBeHidden();
  await expect(ladders.editorContent).toContainText('# Edited in Trellis');
  await lookInBothThemes(app, 'ladders-editor-saved', testInfo);
});

test('an invalid text can only be kept as a draft beside the file', async ({ app, main }) => {
  const original = await readUserFile(main);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Edit YAML');
  await ladders.typeAtEnd('levels: oops');
  await expect(ladders.saveButton).toBeDisabled();
  await ladders.saveDraft();
  await expect(app.getByRole('status')).toContainText('Draft saved as team.draft.yaml');
  expect(await readUserFile(main)).toBe(original);
  expect(await readUserFile(main, 'team.draft.yaml')).toBe(`${original}levels: oops`);
});

test('quick-edit one cell: the file keeps its comments', async ({ app, main }, testInfo) => {
  const ladders = await LaddersPage.open(app);
  const cell = await ladders.openCell('System design, L2 Engineer II (Inherited from L1)', 'System design · L2 Engineer II');
  const dialog = cell.root;
  await cell.writeCriteria('L2', 'Proposes designs for features in their area\nand asks a senior engineer to review them.');
  await lookInBothThemes(app, 'ladders-quick-edit', testInfo);
  await cell.saveCriteria();
  await expect(app.getByRole('status')).toContainText('Saved to team.yaml');
  await expect(dialog).toBeHidden();

  const text = await readUserFile(main);
  expect(text).toContain('# Comments like this one must survive a quick edit untouched.');
  expect(text).toContain('# L3 is left out on purpose: it inherits L2.');
  expect(text).toContain('  - id: craft # how the work is done');
  expect(text).toContain(
    '      L2:\n        criteria: |\n          Proposes designs for features in their area\n          and asks a senior engineer to review them.\n',
  );
  await expect(ladders.cell('System design, L2 Engineer II')).toContainText('Proposes designs');
});

test('a file changed on disk shows up without a restart; a broken one keeps the last valid ladder', async ({ app, main }, testInfo) => {
  const ladders = await LaddersPage.open(app);
  const original = await readUserFile(main);
  await expect(ladders.cell(/^Planning, L1 Engineer$/)).toContainText('Breaks a task into steps');

  await writeUserFile(
    main,
    original.replace('Breaks a task into steps and says when it is blocked.', 'Splits work into steps and flags blockers the same day.'),
  );
  await expect(ladders.cell(/^Planning, L1 Engineer$/)).toContainText('Splits work into steps');

  // Broken on disk (a typo in a key): the problem is shown at its line:column, the ladder stays usable.
  const broken = original.replace('      L2:\n        criteria: Reviews', '      L2:\n        critera: Reviews');
  await writeUserFile(main, broken);
  const line = broken.split('\n').findIndex((l) => l.includes('critera:')) + 1;
  const panel = app.getByRole('alert', { name: 'team.yaml has 1 problem' });
  await expect(panel).toContainText(`team.yaml:${line}:9`);
  await expect(panel).toContainText('keeps using the last valid version (1.2.0)');
  await expect(ladders.cell(/^Planning, L1 Engineer$/)).toContainText('Splits work into steps');
  await expect(ladders.cell('Code quality, L2 Engineer II')).toContainText('Reviews teammates');
  await lookInBothThemes(app, 'ladders-broken-file', testInfo);

  await writeUserFile(main, original);
  await expect(panel).toBeHidden();
  await expect(ladders.cell(/^Planning, L1 Engineer$/)).toContainText('Breaks a task into steps');
});

test('the editor follows the file on disk, and with unsaved edits warns instead of overwriting', async ({ app, main }) => {
  const original = await readUserFile(main);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Edit YAML');
  const content = ladders.editorContent;
  await expect(content).toContainText('name: Team Ladder');

  await writeUserFile(main, original.replace('name: Team Ladder', 'name: Team Ladder (from git)'));
  await expect(content).toContainText('name: Team Ladder (from git)');

  await ladders.typeAtEnd('# mine');
  await writeUserFile(main, original.replace('name: Team Ladder', 'name: Team Ladder (pulled again)'));
  await expect(app.getByRole('alert')).toContainText('team.yaml changed on disk while you were editing.');
  await expect(content).toContainText('# mine');
  await app.getByRole('button', { name: 'Load the file from disk' }).click();
  await expect(content).toContainText('name: Team Ladder (pulled again)');
  await expect(content).not.toContainText('# mine');
});
