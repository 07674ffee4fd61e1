import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { todayIso } from '../../shared/domain/dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { appFixtures, readUserFile, seedLadders } from './ladders-support';
import { LaddersPage } from './pages/ladders';

test('the problems are beside the editor, in view without scrolling; an indentation mistake points at its line', async ({ app, main }, testInfo) => {
  test.slow(); // screenshots at two sizes in two themes
  await seedLadders(main);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Edit YAML');
  await expect(ladders.noProblems).toBeVisible();

  // Line 26 is "    title: Engineer II": two spaces too many.
  await ladders.typeAtLine(26, '  ');
  const problem = ladders.problemAt('team.yaml:26:7');
  await expect(problem).toBeVisible();
  const item = ladders.problemItem('team.yaml:26:7');
  await expect(item).toContainText('this line is indented more than the line above: line it up with "id"');
  await expect(item).toContainText('remove 2 spaces');
  await expect(item).not.toContainText(/quote/i);

  for (const [width, height] of screenSizes) {
    await app.setViewportSize({ width, height });
    const editor = (await ladders.editorFrame.boundingBox())!;
    const aside = (await ladders.problems.boundingBox())!;
    const shown = (await item.boundingBox())!;
    // Beside the editor, and the whole problem inside the window: nothing to scroll to.
    expect(aside.x, `${width}×${height}`).toBeGreaterThanOrEqual(editor.x + editor.width - 1);
    expect(shown.y, `${width}×${height}`).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.height, `${width}×${height}`).toBeLessThanOrEqual(height);
    expect(shown.x + shown.width, `${width}×${height}`).toBeLessThanOrEqual(width);
    expect(await app.evaluate(() => window.scrollY)).toBe(0);
  }
  await lookInBothThemes(app, 'ladders-editor-problems', testInfo, { sizes: screenSizes });

  // Going to the problem puts the cursor on the line to fix.
  await problem.click();
  await expect(ladders.editor()).toBeFocused();
  await expect(app.locator('.cm-activeLine')).toContainText('title: Engineer II');
});

test('saving proposes 1.2.1, 1.3.0 or 2.0.0 with what each means, and writes a changelog entry', async ({ app, main }, testInfo) => {
  test.slow();
  await seedLadders(main);
  const original = await readUserFile(main);
  const ladders = await LaddersPage.open(app);
  await ladders.show('Edit YAML');
  // Managers are now asked something about mentoring: a new criterion at M4.
  await ladders.typeAtEnd('');
  await app.keyboard.insertText("      M4:\n        criteria: Coaches the team's tech leads to mentor others.\n");
  await expect(ladders.noProblems).toBeVisible();

  const dialog = await ladders.save();
  await expect(dialog.version('Major')).toBeChecked();
  await expect(dialog.root).toContainText('Proposed: major, because: New criterion for Mentoring at M4');
  await expect(dialog.option('Patch')).toContainText('1.2.1');
  await expect(dialog.option('Patch')).toContainText('Typos and wording fixed');
  await expect(dialog.option('Minor')).toContainText('1.3.0');
  await expect(dialog.option('Minor')).toContainText('Nobody has to do more to reach a level');
  await expect(dialog.option('Major')).toContainText('2.0.0');
  await expect(dialog.option('Major')).toContainText('Asks something new of someone to reach a level');
  await expect(dialog.summary).toHaveValue('New criterion for Mentoring at M4.');
  await lookInBothThemes(app, 'ladders-save-version', testInfo, { sizes: screenSizes });

  // The person saving knows better: managers were already doing this, so it is a clarification.
  await dialog.choose('Minor');
  await expect(dialog.version('Minor')).toBeChecked();
  await dialog.summary.fill('Mentoring written out for engineering managers.');
  await dialog.saveAs('1.3.0').click();
  await expect(dialog.root).toBeHidden();
  await expect(app.getByRole('status')).toContainText('Saved team.yaml as version 1.3.0');
  const saved = await readUserFile(main);
  expect(saved).toBe(
    `${original}      M4:\n        criteria: Coaches the team's tech leads to mentor others.\n`
      .replace('version: "1.2.0"\n', 'version: "1.3.0"\n')
      .replace('changelog:\n', `changelog:\n  - version: "1.3.0"\n    date: "${todayIso()}"\n    summary: Mentoring written out for engineering managers.\n`),
  );
  // The editor shows what was saved (scrolled where it was), and the ladder its new version.
  await expect(app.getByText('Unsaved changes')).toBeHidden();
  await expect(ladders.saveButton).toBeDisabled();
  await ladders.editor().press('Control+Home');
  await expect(ladders.editorContent).toContainText('summary: Mentoring written out for engineering managers.');
  await expect(app.getByRole('heading', { name: /Team Ladder/ })).toContainText('version 1.3.0');
});

test('criteria that would lose their ids are named before saving, and saving needs a yes', async ({ app, main }, testInfo) => {
  test.slow();
  await seedLadders(main, ['scored.yaml']);
  const original = await readFile(path.join(appFixtures, 'scored.yaml'), 'utf8');
  const ladders = await LaddersPage.open(app);
  await ladders.show('Edit YAML');
  const edited = original.replace(
    '          - id: rel-slo\n            text: Sets service level objectives',
    '          - text: Sets service level objectives',
  );
  expect(edited).not.toBe(original);
  await ladders.pasteText(edited, 'scored.yaml');
  // Warned while typing already…
  await expect(ladders.problems).toContainText('criterion "rel-slo" of competency "reliability" is no longer in the ladder');

  // …and again, plainly, before the file is written.
  const dialog = await ladders.save('scored.yaml');
  await expect(dialog.idWarning).toContainText('1 criterion changes its id');
  await expect(dialog.idWarning).toContainText('No longer in the ladder (reliability · P2): Sets service level objectives');
  await expect(dialog.version('Minor')).toBeChecked();
  await expect(dialog.saveAs('3.2.0')).toBeDisabled();
  await lookInBothThemes(app, 'ladders-save-ids', testInfo);
  await dialog.saveAnyway();
  await expect(dialog.root.getByRole('checkbox', { name: /Save anyway/ })).toBeChecked();
  await dialog.saveAs('3.2.0').click();
  await expect(app.getByRole('status')).toContainText('Saved scored.yaml as version 3.2.0');
  const saved = await readUserFile(main, 'scored.yaml');
  expect(saved).not.toContain('rel-slo');
  expect(saved).toContain('version: 3.2.0\nchangelog:\n  - version: 3.2.0\n');
});
