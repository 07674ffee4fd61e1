import { isoDay } from './dates';
import { expect, lookInBothThemes, test } from './fixtures';
import { createSeries, OneOnOnesPage, startMeeting } from './pages/one-on-ones';
import { addPerson } from './pages/people';

test('keyboard only: add, tick, delete and undo on the meeting screen, and undo typing in notes', async ({ app }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  const kb = app.keyboard;

  // Add a talking point: type, Enter submits.
  await meeting.newPoint.focus();
  await kb.type('Roadmap worries');
  await kb.press('Enter');
  const point = meeting.item('Roadmap worries');
  await expect(point).toBeVisible();
  await expect(meeting.newPoint).toHaveValue('');

  // Shift+Tab walks back through the list: Delete button, then the checkbox; Space ticks it.
  await kb.press('Shift+Tab');
  await expect(meeting.deletePointButton('Roadmap worries')).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(point).toBeFocused();
  await kb.press('Space');
  await expect(point).toBeChecked();

  // Delete with Enter, then Ctrl+Z (focus is not in a text field) brings it back.
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(point).toHaveCount(0);
  await kb.press('ControlOrMeta+z');
  await expect(meeting.item('Roadmap worries')).toBeChecked();

  // An action item with owner chosen from the keyboard.
  await meeting.newAction.focus();
  await kb.type('Send the roadmap');
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(app.getByRole('option', { name: 'Me' })).toBeVisible();
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(app.getByRole('button', { name: /Owner/ })).toContainText('Me');
  await app.getByRole('button', { name: 'Add action' }).focus();
  await kb.press('Enter');
  await expect(meeting.item('Send the roadmap')).toBeVisible();

  // Notes: type, undo the last typing with Ctrl/Cmd+Z, and the saved state follows.
  await meeting.privateNotes.focus();
  await kb.type('first thought');
  await expect(meeting.privateNotes).toHaveValue('first thought');
  await expect(meeting.saved).toBeVisible();
  // A run of typing is one undo step in Chromium here, but one CI run on a loaded machine saw it
  // split in two ("first t" left after one Ctrl+Z; not reproduced since): allow up to three steps.
  // What this checks is that the browser's own undo works in notes and the autosave follows it.
  for (let i = 0; i < 3 && (await meeting.privateNotes.inputValue()) !== ''; i++) await kb.press('ControlOrMeta+z');
  await expect(meeting.privateNotes).toHaveValue('');
  await expect(meeting.saved).toBeVisible();
  await app.reload();
  await expect(meeting.privateNotes).toHaveValue('');
});

test('templates: built-ins are listed, a user edits one and makes their own, and uses it', async ({ app }, testInfo) => {
  const templates = await (await OneOnOnesPage.open(app)).openTemplates();
  for (const name of ['First 1:1', 'Weekly 1:1', 'Career conversation', 'Skip-level', 'Mentoring session']) {
    await expect(templates.template(name)).toBeVisible();
  }
  await lookInBothThemes(app, 'templates', testInfo);

  const dialog = await templates.newTemplate();
  await dialog.name.fill('Project kickoff');
  await dialog.talkingPoints.fill('Scope and non-goals\n\nWho decides what');
  await lookInBothThemes(app, 'template-dialog', testInfo);
  await dialog.save();
  await expect(app.getByRole('heading', { level: 2, name: 'Project kickoff' })).toBeVisible();

  const edit = await templates.edit('Weekly 1:1');
  await edit.talkingPoints.fill('Wins of the week');
  await edit.save();
  await expect(templates.card('Weekly 1:1')).toContainText('Built-in · edited');

  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  const start = await (await OneOnOnesPage.open(app)).start('Alex Rivera');
  await start.chooseTemplate('Project kickoff');
  const meeting = await start.start();
  await expect(meeting.talkingPoints.getByRole('listitem')).toHaveText([/Scope and non-goals/, /Who decides what/]);
});

test('teams and relationships are kept on the person page', async ({ app }, testInfo) => {
  await addPerson(app, 'Maya Okafor');
  const people = await addPerson(app, 'Alex Rivera');
  const teams = await people.manageTeams();
  await teams.add('Payments');
  await expect(teams.list).toContainText('Payments');
  await teams.done();

  const edit = await people.edit('Alex Rivera');
  await edit.fill({ team: 'Payments' });
  await edit.save();
  await expect(people.row('Alex Rivera')).toContainText('Payments');
  await people.filterTeam('Payments');
  await expect(people.table.getByRole('row')).toHaveCount(2);

  const alex = await people.openPerson('Alex Rivera');
  await alex.addRelationship('Maya Okafor', 'Sponsor of Alex');
  await expect(alex.relationships.getByText('Say what the sponsorship is for')).toBeVisible();
  await alex.relationships.getByRole('textbox', { name: 'Opportunity' }).fill('Tech lead for payments');
  await alex.relationships.getByRole('button', { name: 'Add relationship' }).click();
  await expect(alex.relationshipList()).toContainText('Sponsor: Maya Okafor · for “Tech lead for payments”');
  // Once added, the form folds away until asked for again; Cancel folds it without adding.
  await alex.relationships.getByRole('button', { name: 'Add a relationship…' }).click();
  await alex.relationships.getByRole('button', { name: 'Cancel' }).click();
  await expect(alex.relationships.getByRole('button', { name: 'Add relationship' })).toHaveCount(0);
  await expect(alex.relationships.getByRole('button', { name: 'Add a relationship…' })).toBeFocused();
  await expect(alex.relationshipList().getByRole('listitem')).toHaveCount(1);
  await lookInBothThemes(app, 'person-relationships', testInfo);

  // Maya's page shows the other side.
  await alex.relationships.getByRole('link', { name: 'Maya Okafor' }).click();
  await expect(alex.relationshipList('Maya Okafor')).toContainText('Sponsoring: Alex Rivera');
  await lookInBothThemes(app, 'person-page-other-side', testInfo);
});
