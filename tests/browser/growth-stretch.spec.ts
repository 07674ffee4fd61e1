import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ladderText } from '../support/assessment-ladders';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { GrowthPage } from './pages/growth';
import { addPerson } from './pages/people';
import { LearningSection, StretchSection } from './pages/plans';

test.beforeEach(async ({ main, app }) => {
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
  await app.clock.setFixedTime(new Date('2026-11-04T10:00:00'));
  await app.reload();
});

test('a stretch project with a sponsor, beside the sponsorship already recorded, and learning against a budget', async ({ app }, testInfo) => {
  await addPerson(app, { name: 'Maya Okafor', title: 'Director of Engineering' });
  const people = await addPerson(app, { name: 'Alex Rivera', title: 'Support Specialist' });
  const edit = await people.edit('Alex Rivera');
  await edit.placeOn('Support', 'Individual contributor', 'Specialist (S1)');
  await edit.save();
  const alex = await people.openPerson('Alex Rivera');
  await alex.addRelationship('Maya Okafor', 'Sponsor of Alex', 'Tech lead for payments');
  await expect(alex.relationshipList()).toContainText('Sponsor: Maya Okafor');

  await (await GrowthPage.open(app)).person('Alex Rivera');
  const stretch = new StretchSection(app);
  await expect(stretch.sponsors).toHaveText('Sponsored by Maya Okafor for Tech lead for payments');
  await stretch.add({
    what: 'Lead the payments migration',
    sponsor: 'Maya Okafor',
    grows: ['Code as a whole', 'On-call as a whole'],
    outcome: 'Cut over in March',
  });
  await expect(stretch.row('Lead the payments migration')).toContainText('Maya Okafor');
  await expect(stretch.row('Lead the payments migration')).toContainText('Code, On-call');
  await expect(stretch.row('Lead the payments migration')).toContainText('Active');

  // Learning: spend against a yearly budget, money as en-GB writes it.
  const learning = new LearningSection(app);
  await expect(learning.budget).toHaveText('Nothing spent · no budget set');
  await learning.setBudget('1,500');
  await expect(learning.budget).toHaveText('Spent £0 of £1,500 · £1,500 left');
  await learning.add({ kind: 'Conference', title: 'SREcon EMEA', cost: '1200.50' });
  await learning.add({ kind: 'Book', title: 'Team Topologies', cost: '32' });
  await learning.add({ kind: 'Learning time', title: 'Rust Fridays', hours: '16' });
  await expect(learning.budget).toHaveText('Spent £1,232.50 of £1,500 · £267.50 left · 16 hours');
  await learning.add({ kind: 'Course', title: 'Incident command', cost: '300' });
  await expect(learning.budget).toContainText('£32.50 over budget');
  await lookInBothThemes(app, 'plans-stretch-learning', testInfo, { sizes: screenSizes });

  // A typo in an amount is refused with the reason; nothing is added.
  await learning.root.getByRole('form', { name: 'Add learning' }).getByRole('textbox', { name: 'Learning' }).fill('Bad');
  await learning.root.getByRole('form', { name: 'Add learning' }).getByRole('textbox', { name: /^Cost/ }).fill('12a');
  await learning.root.getByRole('form', { name: 'Add learning' }).getByRole('button', { name: 'Add learning' }).click();
  await expect(learning.root.getByText('Use digits, with "." or "," before the cents')).toBeVisible();
  await expect(learning.root.getByRole('table').getByRole('row')).toHaveCount(5);
});
