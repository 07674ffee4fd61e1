import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { buildPacketContent, emptySummary, generateSigningKey, packetFileText } from '../../../../shared/packets';
import { testLadder } from '../../../support/assessment-ladders';
import type { BenchResult } from '../../harness';
import type { ChromiumFigure } from '../figure';
import { longestTaskDuring } from '../trace';

const PACKETS = 50;
const sentence = 'She led the migration of the billing ledger, wrote the design, reviewed every change and onboarded two engineers. ';

/** A signed packet of a few pages, one narrative per criterion, as a manager sends it. */
async function packetFile(i: number, key: Awaited<ReturnType<typeof generateSigningKey>>): Promise<string> {
  const ladder = testLadder(1);
  const content = buildPacketContent({
    draft: {
      trackId: 'ic',
      levelId: 'S2',
      period: { from: '2025-12-01', to: '2026-11-30' },
      summary: { ...emptySummary, role: sentence, timeInLevel: `${1 + (i % 4)} years`, scope: sentence.repeat(3), keyProjects: sentence.repeat(6) },
      criteria: ['code-s2-a'].map((criterionId) => ({
        criterionId,
        narrative: sentence.repeat(4),
        evidence: [{ kind: 'assessment', id: 'e1', note: 'Scope' }],
      })),
    },
    ladder,
    person: { name: `Candidate Person ${i}`, team: `Team ${i % 5}` },
    preparedBy: { name: `Manager ${i % 7}` },
    evidence: [
      { kind: 'assessment', id: 'e1', personId: 'p', date: '2026-05-01', visibility: 'shareable', competencyIds: ['code'], title: 'Manager assessment' },
    ],
  });
  const header = { exporterVersion: '0.1.0', exportedAt: '2026-12-01T10:00:00Z', ladder: { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) } };
  return packetFileText(content, header, key);
}

/**
 * Opening 50 packets into a calibration session, as a committee does: main's dialog answers with
 * 50 signed files. Measured from "Open packets…": until the first decision card is on screen
 * (every file read, verified, stored, parsed and the page drawn), and the longest main-thread
 * task from the click until the page has settled (the last packet's row listed, a moment of
 * quiet after), so a screen that draws 50 cards, or a check of 50 files in one go, shows here.
 * On the small set: the committee's data is its own, not the manager's years of 1:1s.
 */
const figure: ChromiumFigure = {
  title: 'open 50 packets in a calibration session',
  async run(session) {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-packets-'));
    const launched = await session.launch('small');
    try {
      const key = await generateSigningKey();
      const files: string[] = [];
      for (let i = 0; i < PACKETS; i++) {
        const file = path.join(folder, `packet-${i + 1}.json`);
        await writeFile(file, await packetFile(i, key));
        files.push(file);
      }
      const { page } = launched;
      await page.goto(`${session.appUrl}#/calibration`);
      await page.getByRole('button', { name: 'New session…' }).click();
      const dialog = page.getByRole('dialog', { name: 'New calibration session' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(`Bench ${crypto.randomUUID()}`);
      await dialog.getByRole('button', { name: 'Start session' }).click();
      await page.getByRole('button', { name: 'Open packets…' }).waitFor();
      session.answerOpenPathsDialog(files);
      let firstCard = 0;
      const longest = await longestTaskDuring(page, async () => {
        const started = performance.now();
        await page.getByRole('button', { name: 'Open packets…' }).click();
        await page.getByRole('article', { name: 'Candidate 1', exact: true }).waitFor({ timeout: 5 * 60_000 });
        firstCard = performance.now() - started;
        await page.locator(`table[aria-label="Opened packets"][aria-rowcount="${PACKETS + 1}"]`).waitFor({ timeout: 60_000 });
        // Whatever the page still does after the first card (charts, the other sections) counts too.
        await page.waitForTimeout(1_000);
      });
      const drawn = await page.getByRole('list', { name: 'Decisions' }).getByRole('article').count();
      const results: BenchResult[] = [
        {
          name: `open ${PACKETS} packets → first decision card (read, verify, store, draw)`,
          value: firstCard,
          unit: 'ms',
          target: '< 2000 ms',
          pass: firstCard < 2000,
        },
        { name: `open ${PACKETS} packets: longest main-thread task`, value: longest, unit: 'ms', target: '< 50 ms', pass: longest < 50 },
        { name: `open ${PACKETS} packets: decision cards in the DOM`, value: drawn, unit: 'cards', target: 'informational' },
      ];
      return results;
    } finally {
      await launched.close();
      await rm(folder, { recursive: true, force: true });
    }
  },
};

export default figure;
