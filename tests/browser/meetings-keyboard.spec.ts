import { expect, expectAccessible, snap, test } from './fixtures';
import { addPerson, choose, createSeries, go, isoDay, startMeeting } from './meetings-helpers';

test('keyboard only: add, tick, delete and undo on the meeting screen, and undo typing in notes', async ({ app }) => {
  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await startMeeting(app, 'Alex Rivera', isoDay(0));
  const kb = app.keyboard;

  // Add a talking point: type, Enter submits.
  await app.getByRole('textbox', { name: 'New talking point' }).focus();
  await kb.type('Roadmap worries');
  await kb.press('Enter');
  const point = app.getByRole('checkbox', { name: 'Roadmap worries' });
  await expect(point).toBeVisible();
  await expect(app.getByRole('textbox', { name: 'New talking point' })).toHaveValue('');

  // Shift+Tab walks back through the list: Delete button, then the checkbox; Space ticks it.
  await kb.press('Shift+Tab');
  await expect(app.getByRole('button', { name: 'Delete talking point: Roadmap worries' })).toBeFocused();
  await kb.press('Shift+Tab');
  await expect(point).toBeFocused();
  await kb.press('Space');
  await expect(point).toBeChecked();

  // Delete with Enter, then Ctrl+Z (focus is not in a text field) brings it back.
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(point).toHaveCount(0);
  await kb.press('ControlOrMeta+z');
  await expect(app.getByRole('checkbox', { name: 'Roadmap worries' })).toBeChecked();

  // An action item with owner chosen from the keyboard.
  await app.getByRole('textbox', { name: 'New action item' }).focus();
  await kb.type('Send the roadmap');
  await kb.press('Tab');
  await kb.press('Enter');
  await expect(app.getByRole('option', { name: 'Me' })).toBeVisible();
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(app.getByRole('button', { name: /Owner/ })).toContainText('Me');
  await app.getByRole('button', { name: 'Add action' }).focus();
  await kb.press('Enter');
  await expect(app.getByRole('checkbox', { name: 'Send the roadmap' })).toBeVisible();

  // Notes: type, undo the last typing with Ctrl/Cmd+Z, and the saved state follows.
  const notes = app.getByRole('textbox', { name: 'Private notes' });
  await notes.focus();
  await kb.type('first thought');
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await kb.press('ControlOrMeta+z');
  await expect(notes).toHaveValue('');
  await expect(app.getByRole('status', { name: 'Notes: Saved' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('textbox', { name: 'Private notes' })).toHaveValue('');
});

test('templates: built-ins are listed, a user edits one and makes their own, and uses it', async ({ app }, testInfo) => {
  await go(app, '1:1s');
  await app.getByRole('link', { name: 'Templates' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Meeting templates' })).toBeVisible();
  for (const name of ['First 1:1', 'Weekly 1:1', 'Career conversation', 'Skip-level', 'Mentoring session']) {
    await expect(app.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await snap(app, 'templates', testInfo);
  await expectAccessible(app, 'Templates');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'templates-dark', testInfo);
  await expectAccessible(app, 'Templates (dark)');
  await app.emulateMedia({ colorScheme: 'light' });

  await app.getByRole('button', { name: 'New template' }).click();
  const dialog = app.getByRole('dialog', { name: 'New template' });
  await dialog.getByRole('textbox', { name: 'Template name' }).fill('Project kickoff');
  await dialog.getByRole('textbox', { name: 'Talking points' }).fill('Scope and non-goals\n\nWho decides what');
  await snap(app, 'template-dialog', testInfo);
  await expectAccessible(app, 'Template dialog');
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Project kickoff' })).toBeVisible();

  await app.getByRole('button', { name: 'Edit template Weekly 1:1' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit template Weekly 1:1' });
  await edit.getByRole('textbox', { name: 'Talking points' }).fill('Wins of the week');
  await edit.getByRole('button', { name: 'Save template' }).click();
  await expect(app.getByRole('region', { name: 'Weekly 1:1' })).toContainText('Built-in · edited');

  await addPerson(app, 'Alex Rivera');
  await createSeries(app, 'Alex Rivera');
  await go(app, '1:1s');
  await app.getByRole('button', { name: 'Start 1:1 with Alex Rivera' }).click();
  const start = app.getByRole('dialog', { name: 'Start 1:1 with Alex Rivera' });
  await choose(app, start, /Template/, 'Project kickoff');
  await start.getByRole('button', { name: 'Start meeting' }).click();
  const agenda = app.getByRole('list', { name: 'Talking points' });
  await expect(agenda.getByRole('listitem')).toHaveText([/Scope and non-goals/, /Who decides what/]);
});

test('teams and relationships are kept on the person page', async ({ app }, testInfo) => {
  await addPerson(app, 'Maya Okafor');
  await addPerson(app, 'Alex Rivera');
  await app.getByRole('button', { name: 'Teams…' }).click();
  const teams = app.getByRole('dialog', { name: 'Teams' });
  await teams.getByRole('textbox', { name: 'New team' }).fill('Payments');
  await teams.getByRole('button', { name: 'Add team' }).click();
  await expect(teams.getByRole('list', { name: 'Teams' })).toContainText('Payments');
  await teams.getByRole('button', { name: 'Done' }).click();

  await app.getByRole('button', { name: 'Edit Alex Rivera' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit Alex Rivera' });
  await choose(app, edit, /Team/, 'Payments');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByRole('table', { name: 'People' }).getByRole('row', { name: /Alex Rivera/ })).toContainText('Payments');
  await choose(app, app.locator('.toolbar'), /Team/, 'Payments');
  await expect(app.getByRole('table', { name: 'People' }).getByRole('row')).toHaveCount(2);

  await app.getByRole('link', { name: 'Alex Rivera' }).click();
  const rel = app.getByRole('region', { name: 'Relationships' });
  await choose(app, rel, /Person/, 'Maya Okafor');
  await choose(app, rel, /Is the/, 'Sponsor of Alex');
  await rel.getByRole('button', { name: 'Add relationship' }).click();
  await expect(rel.getByText('Say what the sponsorship is for')).toBeVisible();
  await rel.getByRole('textbox', { name: 'Opportunity' }).fill('Tech lead for payments');
  await rel.getByRole('button', { name: 'Add relationship' }).click();
  await expect(rel.getByRole('list', { name: 'Relationships of Alex Rivera' })).toContainText('Sponsor: Maya Okafor · for “Tech lead for payments”');
  await snap(app, 'person-relationships', testInfo);
  await expectAccessible(app, 'Person page with relationships');

  // Maya's page shows the other side.
  await rel.getByRole('link', { name: 'Maya Okafor' }).click();
  await expect(app.getByRole('list', { name: 'Relationships of Maya Okafor' })).toContainText('Sponsoring: Alex Rivera');
  await app.emulateMedia({ colorScheme: 'dark' });
  await snap(app, 'person-page-dark', testInfo);
  await expectAccessible(app, 'Person page (dark)');
});
