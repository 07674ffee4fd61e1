import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { isoDay } from './dates';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { sidebarSections, WelcomePage, YouSettings } from './pages/first-run';
import { createSeries, startMeeting } from './pages/one-on-ones';
import { PeoplePage } from './pages/people';
import { PersonPage } from './pages/person';

test.use({ firstRun: true });
test.slow();

test('an HR file that names the user as everyone’s manager puts the team under them', async ({ app }, testInfo) => {
  const welcome = await WelcomePage.expectShown(app);
  // The user gives no email on the welcome; the HR tool knows them by their work email.
  await welcome.completeAs('manager', { name: 'Maya Okafor' });
  const people = await PeoplePage.open(app);
  const importDialog = await people.importCsv();
  await importDialog.chooseCsv(
    'hr.csv',
    [
      'Employee Name,Work Email,Manager Email,Job Title',
      'Alex Rivera,alex@example.com,maya.okafor@corp.example,Senior Engineer',
      'Sam Lee,sam@example.com,maya.okafor@corp.example,Engineer',
      'Ria Das,ria@example.com,me,Engineer',
    ].join('\n'),
  );
  const dialog = importDialog.root;
  await expect(importDialog.problems).toContainText('no person has the email maya.okafor@corp.example');
  const isMe = dialog.getByRole('checkbox', { name: /“maya.okafor@corp.example” is me, Maya Okafor/ });
  await expect(isMe).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Managers Trellis does not know' })).toContainText('manager in 2 rows');
  await lookInBothThemes(app, 'import-manager-is-me', testInfo, { sizes: screenSizes });
  await dialog.getByText('“maya.okafor@corp.example” is me, Maya Okafor').click();
  await expect(isMe).toBeChecked();
  await expect(dialog.getByText('Ready to import: 3 new, 0 updated.')).toBeVisible();
  await importDialog.importButton('Import 3 people').click();
  await expect(dialog).toBeHidden();

  for (const name of ['Alex Rivera', 'Sam Lee', 'Ria Das']) await expect(people.row(name)).toContainText('Maya Okafor');
  await expect(people.table.getByRole('row')).toHaveCount(1 + 4);
});

test('exports name the people, not “Me”: the shared notes and the calendar file', async ({ app, main }) => {
  const welcome = await WelcomePage.expectShown(app);
  await welcome.completeAs('manager', { name: 'Maya Okafor', email: 'maya@example.com' });
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Alex Rivera', email: 'alex@example.com' });
  await createSeries(app, 'Alex Rivera');
  const meeting = await startMeeting(app, 'Alex Rivera', isoDay(0));
  await meeting.writeNotes({ shared: 'We agreed on the migration plan' });
  await meeting.addAction('Book the offsite', 'Me');
  await meeting.addAction('Share the design doc', 'Alex Rivera');

  await meeting.saveAsMarkdown();
  const name = `${isoDay(0)}-1-1-alex-rivera.md`;
  await expect(app.getByRole('status').filter({ hasText: `Saved ${name}` })).toBeVisible();
  const shared = await readFile(path.join(main.exportDir, name), 'utf8');
  expect(shared).toContain('With Maya Okafor and Alex Rivera');
  expect(shared).toContain('- [ ] Maya Okafor: Book the offsite');
  expect(shared).toContain('- [ ] Alex Rivera: Share the design doc');
  expect(shared).not.toMatch(/\bMe\b|\bThem\b/);

  // The notes export names them too, front matter included.
  await meeting.openPersonPage('Alex Rivera');
  const person = new PersonPage(app, 'Alex Rivera');
  const exportNotes = await person.exportNotes();
  const folder = path.join(main.exportDir, 'notes');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(folder);
  main.chooseFolderAnswers.push(folder);
  await exportNotes.export();
  await expect(exportNotes.root).toBeHidden();
  const [file] = await readdir(folder);
  const exported = await readFile(path.join(folder, file!), 'utf8');
  expect(exported).toContain('with: Maya Okafor');
  expect(exported).toContain('- [ ] Maya Okafor: Book the offsite');
  expect(exported).not.toMatch(/\bMe:/);

  // The calendar file names the user by their person's name and email.
  await app.getByRole('button', { name: 'Add to calendar (.ics): 1:1 with Alex Rivera' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved 1-1-alex-rivera.ics' })).toBeVisible();
  const ics = await readFile(path.join(main.exportDir, '1-1-alex-rivera.ics'), 'utf8');
  expect(ics).toContain('ORGANIZER;CN="Maya Okafor":mailto:maya@example.com');
});

test('Settings change who “me” is and the role; the navigation follows', async ({ app, main }, testInfo) => {
  const welcome = await WelcomePage.expectShown(app);
  await welcome.completeAs('manager', { name: 'Maya Okafor', email: 'maya@example.com' });
  const people = await PeoplePage.open(app);
  await people.addPerson({ name: 'Jordan Blake', title: 'Director' });

  const you = await YouSettings.open(app);
  await expect(you.thisIsMe).toHaveValue('Maya Okafor');
  await expect(you.section).toContainText('Calendar files name you, maya@example.com, as organizer');
  await lookInBothThemes(app, 'settings-you', testInfo, { sizes: screenSizes });

  await you.chooseMe('Jordan Blake');
  // Jordan has no email yet: Settings says where to add it.
  await expect(you.section).toContainText('Add your email on your page');
  await you.section.getByRole('link', { name: 'your page' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Jordan Blake' })).toBeVisible();

  const again = await YouSettings.open(app);
  await again.chooseRole('A member of a calibration committee');
  await expect(app.getByRole('status')).toContainText('Saved: you use Trellis as a calibration committee member');
  expect((await sidebarSections(app)).slice(0, 4)).toEqual(['Today', 'Packets', 'Calibration', 'Ladders']);
  const ids = main.store.get('settings') as { userRole: string; mePersonId: string };
  expect(ids.userRole).toBe('committee');

  // Kept after a restart, and Today follows.
  await app.reload();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Calibration' })).toBeVisible();
  await expect(app.getByText(/Good (morning|afternoon|evening), Jordan/)).toBeVisible();
});
