import type { Page } from '@playwright/test';

import { expect, expectAccessible, snap, test, tick } from './fixtures';

async function openPeople(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
}

interface NewPerson {
  name: string;
  email?: string;
  title?: string;
  level?: string;
  manager?: string;
}

async function addPerson(page: Page, p: NewPerson) {
  await page.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(p.name);
  if (p.email) await dialog.getByRole('textbox', { name: 'Email' }).fill(p.email);
  if (p.title) await dialog.getByRole('textbox', { name: 'Title' }).fill(p.title);
  if (p.level) await dialog.getByRole('textbox', { name: 'Level', exact: true }).fill(p.level);
  if (p.manager) {
    await dialog.getByRole('button', { name: /Manager/ }).click();
    await page.getByRole('option', { name: new RegExp(`^${p.manager}`) }).click();
  }
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`Added ${p.name}`);
}

test('first launch shows the welcome and empty states', async ({ app }, testInfo) => {
  await expect(app.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Welcome to Trellis' })).toBeVisible();
  await snap(app, 'today-empty', testInfo);
  await expectAccessible(app, 'Today (empty)');

  await openPeople(app);
  await expect(app.getByRole('heading', { name: 'No people yet' })).toBeVisible();
  await snap(app, 'people-empty', testInfo);
  await expectAccessible(app, 'People (empty)');

  for (const section of ['1:1s', 'Ladders', 'Growth', 'Feedback', 'Packets', 'Calibration']) {
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expectAccessible(app, section);
  }
  await snap(app, 'placeholder-ladders', testInfo);
});

test('add three people with a manager relation, edit, archive, and keep it all after a reload', async ({ app }, testInfo) => {
  await openPeople(app);
  await addPerson(app, { name: 'Maya Okafor', email: 'maya@example.com', title: 'Engineering Manager', level: 'M2' });
  await addPerson(app, { name: 'Alex Rivera', email: 'alex@example.com', title: 'Senior Engineer', level: 'L5', manager: 'Maya Okafor' });
  await addPerson(app, { name: 'Sam Lee', email: 'sam@example.com', title: 'Engineer', level: 'L3', manager: 'Maya Okafor' });

  const table = app.getByRole('table', { name: 'People' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Alex Rivera/ })).toContainText('Maya Okafor');
  await snap(app, 'people-list', testInfo);
  await expectAccessible(app, 'People list');

  // The org chart nests reports under their manager.
  await app
    .getByRole('radio', { name: 'Org chart' })
    .or(app.getByRole('button', { name: 'Org chart' }))
    .click();
  const reports = app.getByRole('list', { name: 'Reports of Maya Okafor' });
  await expect(reports.getByRole('button', { name: 'Edit Alex Rivera' })).toBeVisible();
  await expect(reports.getByRole('button', { name: 'Edit Sam Lee' })).toBeVisible();
  await snap(app, 'people-org-chart', testInfo);
  await expectAccessible(app, 'Org chart');
  await app
    .getByRole('radio', { name: 'List' })
    .or(app.getByRole('button', { name: 'List' }))
    .click();

  // Edit: Sam gets promoted and now reports to Alex.
  await app.getByRole('button', { name: 'Edit Sam Lee' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Sam Lee' });
  await dialog.getByRole('textbox', { name: 'Level', exact: true }).fill('L4');
  await dialog.getByRole('button', { name: /Manager/ }).click();
  await app.getByRole('option', { name: /^Alex Rivera/ }).click();
  await snap(app, 'person-edit-dialog', testInfo);
  await expectAccessible(app, 'Edit dialog');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /Sam Lee/ })).toContainText('L4');
  await expect(table.getByRole('row', { name: /Sam Lee/ })).toContainText('Alex Rivera');

  // Filter narrows the list.
  await app.getByRole('searchbox', { name: 'Filter people' }).fill('senior');
  await expect(table.getByRole('row')).toHaveCount(2);
  await app.getByRole('searchbox', { name: 'Filter people' }).fill('');

  // Archive hides someone until "Show archived" is ticked; unarchive brings them back.
  await app.getByRole('button', { name: 'Edit Sam Lee' }).click();
  await app.getByRole('dialog', { name: 'Edit Sam Lee' }).getByRole('button', { name: 'Archive' }).click();
  await expect(app.getByRole('status')).toContainText('Archived Sam Lee');
  await expect(table.getByRole('row', { name: /Sam Lee/ })).toHaveCount(0);
  await tick(app, 'Show archived');
  await expect(table.getByRole('row', { name: /Sam Lee/ })).toContainText('Archived');

  await app.reload();
  await expect(app.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(app.getByText('2 active · 1 archived')).toBeVisible();
  await tick(app, 'Show archived');
  const samRow = app.getByRole('table', { name: 'People' }).getByRole('row', { name: /Sam Lee/ });
  await expect(samRow).toContainText('L4');
  await expect(samRow).toContainText('Alex Rivera');

  await app.getByRole('button', { name: 'Edit Sam Lee' }).click();
  await app.getByRole('dialog', { name: 'Edit Sam Lee' }).getByRole('button', { name: 'Unarchive' }).click();
  await expect(app.getByText('3 active')).toBeVisible();
});

test('an invalid email shows an error beside the field and saves nothing', async ({ app }, testInfo) => {
  await openPeople(app);
  await app.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Jordan Park');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('jordan-at-example');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  const email = dialog.getByRole('textbox', { name: 'Email' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Enter a valid email address, like alex@example.com')).toBeVisible();
  await snap(app, 'person-invalid-email', testInfo);
  await expectAccessible(app, 'Invalid email');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('heading', { name: 'No people yet' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('heading', { name: 'No people yet' })).toBeVisible();
});

test('an empty name is refused and a duplicate email names who has it', async ({ app }) => {
  await openPeople(app);
  await addPerson(app, { name: 'Maya Okafor', email: 'maya@example.com' });
  await app.getByRole('button', { name: 'Add person' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Enter a name')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Someone Else');
  await dialog.getByRole('textbox', { name: 'Email' }).fill('MAYA@example.com');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('Maya Okafor already uses this email')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('table', { name: 'People' }).getByRole('row')).toHaveCount(2);
});

test('keyboard only: add a person without the mouse', async ({ app }) => {
  await openPeople(app);
  await app.getByRole('button', { name: 'Add person' }).first().focus();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Add a person' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await app.keyboard.type('Kim Nguyen');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('table', { name: 'People' }).getByRole('row', { name: /Kim Nguyen/ })).toBeVisible();
  await app.keyboard.press('Escape');
});

test('fits a small laptop screen in dark mode without sideways scrolling', async ({ app }, testInfo) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.setViewportSize({ width: 1024, height: 640 });
  await openPeople(app);
  await addPerson(app, {
    name: 'Maya Okafor',
    email: 'maya.okafor@a-rather-long-company-domain.example',
    title: 'Director of Platform Engineering',
    level: 'M3',
  });
  await addPerson(app, { name: 'Alex Rivera', title: 'Staff Engineer', level: 'L6', manager: 'Maya Okafor' });
  const overflow = await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(app, 'people-list-dark-1024', testInfo);
  await expectAccessible(app, 'People list (dark, 1024 wide)');
  await app.getByRole('button', { name: 'Edit Alex Rivera' }).click();
  await snap(app, 'person-edit-dark-1024', testInfo);
});
