import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { buildPacketContent, emptySummary, generateSigningKey, packetFileText } from '../../shared/packets';
import { ladderText, testLadder } from '../support/assessment-ladders';
import { call } from '../support/main-context';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { CalibrationPage } from './pages/calibration';

test.beforeEach(async ({ main }) => {
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
});

const content = (name: string, narrative: string) =>
  buildPacketContent({
    draft: {
      trackId: 'ic',
      levelId: 'S2',
      period: { from: '2025-12-01', to: '2026-11-30' },
      summary: { ...emptySummary, role: 'Support engineer' },
      criteria: [{ criterionId: 'code-s2-a', narrative, evidence: [{ kind: 'assessment', id: 'e1', note: '' }] }],
    },
    ladder: testLadder(1),
    person: { name },
    preparedBy: { name: 'Morgan Lee' },
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

test('open three packets: the edited one and the unsigned one are flagged; compare the rest anonymised', async ({ app, main }, testInfo) => {
  const list = await call(main, 'ladders:list');
  if (!list.ok) throw new Error('no ladders');
  const hash = list.value.ladders.find((l) => l.id === 'support' && l.origin === 'user')!.hash!;
  const header = { exporterVersion: '0.1.0', exportedAt: '2026-12-01T10:00:00Z', ladder: { ladderId: 'support', version: '1.0.0', hash } };
  const key = await generateSigningKey();
  const dir = path.join(main.dataDir, 'inbox');
  await mkdir(dir);
  const files = {
    good: path.join(dir, 'alex.json'),
    edited: path.join(dir, 'sam.json'),
    unsigned: path.join(dir, 'kim.json'),
  };
  await writeFile(files.good, await packetFileText(content('Alex Rivera', 'Designed the ledger.'), header, key));
  const edited = await packetFileText(content('Sam Okafor', 'Designed the cache.'), header, key);
  await writeFile(files.edited, edited.replace('Designed the cache.', 'Designed the whole platform.'));
  await writeFile(files.unsigned, await packetFileText(content('Kim Park', 'Designed the queue.'), header));
  main.chooseOpenPathsAnswers.push([files.good, files.edited, files.unsigned]);

  const calibration = await CalibrationPage.open(app);
  await calibration.openPackets();
  await expect(calibration.row('alex.json')).toContainText('Verified');
  await expect(calibration.row('sam.json')).toContainText('Changed after export');
  await expect(calibration.row('kim.json')).toContainText('Unsigned');
  await expect(calibration.row('alex.json')).toContainText('Candidate 1');
  await expect(calibration.row('alex.json')).not.toContainText('Alex Rivera');

  // The two readable packets side by side, against the level's criteria, without names.
  await expect(calibration.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 1', 'Candidate 2']);
  await expect(calibration.comparison.getByRole('row', { name: /Designs modules others build on/ })).toContainText('Designed the ledger.');
  await expect(calibration.comparison).not.toContainText('Designed the whole platform.');
  await lookInBothThemes(app, 'calibration-opened', testInfo, { sizes: screenSizes });

  await calibration.showNames();
  await expect(calibration.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Alex Rivera', 'Kim Park']);
});
