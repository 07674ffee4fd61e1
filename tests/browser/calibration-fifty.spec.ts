import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { buildPacketContent, emptySummary, generateSigningKey, packetFileText } from '../../shared/packets';
import { ladderText, testLadder } from '../support/assessment-ladders';
import { call } from '../support/main-context';
import { expect, lookInBothThemes, screenSizes, test } from './fixtures';
import { CalibrationPage } from './pages/calibration';

const PACKETS = 50;
// Names without digits: a pseudonym ("Candidate 12") must not collide with a part of a name.
const first = ['Ada', 'Bea', 'Cai', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jon'];
const last = ['Quill', 'Rowan', 'Stone', 'Thorne', 'Vale'];
const managers = ['Morgan Lee', 'Jo Park', 'Sam Hill', 'Ria Shah', 'Tom Vos'];

test.beforeEach(async ({ main }) => {
  test.slow();
  await mkdir(main.laddersDir, { recursive: true });
  await writeFile(path.join(main.laddersDir, 'support.yaml'), ladderText(1));
});

/** 50 packets signed by the real signing code, for one level, from five teams and five managers. */
async function fiftyPackets(main: { dataDir: string }, hash: string): Promise<string[]> {
  const header = { exporterVersion: '0.1.0', exportedAt: '2026-12-01T10:00:00Z', ladder: { ladderId: 'support', version: '1.0.0', hash } };
  const key = await generateSigningKey();
  const dir = path.join(main.dataDir, 'inbox');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 1; i <= PACKETS; i++) {
    const name = `${first[(i - 1) % 10]} ${last[Math.floor((i - 1) / 10)]}`;
    const content = buildPacketContent({
      draft: {
        trackId: 'ic',
        levelId: 'S2',
        period: { from: '2025-12-01', to: '2026-11-30' },
        summary: { ...emptySummary, role: 'Support engineer', timeInLevel: `${1 + (i % 4)} years` },
        criteria: [
          { criterionId: 'code-s2-a', narrative: `${name} designed the ledger; she shipped it.`, evidence: [{ kind: 'assessment', id: 'e1', note: '' }] },
        ],
      },
      ladder: testLadder(1),
      person: { name, team: ['Atlas', 'Borealis', 'Comet', 'Delta', 'Ember'][i % 5]! },
      currentLevelTitle: 'Specialist',
      preparedBy: { name: managers[i % 5]! },
      evidence: [
        { kind: 'assessment', id: 'e1', personId: 'p', date: '2026-05-01', visibility: 'shareable', competencyIds: ['code'], title: 'Manager assessment' },
      ],
    });
    const file = path.join(dir, `packet-${String(i).padStart(2, '0')}.json`);
    await writeFile(file, await packetFileText(content, header, key));
    files.push(file);
  }
  return files;
}

test('fifty packets: cards drawn as they come into view, a few compared at a time, charts with their tables, renamed, then deleted', async ({
  app,
  main,
}, testInfo) => {
  const list = await call(main, 'ladders:list');
  if (!list.ok) throw new Error('no ladders');
  const hash = list.value.ladders.find((l) => l.id === 'support' && l.origin === 'user')!.hash!;
  main.chooseOpenPathsAnswers.push(await fiftyPackets(main, hash));

  const calibration = await CalibrationPage.open(app);
  const session = await calibration.newSession('Fifty at once', 'Support seniors');
  await session.openPackets();
  await session.expectPackets(PACKETS);

  // The decisions: every card is in the list, only those near the view are drawn.
  await expect(session.decision('Candidate 1').root).toBeVisible();
  await expect(session.decisionList.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(PACKETS));
  const drawn = await session.decisionList.getByRole('article').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(10);
  const last = await session.scrollToDecision(`Candidate ${PACKETS}`);
  await expect(session.decision('Candidate 1').root).toHaveCount(0);
  await last.write('Rationale', 'The last one, and just as strong.');
  await last.saved();
  await last.decide('Promote');
  await expect(last.outcome('Promote')).toBeChecked();
  // Back at the top and down again: the card is drawn again with what was written and decided.
  await session.scrollToDecision('Candidate 1', 'up');
  const again = await session.scrollToDecision(`Candidate ${PACKETS}`);
  await expect(again.root.getByRole('textbox', { name: 'Rationale' })).toHaveValue('The last one, and just as strong.');
  await expect(again.outcome('Promote')).toBeChecked();

  // Compare: four at a time, stepped through or picked.
  await session.comparison.scrollIntoViewIfNeeded();
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 1', 'Candidate 2', 'Candidate 3', 'Candidate 4']);
  await expect(session.compareControls.getByRole('status')).toHaveText('Comparing 4 of 50 candidates proposed for Senior Specialist, up to 4 at a time.');
  await expect(session.compareControls).toContainText('Remove one to add another.');
  await session.compareStep('Next');
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 5', 'Candidate 6', 'Candidate 7', 'Candidate 8']);
  await session.removeFromComparison('Candidate 6');
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 5', 'Candidate 7', 'Candidate 8']);
  await session.addToComparison('Candidate 42');
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 5', 'Candidate 7', 'Candidate 8', 'Candidate 42']);
  await expect(session.comparison).toContainText('Candidate 42 designed the ledger; they shipped it.');
  await session.compareStep('Previous');
  await expect(session.comparison.getByRole('columnheader')).toHaveText(['Criterion', 'Candidate 1', 'Candidate 2', 'Candidate 3', 'Candidate 4']);
  await lookInBothThemes(app, 'calibration-fifty-compare', testInfo, { sizes: screenSizes });

  // Distribution: a chart and its table, the same numbers; teams by pseudonym while anonymised.
  await session.distributionChart.scrollIntoViewIfNeeded();
  await expect(session.distributionChart).toHaveAttribute(
    'aria-label',
    /^Proposed and decided by level\. Senior Specialist: 50 proposed, 1 promote, 0 not yet, 0 defer, 49 undecided\.$/,
  );
  await expect(session.distributionChart.locator('svg.recharts-surface').first()).toBeVisible();
  await session.groupBy('Team');
  await expect(session.distributionChart).toHaveAttribute('aria-label', /Team A: 10 proposed/);
  await expect(session.distributionChart).not.toHaveAttribute('aria-label', /Atlas|Borealis|Comet|Delta|Ember/);
  await expect(session.timeInLevelChart.locator('svg.recharts-surface').first()).toBeVisible();
  await lookInBothThemes(app, 'calibration-fifty-charts', testInfo, { sizes: screenSizes });
  await session.distributionView('Table');
  await expect(session.distribution('team').getByRole('row')).toHaveCount(6);
  await expect(session.distribution('team').getByRole('row', { name: /^Team A/ })).toContainText('10');
  await session.timeInLevelView('Table');
  // 1 + (i mod 4) years: 12 with one year, 13 with two, 25 with three or four.
  await expect(app.getByRole('table', { name: 'Time in level' }).getByRole('row', { name: /^1 to 2 years/ })).toContainText('12');
  await expect(app.getByRole('table', { name: 'Time in level' }).getByRole('row', { name: /^3 years or more/ })).toContainText('25');
  await lookInBothThemes(app, 'calibration-fifty-tables', testInfo, { sizes: screenSizes });

  // Rename: an empty name is refused; the new one shows, and the log keeps the old.
  const refused = await session.rename('   ');
  await expect(refused.root).toContainText('Name the session');
  await refused.root.getByRole('button', { name: 'Cancel' }).click();
  const renamed = await session.rename('Fifty, calibrated');
  await expect(renamed.root).toBeHidden();
  await expect(session.title).toHaveText('Fifty, calibrated');
  await expect(session.log).toContainText('Session renamed: Fifty at once → Fifty, calibrated');

  // Delete: the confirmation says what goes with it; keeping it changes nothing.
  let confirm = await session.askToDelete();
  await expect(confirm.root).toContainText('the 50 packets as opened');
  await expect(confirm.root).toContainText('1 candidate decided');
  await expect(confirm.root).toContainText('the session log (');
  await expect(confirm.root).toContainText('This cannot be undone.');
  await lookInBothThemes(app, 'calibration-delete', testInfo);
  await confirm.root.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm.root).toBeHidden();
  await expect(session.title).toHaveText('Fifty, calibrated');
  confirm = await session.askToDelete();
  await confirm.root.getByRole('button', { name: 'Delete session' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Calibration' })).toBeVisible();
  await expect(calibration.empty).toBeVisible();
  // Nothing of it is left in the data.
  const left = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('trellis');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const counts = [await count('calibrationSessions'), await count('sessionPackets'), await count('decisions'), await count('sessionLog')];
    db.close();
    return counts;
  });
  expect(left).toEqual([0, 0, 0, 0]);
});
