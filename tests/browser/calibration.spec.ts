import { execFile } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { buildPacketContent, emptySummary, generateSigningKey, packetFileText } from '../../shared/packets';
import { ladderText, testLadder } from '../support/assessment-ladders';
import { canariesIn, canary } from '../support/canary';
import { call } from '../support/main-context';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { CalibrationPage } from './pages/calibration';
import { putRows } from './support-db';

const run = promisify(execFile);

test.beforeEach(async ({ main }) => {
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
});

const content = (name: string, narrative: string, team: string, manager: string, timeInLevel: string) =>
  buildPacketContent({
    draft: {
      trackId: 'ic',
      levelId: 'S2',
      period: { from: '2025-12-01', to: '2026-11-30' },
      summary: { ...emptySummary, role: 'Support engineer', timeInLevel },
      criteria: [{ criterionId: 'code-s2-a', narrative, evidence: [{ kind: 'assessment', id: 'e1', note: '' }] }],
    },
    ladder: testLadder(1),
    person: { name, team },
    currentLevelTitle: 'Specialist',
    preparedBy: { name: manager },
    evidence: [
      {
        kind: 'assessment',
        id: 'e1',
        personId: 'p',
        date: '2026-05-01',
        visibility: 'shareable',
        competencyIds: ['code'],
        title: 'Manager assessment, revision 1',
      },
    ],
  });

test('a calibration session: three packets checked, read anonymised, decided, one changed with a reason, exported, kept after a reload', async ({
  app,
  main,
}, testInfo) => {
  // This committee member is also a manager: a private note of theirs must never reach an export.
  const stamp = new Date().toISOString();
  await putRows(app, 'meetings', [
    {
      id: 'm-private',
      personId: 'someone',
      seriesId: null,
      kind: 'one-on-one',
      date: '2026-11-20',
      agenda: [],
      sharedNotes: '',
      privateNotes: canary('meetings.privateNotes'),
      tags: [],
      createdAt: stamp,
      updatedAt: stamp,
    },
  ]);
  const list = await call(main, 'ladders:list');
  if (!list.ok) throw new Error('no ladders');
  const hash = list.value.ladders.find((l) => l.id === 'support' && l.origin === 'user')!.hash!;
  const header = { exporterVersion: '0.1.0', exportedAt: '2026-12-01T10:00:00Z', ladder: { ladderId: 'support', version: '1.0.0', hash } };
  const key = await generateSigningKey();
  const dir = path.join(main.dataDir, 'inbox');
  await mkdir(dir);
  const files = { good: path.join(dir, 'alex.json'), edited: path.join(dir, 'sam.json'), unsigned: path.join(dir, 'kim.json') };
  await writeFile(
    files.good,
    await packetFileText(content('Alex Rivera', 'She designed the ledger; Alex and her team shipped it.', 'Payments', 'Morgan Lee', '2 years'), header, key),
  );
  const edited = await packetFileText(content('Sam Okafor', 'Designed the cache.', 'Payments', 'Morgan Lee', '1 year'), header, key);
  await writeFile(files.edited, edited.replace('Designed the cache.', 'Designed the whole platform.'));
  await writeFile(files.unsigned, await packetFileText(content('Kim Park', 'He designed the queue himself.', 'Search', 'Jo Park', '18 months'), header));
  main.chooseOpenPathsAnswers.push([files.good, files.edited, files.unsigned]);

  const calibration = await CalibrationPage.open(app);
  const session = await calibration.newSession('H2 support seniors', 'Support, second half of 2026');
  await session.openPackets();
  await expect(session.row('alex.json')).toContainText('Key not seen before');
  await expect(session.row('sam.json')).toContainText('Changed after export');
  await expect(session.row('kim.json')).toContainText('Unsigned');
  await expect(session.row('alex.json')).toContainText('Candidate 1');
  await expect(session.row('alex.json')).not.toContainText('Alex Rivera');
  await session.trustKey('alex.json', 'Morgan Lee (fingerprint read out on a call)');
  await expect(session.row('alex.json')).toContainText('Trusted Morgan Lee (fingerprint read out on a call)');
  // What the check found when the file was opened stays true, and the trust since is said beside it.
  await expect(session.row('alex.json')).toContainText(/Key not seen before when opened\s*Trusted on \d{1,2} \w+ \d{4} as Morgan Lee/);
  await lookInBothThemes(app, 'calibration-opened', testInfo, { sizes: screenSizes });

  // Side by side, anonymised: no names, no gendered pronouns; the edited packet is not read at all.
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 1', 'Candidate 2']);
  const row = session.comparison.getByRole('row', { name: /Designs modules others build on/ });
  await expect(row).toContainText('They designed the ledger; Candidate 1 and their team shipped it.');
  await expect(row).toContainText('They designed the queue themselves.');
  await expect(session.comparison).not.toContainText('Designed the whole platform.');

  // Filters by team (pseudonyms while anonymised).
  await session.filter('Team', 'Team B');
  await expect(session.filterCount).toHaveText('1 of 2 candidates');
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 2']);
  await session.filter('Team', 'All');
  await expect(session.filterCount).toHaveText('2 of 2 candidates');

  // Decisions with rationale, beside the manager's proposal.
  const first = session.decision('Candidate 1');
  const second = session.decision('Candidate 2');
  await expect(first.root).toContainText('Manager’s proposal');
  await expect(first.root).toContainText('Senior Specialist on Individual contributor, from Specialist');
  await first.write('Rationale', 'Owns the ledger design end to end.');
  await first.write('Open questions', 'Mentoring outside the team?');
  await first.saved();
  await first.decide('Promote');
  await expect(first.outcome('Promote')).toBeChecked();
  await second.write('Rationale', 'Scope still within one team.');
  await second.saved();
  await second.decide('Not yet');
  await expect(second.outcome('Not yet')).toBeChecked();
  await lookInBothThemes(app, 'calibration-session', testInfo, { sizes: screenSizes });

  // A recorded decision changes only with a reason.
  const change = await second.change('Defer');
  await expect(change.root).toContainText('From Not yet to Defer');
  await change.root.getByRole('button', { name: 'Change decision' }).click();
  await expect(change.root).toContainText('Say why the decision changes');
  await lookInBothThemes(app, 'calibration-change', testInfo);
  await change.root.getByRole('textbox', { name: 'Reason for the change' }).fill('Waiting for the Q1 incident review.');
  await change.root.getByRole('button', { name: 'Change decision' }).click();
  await expect(change.root).toBeHidden();
  await expect(second.outcome('Defer')).toBeChecked();

  // Showing a name is on purpose, and logged.
  await first.showName();
  await expect(session.decision('Alex Rivera').root).toBeVisible();
  // Once shown, the log names the candidate too.
  await expect(session.log).toContainText('Alex Rivera: decided Promote (rationale: Owns the ledger design end to end.)');
  await expect(session.log).toContainText('Candidate 2: changed from Not yet to Defer. Reason: Waiting for the Q1 incident review.');
  await expect(session.log).toContainText('Alex Rivera: name shown');
  await expect(session.log).toContainText('Signing key trusted: Morgan Lee');

  // Distribution: two people are too few to summarise, in the chart as in its table.
  await expect(session.distributionChart).toHaveAttribute('aria-label', 'No level has 4 or more candidates: nothing is summarised.');
  await session.distributionView('Table');
  await expect(session.distribution('level')).toContainText('Fewer than 4 people: not summarised');
  await session.groupBy('Manager');
  await expect(session.distribution('manager').getByRole('row')).toHaveCount(3);
  await session.distribution('manager').scrollIntoViewIfNeeded();
  await lookInBothThemes(app, 'calibration-distribution', testInfo, { sizes: screenSizes });
  await expect(app.getByRole('region', { name: 'Proposed and decided' })).toContainText('Fewer than 4 candidates: not summarised.');

  // Export CSV and PDF, each where main's save dialog said.
  for (const [i, format] of (['CSV', 'PDF'] as const).entries()) {
    await session.export(format);
    // Each lands where main's save dialog said before the next one starts.
    await expect
      .poll(async () => (main.savePaths[i] ? (await stat(main.savePaths[i]!).catch(() => null))?.size : undefined), { timeout: 60_000 })
      .toBeGreaterThan(0);
  }
  const [csvPath, pdfPath] = main.savePaths;
  expect(csvPath).toMatch(/\.csv$/);
  expect(pdfPath).toMatch(/\.pdf$/);
  const csv = await readFile(csvPath!, 'utf8');
  const pdfText = (await run('pdftotext', ['-layout', pdfPath!, '-'])).stdout;
  for (const text of [csv, pdfText]) {
    expect(canariesIn(text)).toEqual([]);
    for (const words of [
      'Alex Rivera',
      'Kim Park',
      'Owns the ledger design end to end.',
      'Waiting for the Q1 incident review.',
      'Promote',
      'Defer',
      'Senior Specialist',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('Sam Okafor');
  }
  expect(csv).toContain('"Kim Park","Candidate 2","","Search","Jo Park","Individual contributor","Specialist","Senior Specialist","Defer"');
  expect(csv).toMatch(/"alex\.json","Key not seen before when opened; trusted on \d{1,2} \w+ \d{4} as Morgan Lee \(fingerprint read out on a call\)\."/);
  await run('pdftoppm', ['-png', '-r', '50', pdfPath!, testInfo.outputPath('decisions-pdf')]);
  await expect(session.log).toContainText('Decisions exported (CSV:');
  await expect(session.log).toContainText('Decisions exported (PDF:');

  // The packets are as they were sent: the proposals were never written over.
  await expect(second.root).toContainText('Senior Specialist on Individual contributor, from Specialist');

  // After a reload the session is still there, with its packets, decisions and log; names hidden again.
  await app.reload();
  const again = await (await CalibrationPage.open(app)).openSession('H2 support seniors');
  await expect(again.row('sam.json')).toContainText('Changed after export');
  await expect(again.decision('Candidate 1').outcome('Promote')).toBeChecked();
  await expect(again.decision('Candidate 2').outcome('Defer')).toBeChecked();
  await expect(again.decision('Candidate 1').root.getByRole('textbox', { name: 'Rationale' })).toHaveValue('Owns the ledger design end to end.');
  await expect(again.log).toContainText('Reason: Waiting for the Q1 incident review.');
  await CalibrationPage.open(app);
  await expect(app.getByRole('list', { name: 'Calibration sessions' })).toContainText('H2 support seniors');
  await lookInBothThemes(app, 'calibration-sessions-list', testInfo, { sizes: screenSizes });
});
