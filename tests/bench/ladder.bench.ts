/**
 * Ladder parsing cost: checkLadder (parse + validate + resolve, includes from memory) on the
 * largest bundled ladder and on a generated ladder ten times its size, next to a bare yaml.parse
 * of the same texts. Targets: < 15 ms for the bundled ladder, ≤ 3× yaml.parse.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse, parseDocument } from 'yaml';

import { loadEntry, scanFolder } from '../../electron/services/ladders/catalog';
import { ladderFolder } from '../../electron/services/ladders/folder';
import { createVersionStore } from '../../electron/services/ladders/version-store';
import { checkLadder, type ReadInclude } from '../../shared/ladder';
import type { BenchResult } from './harness';

const ladders = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../ladders');

interface Case {
  name: string;
  entry: { path: string; text: string };
  includes: Record<string, string>;
}

function largestBundled(): Case {
  const names = ['engineering.yaml', 'product.yaml', 'design.yaml'];
  const [largest] = names.map((n) => ({ n, text: readFileSync(path.join(ladders, n), 'utf8') })).sort((a, b) => b.text.length - a.text.length);
  return {
    name: largest!.n,
    entry: { path: `/ladders/${largest!.n}`, text: largest!.text },
    includes: { '/ladders/shared/core.yaml': readFileSync(path.join(ladders, 'shared/core.yaml'), 'utf8') },
  };
}

/** The same ladder with every competency copied under new ids until the text is ten times larger. */
export function tenTimes(base: Case): Case {
  const doc = parseDocument(base.entry.text);
  const competencies = doc.get('competencies') as { items: unknown[] };
  const originals = [...competencies.items];
  for (let copy = 1; base.entry.text.length * 10 > doc.toString().length; copy++) {
    for (const item of originals) {
      const json = (item as { toJSON(): unknown }).toJSON() as { id: string; levels?: Record<string, { criteria?: unknown }> };
      // Criterion ids are unique per competency: the copies get their own.
      for (const cell of Object.values(json.levels ?? {})) {
        if (Array.isArray(cell.criteria))
          cell.criteria = cell.criteria.map((c: unknown) =>
            typeof c === 'object' && c !== null && 'id' in c ? { ...c, id: `${String(c.id)}-copy${copy}` } : c,
          );
      }
      json.id = `${json.id}-copy${copy}`;
      competencies.items.push(doc.createNode(json));
    }
  }
  return { name: `${base.name} ×10 (generated)`, entry: { path: base.entry.path, text: doc.toString() }, includes: base.includes };
}

/**
 * Medians of the two functions timed alternately, after a shared warm-up: the machine is shared,
 * and timing one after the other would put any change in load into the ratio.
 */
function interleaved(check: () => unknown, parse: () => unknown, runs = 41, warmup = 15): { checkMs: number; parseMs: number } {
  for (let i = 0; i < warmup; i++) {
    check();
    parse();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    check();
    a.push(performance.now() - start);
    start = performance.now();
    parse();
    b.push(performance.now() - start);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { checkMs: median(a), parseMs: median(b) };
}

async function measure(c: Case): Promise<BenchResult[]> {
  const read: ReadInclude = (_from, include) => {
    const p = `/ladders/${include}`;
    const text = c.includes[p];
    return text === undefined ? null : { path: p, text };
  };
  const result = checkLadder(c.entry, read);
  if (!result.ladder) throw new Error(`${c.name} does not check cleanly: ${result.problems[0]?.message}`);
  const texts = [c.entry.text, ...Object.values(c.includes)];
  const size = texts.reduce((n, t) => n + t.length, 0);
  const { checkMs, parseMs } = interleaved(
    () => checkLadder(c.entry, read),
    () => texts.map((t) => parse(t)),
  );
  const ratio = checkMs / parseMs;
  const label = `${c.name} (${Math.round(size / 1024)} kB, ${result.ladder.cells.length} cells)`;
  return [
    {
      name: `ladder check ${label}`,
      value: checkMs,
      unit: 'ms',
      target: c.name.includes('generated') ? 'informational' : '< 15 ms',
      pass: c.name.includes('generated') ? undefined : checkMs < 15,
    },
    { name: `yaml.parse ${label}`, value: parseMs, unit: 'ms', target: 'baseline' },
    { name: `ratio check / yaml.parse, ${c.name}`, value: ratio, unit: '×', target: '≤ 3×', pass: ratio <= 3 },
  ];
}

/** Medians of two async functions timed alternately (see `interleaved`). */
async function interleavedAsync(a: () => Promise<unknown>, b: () => unknown, runs = 41, warmup = 5): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await a();
    ta.push(performance.now() - start);
    start = performance.now();
    b();
    tb.push(performance.now() - start);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return [median(ta), median(tb)];
}

/**
 * The whole load main does for the bundled ladders folder at start: read each ladder file, check
 * it with its includes, hash it, tell shared files apart, and look it up in the version store —
 * next to one yaml.parse of every file in the folder. Each file is parsed once (the shared-file
 * test used to parse every ladder a second time).
 */
async function wholeLoad(): Promise<BenchResult[]> {
  const store = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-versions-'));
  try {
    const versions = createVersionStore(store);
    const { files } = await scanFolder(ladders);
    const folder = ladderFolder(ladders);
    const texts = [...files.map((f) => readFileSync(path.join(ladders, f), 'utf8')), readFileSync(path.join(ladders, 'shared/core.yaml'), 'utf8')];
    const load = async () => {
      for (const f of files) if (!(await loadEntry('bundled', folder, f, undefined, versions))?.inUse) throw new Error(`${f} did not load`);
    };
    const [loadMs, parseMs] = await interleavedAsync(load, () => texts.map((t) => parse(t)));
    const ratio = loadMs / parseMs;
    return [
      { name: `ladder folder load in main (${files.length} bundled ladders: read, check, hash, versions)`, value: loadMs, unit: 'ms', target: 'informational' },
      { name: 'yaml.parse of the same files', value: parseMs, unit: 'ms', target: 'baseline' },
      { name: 'ratio whole ladder load / yaml.parse', value: ratio, unit: '×', target: '≤ 3×', pass: ratio <= 3 },
    ];
  } finally {
    await rm(store, { recursive: true, force: true });
  }
}

export default async function ladderBench(): Promise<BenchResult[]> {
  const bundled = largestBundled();
  return [...(await measure(bundled)), ...(await measure(tenTimes(bundled))), ...(await wholeLoad())];
}
