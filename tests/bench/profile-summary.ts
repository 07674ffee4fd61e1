/**
 * Summarises a DevTools .cpuprofile (from TRELLIS_BENCH_PROFILE_DIR, see chromium/profile.ts):
 * the functions with the most self time and the most total time, to read a profile where no
 * DevTools window is at hand.
 *
 *   node --import tsx tests/bench/profile-summary.ts <file.cpuprofile> [rows] [--under <function>]
 *
 * `--under f` counts only samples taken while `f` was on the stack (e.g. `--under PersonPage`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const underAt = args.indexOf('--under');
const under = underAt >= 0 ? args.splice(underAt, 2)[1] : undefined;
const [file, rowsArg] = args;
if (!file) {
  console.error('usage: profile-summary.ts <file.cpuprofile> [rows] [--under <function>]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const [i, id] of profile.samples.entries()) {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
  if (under && !stack.some((n) => n.callFrame.functionName === under)) continue;
  const leaf = stack[0]!;
  if (leaf.callFrame.functionName === '(idle)' || leaf.callFrame.functionName === '(program)') continue;
  all += ms;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + ms);
  for (const name of new Set(stack.map(label))) total.set(name, (total.get(name) ?? 0) + ms);
}

const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows);
console.log(`${all.toFixed(0)} ms of samples${under ? ` under ${under}` : ''} (idle and program left out)\n\nself time:`);
for (const [name, ms] of top(self)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
console.log('\ntotal time:');
for (const [name, ms] of top(total)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
