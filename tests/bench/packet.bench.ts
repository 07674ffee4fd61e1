/**
 * Packet export: Markdown, HTML and the signed JSON file of a generated packet, and the PDF through
 * the same print service the app uses (over Chromium with Playwright, as in the browser suite).
 * Sizes: "small" (a few pages) and "medium" (about ten pages: the figure). Targets on this
 * machine: < 250 ms for each text format, < 2 s for the PDF.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from '@playwright/test';

import { checkLadder, type ReadInclude } from '../../shared/ladder';
import { buildPacketContent, emptySummary, generateSigningKey, packetFileText, packetHtml, packetMarkdown, targetCriteria } from '../../shared/packets';
import { chromiumArgs, chromiumExecutable } from '../support/chromium';
import { playwrightPrinter } from '../support/playwright-print';
import { type BenchResult, medianMs } from './harness';

const ladders = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../ladders');

function engineering() {
  const read: ReadInclude = (_from, include) => {
    const file = path.join(ladders, include.replace(/^\.\//, ''));
    return { path: file, text: readFileSync(file, 'utf8') };
  };
  const check = checkLadder({ path: path.join(ladders, 'engineering.yaml'), text: readFileSync(path.join(ladders, 'engineering.yaml'), 'utf8') }, read);
  if (!check.ladder) throw new Error('engineering.yaml does not check');
  return check.ladder;
}

const sentence = 'Led the migration of the billing ledger, wrote the design, reviewed every change and onboarded two engineers who now own parts of it. ';

function packet(size: 'small' | 'medium') {
  const ladder = engineering();
  const track = ladder.tracks[0]!;
  const levelId = track.levelIds[Math.min(3, track.levelIds.length - 1)]!;
  const targets = targetCriteria(ladder, track.id, levelId);
  const perCriterion = size === 'small' ? 1 : 4;
  const narrativeSentences = size === 'small' ? 1 : 3;
  const evidence = targets.flatMap((t, i) =>
    Array.from({ length: perCriterion }, (_, j) => ({
      kind: 'assessment' as const,
      id: `e-${i}-${j}`,
      personId: 'p',
      date: `2026-${String(1 + ((i + j) % 12)).padStart(2, '0')}-1${j}`,
      visibility: 'shareable' as const,
      competencyIds: [t.competencyId],
      title: `Evidence ${i}.${j}: design review of the ledger`,
    })),
  );
  const content = buildPacketContent({
    draft: {
      trackId: track.id,
      levelId,
      period: { from: '2025-12-01', to: '2026-11-30' },
      summary: { ...emptySummary, role: sentence, scope: sentence.repeat(3), keyProjects: sentence.repeat(6), mentoring: sentence.repeat(2), gaps: sentence },
      criteria: targets.map((t, i) => ({
        criterionId: t.criterionId,
        narrative: sentence.repeat(narrativeSentences),
        evidence: Array.from({ length: perCriterion }, (_, j) => ({ kind: 'assessment' as const, id: `e-${i}-${j}`, note: 'Shows the scope of the work.' })),
      })),
    },
    ladder,
    person: { name: 'Alex Rivera', title: 'Senior Engineer' },
    preparedBy: { name: 'Morgan Lee' },
    evidence,
  });
  return { content, ladder: { ladderId: ladder.id, version: ladder.version, hash: 'a'.repeat(64) } };
}

export default async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const key = await generateSigningKey();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const print = playwrightPrinter(browser);
    for (const size of ['small', 'medium'] as const) {
      const { content, ladder } = packet(size);
      const html = packetHtml(content);
      const text = [
        ['Markdown', () => packetMarkdown(content)],
        ['HTML', () => packetHtml(content)],
        ['signed JSON', () => packetFileText(content, { exporterVersion: 'bench', exportedAt: '2026-12-01T00:00:00Z', ladder }, key)],
      ] as const;
      for (const [name, fn] of text) {
        const ms = await medianMs(fn, 21, 5);
        out.push({ name: `packet export ${name} (${size})`, value: ms, unit: 'ms', target: '< 250 ms', pass: ms < 250 });
      }
      let pages = 0;
      const pdfMs = await medianMs(
        async () => {
          const pdf = await print(html);
          pages = (
            Buffer.from(pdf)
              .toString('latin1')
              .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
          ).length;
        },
        5,
        1,
      );
      out.push({ name: `packet export PDF (${size}, ${pages} pages)`, value: pdfMs, unit: 'ms', target: '< 2000 ms', pass: pdfMs < 2000 });
    }
  } finally {
    await browser.close();
  }
  return out;
}
