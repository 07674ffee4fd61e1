import { lastQuarters, quarterLabel } from '../../shared/evidence/coverage';
import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { seedLadders } from './ladders-support';
import { choose } from './pages/controls';
import { CyclesPage } from './pages/cycles';
import { goTo } from './pages/nav';
import { Palette } from './pages/palette';
import { addPerson, PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';
import { logWin, WinPage, WinsLog } from './pages/wins';

test.beforeEach(async ({ main }) => {
  await seedLadders(main);
});

test('edit and delete wins by keyboard and mouse; the timeline, search and the chosen period follow', async ({ app }, testInfo) => {
  test.slow();
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Sam Lee', email: 'sam@example.com' });
  const edit = await people.edit('Sam Lee');
  await edit.placeOn('Team Ladder', 'Engineering (IC)', 'Senior Engineer (L3)');
  await edit.save();
  await people.openPerson('Sam Lee');
  await logWin(app, 'Led the billing migration', { person: 'Sam Lee', competency: 'Planning', celebrate: true, visibility: 'Shareable' });
  await logWin(app, 'Ran the first incident review', { person: 'Sam Lee' });
  await logWin(app, 'Wrote the onboarding guide', { person: 'Sam Lee', date: isoDay(-800) });

  // The timeline opens the win itself, on its own page.
  const person = await PersonPage.expect(app, 'Sam Lee');
  await person.timelineEntry('Led the billing migration').getByRole('link', { name: 'Led the billing migration' }).click();
  let win = await WinPage.expect(app, 'Sam Lee');
  await expect(win.field('What happened')).toHaveValue('Led the billing migration');
  await expect(win.editor.getByRole('checkbox', { name: 'Planning' })).toBeChecked();
  await lookInBothThemes(app, 'win-page', testInfo, { sizes: screenSizes });

  // Edited from the keyboard, saved as typed.
  await win.field('What happened').focus();
  await app.keyboard.press('End');
  await app.keyboard.type(' to the zeppelin ledger');
  await expect(win.saveState).toHaveAccessibleName('Win: Saved');
  await expect(win.field('What happened')).toHaveValue('Led the billing migration to the zeppelin ledger');

  // The timeline and search follow the edit; search opens the win.
  await goTo(app, 'People');
  await people.openPerson('Sam Lee');
  await expect(person.timelineEntry('Led the billing migration to the zeppelin ledger')).toBeVisible();
  const palette = await Palette.open(app);
  await palette.type('zeppelin');
  await palette.chooseByKeyboard(/zeppelin ledger/);
  win = await WinPage.expect(app, 'Sam Lee');
  await expect(win.field('What happened')).toHaveValue(/zeppelin ledger/);

  // By quarter, in the last four quarters (as "Evidence this year" counts them): the old win only under "All time".
  const log = await WinsLog.open(app);
  const [thisQuarter] = lastQuarters(isoDay(0), 1).map(quarterLabel);
  await expect(log.group(thisQuarter!)).toContainText('Ran the first incident review');
  await expect(log.main).not.toContainText('Wrote the onboarding guide');
  await lookInBothThemes(app, 'wins-by-quarter', testInfo, { sizes: screenSizes });
  await log.period('All time');
  await expect(log.main).toContainText('Wrote the onboarding guide');
  await log.period(/Last four quarters/);
  await expect(log.main).not.toContainText('Wrote the onboarding guide');

  // Deleted from the list by keyboard: the confirmation says what, and starts on Cancel.
  await log.deleteButton('Ran the first incident review').focus();
  await app.keyboard.press('Enter');
  await expect(log.deleteDialog.root).toContainText('“Ran the first incident review” is deleted from Sam Lee’s wins');
  await expect(log.deleteDialog.root.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await lookInBothThemes(app, 'win-delete', testInfo, { sizes: screenSizes });
  await app.keyboard.press('Tab');
  await expect(log.deleteDialog.confirmButton('Delete win')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(log.deleteDialog.root).toBeHidden();
  await expect(log.main).not.toContainText('Ran the first incident review');

  // Deleted on its page with the mouse; going back to it shows it is gone.
  await log.openWin('Led the billing migration to the zeppelin ledger');
  win = await WinPage.expect(app, 'Sam Lee');
  await win.deleteButton.click();
  await win.deleteDialog.confirmButton('Delete win').click();
  await expect(app.getByRole('combobox', { name: 'Person' })).toBeVisible();
  await expect(log.main).toContainText('Wins written down the week they happen');
  await expect(log.main).not.toContainText('zeppelin');
  await app.goBack();
  await expect(app.getByRole('heading', { level: 1, name: 'Win not found' })).toBeVisible();
  await lookInBothThemes(app, 'win-not-found', testInfo, { sizes: screenSizes });

  // Search and the timeline forget both.
  const gone = await Palette.open(app);
  await gone.type('zeppelin');
  await expect(gone.dialog.getByText('Nothing found for “zeppelin”.')).toBeVisible();
  await gone.close();
  await goTo(app, 'People');
  await people.openPerson('Sam Lee');
  await expect(person.timelineEntry('Wrote the onboarding guide')).toBeVisible();
  await expect(person.timeline).not.toContainText('zeppelin');
  await expect(person.timeline).not.toContainText('Ran the first incident review');
});

test('edit and delete a cycle response and the cycle itself, by keyboard and mouse; search follows', async ({ app }, testInfo) => {
  test.slow();
  for (const name of ['Alex Rivera', 'Sam Lee', 'Kim Tan']) await addPerson(app, name);
  const cycles = await CyclesPage.open(app);
  const cycle = await cycles.plan('Peer feedback Zanzibar', ['Alex Rivera', 'Kim Tan'], ['Code quality'], /Engineering/);
  await cycle.askPeer('Alex Rivera', 'Sam Lee');
  await cycle.askPeer('Kim Tan', 'Sam Lee');
  await cycle.pasteResponse('Alex Rivera', 'Sam Lee', 'Code quality', 'Careful reviews with examples');
  await expect(cycle.summaryGroup('Alex Rivera', 'Code quality')).toContainText('Careful reviews with examples');
  await expect(cycle.figure('Received')).toHaveText('1');

  // A response edited with the mouse: new words, filed in general.
  await cycle.editResponseButton('Sam Lee', 'Alex Rivera').click();
  const dialog = cycle.responseDialog('Sam Lee', 'Alex Rivera');
  await dialog.getByRole('textbox', { name: 'Response' }).fill('Careful reviews; the quokka migration was spotless');
  await choose(app, dialog, /Competency/, 'In general');
  await lookInBothThemes(app, 'cycle-response-edit', testInfo, { sizes: screenSizes });
  await dialog.getByRole('button', { name: 'Save response' }).click();
  await expect(dialog).toBeHidden();
  await expect(cycle.summaryGroup('Alex Rivera', 'In general')).toContainText('quokka migration');
  await expect(cycle.figure('Received')).toHaveText('1');
  const found = await Palette.open(app);
  await found.type('quokka');
  await expect(found.group('Peer feedback in cycles').getByRole('option', { name: /quokka/ })).toBeVisible();
  await found.close();

  // The cycle edited from the keyboard: Alex has a response and stays; Kim goes, with the peer asked.
  await cycle.editButton.focus();
  await app.keyboard.press('Enter');
  const editDialog = cycle.editDialog;
  const name = editDialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await app.keyboard.press('ControlOrMeta+A');
  await app.keyboard.type('Peer feedback Zanzibar H2');
  await editDialog.getByRole('checkbox', { name: 'Alex Rivera' }).focus();
  await app.keyboard.press('Space');
  await expect(editDialog.getByRole('alert')).toContainText('Alex Rivera (1 response): delete that response first');
  await app.keyboard.press('Space');
  await expect(editDialog.getByRole('alert')).toHaveCount(0);
  await editDialog.getByRole('checkbox', { name: 'Kim Tan' }).focus();
  await app.keyboard.press('Space');
  await expect(editDialog.getByRole('status')).toContainText('Taking out Kim Tan (1 asked) also removes the peers asked about them');
  await lookInBothThemes(app, 'cycle-edit', testInfo, { sizes: screenSizes });
  await name.focus();
  await app.keyboard.press('Enter');
  await expect(editDialog).toBeHidden();
  await expect(app.getByRole('heading', { level: 1, name: 'Peer feedback Zanzibar H2' })).toBeVisible();
  await expect(cycle.person('Kim Tan')).toHaveCount(0);
  await expect(cycle.figure('Requested')).toHaveText('1');

  // The response deleted from the keyboard: the request counts as unanswered again, and search forgets it.
  await cycle.deleteResponseButton('Sam Lee', 'Alex Rivera').focus();
  await app.keyboard.press('Enter');
  const confirmResponse = app.getByRole('dialog', { name: 'Delete this response?' });
  await expect(confirmResponse).toContainText('What Sam Lee wrote about Alex Rivera is deleted; their request counts as not answered again');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Enter');
  await expect(confirmResponse).toBeHidden();
  await expect(cycle.figure('Received')).toHaveText('0');
  const gone = await Palette.open(app);
  await gone.type('quokka');
  await expect(gone.dialog.getByText('Nothing found for “quokka”.')).toBeVisible();
  await gone.close();

  // The cycle deleted with the mouse, after saying what goes with it.
  await cycle.deleteButton.click();
  const confirmCycle = cycle.deleteDialog('Peer feedback Zanzibar H2');
  await expect(confirmCycle).toContainText('The cycle is deleted with 1 peer request; nothing came back yet.');
  await lookInBothThemes(app, 'cycle-delete', testInfo, { sizes: screenSizes });
  await confirmCycle.getByRole('button', { name: 'Delete cycle' }).click();
  await expect(app.getByRole('heading', { name: 'No feedback cycles yet' })).toBeVisible();
  const noCycle = await Palette.open(app);
  await noCycle.type('zanzibar');
  await expect(noCycle.dialog.getByText('Nothing found for “zanzibar”.')).toBeVisible();
  await noCycle.close();
  await app.goBack();
  await expect(app.getByRole('heading', { level: 1, name: 'Cycle not found' })).toBeVisible();
});
