import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { exchangeFileText, sealExchange } from '../../shared/evidence/exchange';
import { ladderText } from '../support/assessment-ladders';
import { canariesIn, canary } from '../support/canary';
import type { TestMain } from '../support/main-context';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { GrowthPage } from './pages/growth';
import { addPerson } from './pages/people';

const writeLadder = async (main: TestMain, version: 1 | 2) => {
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(version));
};

test.beforeEach(async ({ main }) => {
  // Long flows with screenshots and axe at two sizes: more time on a shared machine, no deadline.
  test.slow();
  await writeLadder(main, 1);
});

const alex = { name: 'Alex Rivera', email: 'alex@example.com', title: 'Support Specialist' };

test('self-assess: ratings autosave, finishing locks it, and it reopens only as a new revision', async ({ app }, testInfo) => {
  await addPerson(app, alex);
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  await lookInBothThemes(app, 'growth-person-empty', testInfo);
  const assessment = await person.start('self', { ladder: 'Support 1.0.0', level: 'S1 Specialist' });

  await assessment.rating('Writes small tested changes.').rate('Skilled');
  await assessment.rating('Writes small tested changes.').comment('Every change this half came with tests');
  await assessment.rating('Writes small tested changes.').addLink('https://example.com/pulls/42');
  await assessment.rating('Follows the conventions.').rate('Learning');
  await assessment.privateNotes.fill('Only for me');
  await assessment.saved();
  await expect(assessment.competency('On-call')).toContainText('Not applicable at this level: Specialists are not on call.');

  // Finishing with an item open is refused with the reason.
  await assessment.finish();
  await expect(assessment.alert).toHaveText('Rate or mark as not applicable the 1 item still open before finishing.');
  await assessment.rating('Communication').rate('4');
  await assessment.saved();
  await lookInBothThemes(app, 'growth-assessment-draft', testInfo, { sizes: screenSizes });

  // Typing survives a reload: it was saved.
  await app.reload();
  await expect(assessment.rating('Communication').ratingButton).toContainText('4');
  await expect(assessment.rating('Writes small tested changes.').root.getByRole('textbox', { name: 'Comment' })).toHaveValue(
    'Every change this half came with tests',
  );

  await assessment.finish();
  await expect(assessment.status).toContainText('Finished · locked');
  await expect(app.getByRole('button', { name: /Rating$/ })).toHaveCount(0);
  await expect(app.getByRole('textbox')).toHaveCount(0);
  await expect(assessment.competency('Code')).toContainText('Skilled');
  await expect(assessment.competency('Code')).toContainText('https://example.com/pulls/42');
  await lookInBothThemes(app, 'growth-assessment-finished', testInfo, { sizes: screenSizes });

  await assessment.reopen();
  await expect(assessment.status).toContainText('Revision 2');
  await expect(assessment.rating('Communication').ratingButton).toContainText('4');
  await expect(assessment.revisions.getByRole('link', { name: 'Revision 1 (finished)' })).toBeVisible();
  await assessment.rating('Communication').rate('5');
  await assessment.saved();

  // Revision 1 is exactly as it was finished.
  await assessment.revisions.getByRole('link', { name: 'Revision 1 (finished)' }).click();
  await expect(assessment.status).toContainText('Finished · locked');
  await expect(assessment.competency('Communication')).toContainText('4');
  await expect(assessment.competency('Communication')).not.toContainText('5');

  // What S2 would take, beside the ratings it was made with.
  const gap = await assessment.openGap();
  await expect(gap.row('Code')).toContainText('Designs modules others build on.');
  await expect(gap.row('Code')).toContainText('Learning → Skilled');
  await expect(gap.row('Code').getByRole('cell').nth(2)).toHaveText('Skilled, Learning');
  await expect(gap.row('On-call')).toContainText('Handles incidents on their own.');
  await expect(gap.readiness).toContainText('S2 asks more in 3 of 3 competencies');
  await expect(gap.readiness).toContainText('never as a score');
  await lookInBothThemes(app, 'growth-gap', testInfo, { sizes: screenSizes });
});

async function finishedSelfAssessment(app: Page) {
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  const assessment = await person.start('self', { ladder: 'Support 1.0.0', level: 'S1 Specialist' });
  await assessment.rating('Writes small tested changes.').rate('Skilled');
  await assessment.rating('Follows the conventions.').rate('Learning');
  await assessment.rating('Communication').rate('3');
  await assessment.privateNotes.fill(canary('privateNotes'));
  await assessment.saved();
  await assessment.finish();
  await expect(assessment.status).toContainText('Finished · locked');
  return assessment;
}

test('exchange: the engineer exports a self-assessment file; the manager imports it once, and refuses changed, other-person and other-version files', async ({
  app,
  main,
}, testInfo) => {
  await addPerson(app, alex);
  await addPerson(app, { name: 'Sam Lee', email: 'sam@example.com' });
  const assessment = await finishedSelfAssessment(app);
  await assessment.exportFile();
  expect(main.savePaths).toHaveLength(1);
  expect(main.savePaths[0]).toMatch(/\.json$/);
  const text = await readFile(main.savePaths[0]!, 'utf8');
  expect(canariesIn(text)).toEqual([]);
  expect(JSON.parse(text)).toMatchObject({ format: 'trellis.self-assessment', ladder: { ladderId: 'support', version: '1.0.0' } });

  // Another person's page refuses it with the reason.
  let person = await (await GrowthPage.open(app)).person('Sam Lee');
  let dialog = await person.importFile({ name: 'alex.json', text });
  await expect(dialog.refusal).toContainText('This self-assessment is by Alex Rivera <alex@example.com>, not by Sam Lee <sam@example.com>.');
  await lookInBothThemes(app, 'growth-import-refused', testInfo);
  await dialog.close();

  person = await (await GrowthPage.open(app)).person('Alex Rivera');
  dialog = await person.importFile({ name: 'alex.json', text: text.replace('"Learning"', '"Skilled"').replace('"learning"', '"skilled"') });
  await expect(dialog.refusal).toContainText('was changed after it was exported: its content no longer matches its sha256');

  const envelope = JSON.parse(text) as Parameters<typeof exchangeFileText>[0];
  const otherVersion = exchangeFileText(
    await sealExchange(
      {
        format: envelope.format,
        formatVersion: envelope.formatVersion,
        exporterVersion: '0.1.0',
        exportedAt: envelope.exportedAt,
        ladder: { ...envelope.ladder, version: '9.0.0', hash: 'f'.repeat(64) },
      },
      envelope.content,
    ),
  );
  await dialog.choose({ name: 'other-version.json', text: otherVersion });
  await expect(dialog.refusal).toContainText(
    'was made against Support version 9.0.0 (content ffffffffffff), which this Trellis has never had (it knows 1.0.0)',
  );

  await dialog.choose({ name: 'broken.json', text: '{ "format": "trellis.self-assessment", ' });
  await expect(dialog.refusal).toContainText('is not valid JSON');

  await dialog.choose({ name: 'alex.json', text });
  await expect(dialog.outcome).toContainText('Imported the self-assessment of Alex Rivera (revision 1).');
  await dialog.choose({ name: 'alex.json', text });
  await expect(dialog.outcome).toContainText('This self-assessment (revision 1) was imported already; nothing changed.');
  const imported = await dialog.openIt();
  await expect(imported.status).toContainText('imported from Alex Rivera’s file');
  await expect(imported.competency('Code')).toContainText('Skilled');
  await expect(app.getByText(canary('privateNotes'))).toHaveCount(0);

  await app.getByRole('link', { name: 'All assessments of Alex Rivera' }).click();
  await expect(person.table.getByRole('row')).toHaveCount(3);
  await expect(person.row(/imported/)).toHaveCount(1);
  await lookInBothThemes(app, 'growth-person-assessments', testInfo, { sizes: screenSizes });
});

test('ladder changed: the old assessment shows what it was made against and the differences; re-assessing carries ratings over', async ({
  app,
  main,
}, testInfo) => {
  await addPerson(app, alex);
  const person = await (await GrowthPage.open(app)).person('Alex Rivera');
  const assessment = await person.start('manager', { ladder: 'Support 1.0.0', level: 'S2 Senior Specialist' });
  await assessment.rating('Designs modules others build on.').rate('Skilled');
  await assessment.rating('Reviews every change of the team.').rate('Expert');
  await assessment.rating('Communication').rate('3');
  await assessment.rating('On-call').notApplicable('No rotation in this team yet');
  await assessment.saved();
  await assessment.finish();
  await expect(assessment.status).toContainText('Finished · locked');
  await expect(assessment.ladderChanged).toHaveCount(0);

  await writeLadder(main, 2);
  await expect(assessment.ladderChanged).toBeVisible();
  await expect(assessment.ladderChanged).toContainText('made against Support version 1.0.0; the ladder in use is version 2.0.0');
  const changes = assessment.ladderChanged.getByRole('list', { name: 'Changes to what was rated' });
  await expect(changes.getByRole('listitem')).toHaveCount(3);
  await expect(changes.getByRole('listitem').filter({ hasText: 'Code: Reworded' })).toContainText('Designs modules several teams build on.');
  await expect(changes.getByRole('listitem').filter({ hasText: 'Code: No longer in the ladder' })).toContainText('Reviews every change of the team.');
  await expect(changes.getByRole('listitem').filter({ hasText: 'Code: Expected step changed' })).toBeVisible();
  // It still shows the criteria as they were when it was made.
  await expect(assessment.competency('Code')).toContainText('Designs modules others build on.');
  await expect(assessment.competency('Code')).toContainText('Reviews every change of the team.');
  await lookInBothThemes(app, 'growth-ladder-changed', testInfo, { sizes: screenSizes });

  await assessment.reassess('2.0.0');
  await expect(assessment.status).toContainText('Revision 2');
  await expect(assessment.ladderChanged).toHaveCount(0);
  await expect(assessment.rating('Designs modules several teams build on.').ratingButton).toContainText('Skilled');
  await expect(assessment.rating('Communication').ratingButton).toContainText('3');
  await expect(assessment.rating('On-call').root.getByRole('textbox', { name: 'Why it does not apply' })).toHaveValue('No rotation in this team yet');
  await expect(app.getByRole('group', { name: 'Reviews every change of the team.' })).toHaveCount(0);
});
