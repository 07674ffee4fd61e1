/**
 * Releasing an edit of a ladder: which version comes next (patch, minor or major, as the FT's
 * engineering progression defines them), and writing it into the file — the `version` value and
 * a changelog entry at the top of `changelog` — without touching any other byte: comments, key
 * order, quoting and blank lines stay as they were. The yaml Document API finds the ranges; only
 * those are rewritten, and the result is parsed back to prove nothing else moved.
 */
import { isMap, isScalar, isSeq, type Pair, parseDocument, type Scalar, stringify, type YAMLMap, type YAMLSeq } from 'yaml';

import { criteriaIndex } from './criteria-ids';
import type { Ladder } from './model';

export type Bump = 'patch' | 'minor' | 'major';
export const bumps: readonly Bump[] = ['patch', 'minor', 'major'];

/** What each kind of version means, in the FT's words (engineering-progression's versioning rules). */
export const bumpMeaning: Record<Bump, string> = {
  patch: 'Typos and wording fixed; every level asks exactly what it asked before.',
  minor: 'Clarified: examples or explanations added, or a criterion removed. Nobody has to do more to reach a level.',
  major: 'Asks something new of someone to reach a level. Tell the people it affects, and time it around promotion rounds.',
};

interface Parsed {
  prefix: string;
  numbers: [number, number, number];
}

const semverLike = /^(v?)(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?$/;

function parseVersion(version: string): Parsed | null {
  const match = semverLike.exec(version.trim());
  if (!match) return null;
  return { prefix: match[1]!, numbers: [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)] };
}

/** The next patch, minor and major versions after `version` ("1.2.0" → 1.2.1, 1.3.0, 2.0.0); null when it is not numbered that way. */
export function nextVersions(version: string): Record<Bump, string> | null {
  const parsed = parseVersion(version);
  if (!parsed) return null;
  const [major, minor, patch] = parsed.numbers;
  const v = (a: number, b: number, c: number) => `${parsed.prefix}${a}.${b}.${c}`;
  return { patch: v(major, minor, patch + 1), minor: v(major, minor + 1, 0), major: v(major + 1, 0, 0) };
}

export interface ReleaseProposal {
  bump: Bump;
  /** Why, in words, most important first (at most a few). */
  reasons: string[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Words that differ between two texts (a small count is a typo fix, not a new expectation). */
function changedWordCount(a: string, b: string): number {
  const before = words(a);
  const after = words(b);
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return Math.max(before.length - start - end, after.length - start - end);
}

/**
 * Proposes how big a change from `before` (the version in use) to `after` is. A proposal, not a
 * verdict: the person saving knows whether a reworded criterion asks more.
 */
export function proposeRelease(before: Ladder | null, after: Ladder): ReleaseProposal {
  if (!before) return { bump: 'minor', reasons: [] };
  const major: string[] = [];
  const minor: string[] = [];
  const patch: string[] = [];
  const name = (competencyId: string) =>
    after.competencies.find((c) => c.id === competencyId)?.name ?? before.competencies.find((c) => c.id === competencyId)?.name ?? competencyId;

  const oldCompetencies = new Set(before.competencies.map((c) => c.id));
  for (const c of after.competencies) if (!oldCompetencies.has(c.id)) major.push(`New competency ${c.name}`);
  const newCompetencies = new Set(after.competencies.map((c) => c.id));
  for (const c of before.competencies) if (!newCompetencies.has(c.id)) minor.push(`Competency ${c.name} removed`);

  // Cell by cell on every track: criteria a level now asks that it did not, and expectations raised.
  const oldCells = new Map(before.cells.map((c) => [`${c.trackId}\u0000${c.competencyId}\u0000${c.levelId}`, c]));
  const oldIds = criteriaIndex(before);
  const newIds = criteriaIndex(after);
  for (const cell of after.cells) {
    const old = oldCells.get(`${cell.trackId}\u0000${cell.competencyId}\u0000${cell.levelId}`);
    if (!old || !oldCompetencies.has(cell.competencyId)) continue;
    const where = `${name(cell.competencyId)} at ${cell.levelId}`;
    const applies = (s: string) => s === 'defined' || s === 'inherited';
    if (applies(cell.status) && !applies(old.status)) major.push(`${where} now applies`);
    const oldSteps = before.scales.find((s) => s.id === before.competencies.find((c) => c.id === cell.competencyId)?.scaleId);
    const step = (value: string | number | undefined) => (typeof value === 'number' ? value : (oldSteps?.steps.findIndex((s) => s.id === value) ?? -1));
    if (cell.expects !== undefined && old.expects !== undefined && step(cell.expects) > step(old.expects)) major.push(`${where} expects more`);
    const oldItems = new Set((old.items ?? []).map((i) => i.id));
    // A criterion whose id changed but whose words did not asks nothing new.
    const oldTexts = new Set((old.items ?? []).map((i) => i.text.trim()));
    for (const item of cell.items ?? []) {
      if (oldItems.has(item.id) || oldIds.has(item.id)) continue;
      if (oldTexts.has(item.text.trim())) minor.push(`Criterion ids changed in ${name(cell.competencyId)}`);
      else major.push(`New criterion for ${where}`);
    }
  }
  for (const [id, { criterion, competencyId }] of newIds) {
    const old = oldIds.get(id);
    if (!old) continue;
    const count = changedWordCount(old.criterion.text, criterion.text);
    if (count > 3) minor.push(`Criteria reworded in ${name(competencyId)}`);
    else if (count > 0) patch.push(`Wording fixed in ${name(competencyId)}`);
    if (old.criterion.examples.join('\n') !== criterion.examples.join('\n') || JSON.stringify(old.criterion.links) !== JSON.stringify(criterion.links))
      minor.push(`Examples or links changed in ${name(competencyId)}`);
  }
  for (const id of oldIds.keys()) if (!newIds.has(id)) minor.push(`A criterion of ${name(oldIds.get(id)!.competencyId)} removed`);
  const cellExamples = (l: Ladder) => new Map(l.cells.map((c) => [`${c.trackId}\u0000${c.competencyId}\u0000${c.levelId}`, c.examples.join('\n')]));
  const oldExamples = cellExamples(before);
  for (const [key, examples] of cellExamples(after)) {
    if (oldExamples.has(key) && oldExamples.get(key) !== examples) {
      minor.push(`Examples or links changed in ${name(key.split('\u0000')[1]!)}`);
    }
  }
  const levelsBefore = new Set(before.levels.map((l) => l.id));
  for (const level of after.levels) if (!levelsBefore.has(level.id)) minor.push(`New level ${level.id}`);

  const unique = (list: string[]) => [...new Set(list)].slice(0, 4);
  if (major.length > 0) return { bump: 'major', reasons: unique(major) };
  if (minor.length > 0) return { bump: 'minor', reasons: unique(minor) };
  return { bump: 'patch', reasons: unique(patch) };
}

export interface Release {
  version: string;
  /** YYYY-MM-DD. */
  date: string;
  summary: string;
}

export type ReleaseResult = { ok: true; text: string } | { ok: false; message: string };

const fail = (message: string): ReleaseResult => ({ ok: false, message });

type Range = [number, number, number];

function pairOf(map: YAMLMap, key: string): Pair<Scalar, unknown> | undefined {
  return map.items.find((p): p is Pair<Scalar, unknown> => isScalar(p.key) && String(p.key.value) === key);
}

const lineStart = (source: string, offset: number) => source.lastIndexOf('\n', offset - 1) + 1;
const lineEnd = (source: string, offset: number) => {
  const end = source.indexOf('\n', offset);
  return end < 0 ? source.length : end + 1;
};

/** A scalar written the way `like` is written (double, single or no quotes). */
function scalarLike(value: string, like: Scalar | undefined): string {
  const type = like?.type;
  if (type === 'QUOTE_DOUBLE') return stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE' }).trimEnd();
  if (type === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** One-line text for a flow or block value: quoted when YAML would read it otherwise. */
const plain = (value: string) => stringify(value.replace(/\s*\n\s*/g, ' '), { lineWidth: 0 }).trimEnd();

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Writes `release` into a ladder file: `version` set to it (added after `name` when missing) and
 * an entry at the top of `changelog` (created after `version` when missing), in the style of the
 * entries already there. Nothing else in the text changes.
 */
export function writeRelease(source: string, release: Release): ReleaseResult {
  const summary = release.summary.trim();
  if (!summary) return fail('Say in a few words what changed.');
  if (!release.version.trim()) return fail('The new version cannot be empty.');
  const doc = parseDocument(source, { keepSourceTokens: true, uniqueKeys: false });
  if (doc.errors.length > 0) return fail('The file has YAML errors; fix them first.');
  const root = doc.contents;
  if (!isMap(root) || root.flow) return fail('This ladder file is not a block of keys.');
  const splices: Splice[] = [];
  const versionPair = pairOf(root, 'version');
  const changelogPair = pairOf(root, 'changelog');
  const previousEntry = isSeq(changelogPair?.value) ? (changelogPair.value as YAMLSeq).items[0] : undefined;
  const versionStyle = isMap(previousEntry)
    ? (pairOf(previousEntry as YAMLMap, 'version')?.value as Scalar | undefined)
    : (versionPair?.value as Scalar | undefined);
  const topIndent =
    root.items[0] && isScalar(root.items[0].key) ? (root.items[0].key.range?.[0] ?? 0) - lineStart(source, root.items[0].key.range?.[0] ?? 0) : 0;
  const pad = ' '.repeat(topIndent);

  if (versionPair && isScalar(versionPair.value) && versionPair.value.range) {
    const range = versionPair.value.range as Range;
    splices.push({ start: range[0], end: range[1], text: scalarLike(release.version, versionPair.value) });
  } else if (versionPair) {
    return fail('The `version` of this ladder is not a plain value.');
  }
  const versionLine = `${pad}version: ${scalarLike(release.version, versionStyle)}\n`;

  const entryFields = (indent: string, flow: boolean, like: YAMLMap | undefined) => {
    const date = like && isScalar(pairOf(like, 'date')?.value) ? scalarLike(release.date, pairOf(like, 'date')!.value as Scalar) : release.date;
    const version = scalarLike(release.version, versionStyle);
    if (flow) return `{ version: ${version}, date: ${date}, summary: ${plain(summary)} }`;
    return `version: ${version}\n${indent}date: ${date}\n${indent}summary: ${plain(summary)}`;
  };

  if (!changelogPair) {
    const anchorPair = versionPair ?? pairOf(root, 'name') ?? pairOf(root, 'id');
    const anchor = anchorPair ? (((anchorPair.value as { range?: Range } | null)?.range ?? (anchorPair.key as Scalar).range) as Range) : undefined;
    const at = anchor ? lineEnd(source, Math.max(anchor[0], anchor[1] - 1)) : 0;
    const lead = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
    const entry = `${lead}${versionPair ? '' : versionLine}${pad}changelog:\n${pad}  - ${entryFields(`${pad}    `, false, undefined)}\n`;
    splices.push({ start: at, end: at, text: entry });
  } else {
    const list = changelogPair.value;
    if (!isSeq(list)) return fail('The `changelog` of this ladder is not a list.');
    if (!versionPair) {
      const keyStart = lineStart(source, (changelogPair.key as Scalar).range![0]);
      splices.push({ start: keyStart, end: keyStart, text: versionLine });
    }
    const seq = list as YAMLSeq;
    const first = seq.items[0] as YAMLMap | Scalar | undefined;
    if (seq.flow) {
      // `changelog: [ {...} ]`: the new entry goes right after the "[".
      const open = seq.range ? source.indexOf('[', seq.range[0]) : -1;
      if (open < 0) return fail('The `changelog` of this ladder could not be read.');
      splices.push({ start: open + 1, end: open + 1, text: ` ${entryFields('', true, isMap(first) ? first : undefined)}${first ? ',' : ''}` });
    } else if (first && (first as { range?: Range }).range) {
      const itemStart = (first as { range: Range }).range[0];
      const start = lineStart(source, itemStart);
      const dashText = source.slice(start, itemStart);
      const dash = dashText.indexOf('-');
      if (dash < 0) return fail('The `changelog` of this ladder could not be read.');
      const itemIndent = ' '.repeat(itemStart - start);
      const flowEntry = isMap(first) && first.flow === true;
      const entry = `${' '.repeat(dash)}-${' '.repeat(itemStart - start - dash - 1)}${entryFields(itemIndent, flowEntry, isMap(first) ? first : undefined)}\n`;
      splices.push({ start, end: start, text: entry });
    } else {
      return fail('The `changelog` of this ladder is empty; add an entry in the editor.');
    }
  }

  splices.sort((a, b) => b.start - a.start);
  let text = source;
  for (const s of splices) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  if (!saysRelease(source, text, release.version, release.date, plainText(summary)))
    return fail('The version could not be written safely; add it in the editor instead.');
  return { ok: true, text };
}

const plainText = (summary: string) => summary.replace(/\s*\n\s*/g, ' ');

/** True when `text` says exactly `source` plus the new version and the changelog entry on top. */
function saysRelease(source: string, text: string, version: string, date: string, summary: string): boolean {
  const before = parseDocument(source, { uniqueKeys: false });
  const after = parseDocument(text, { uniqueKeys: false });
  if (after.errors.length > 0) return false;
  const a = before.toJS({ maxAliasCount: -1 }) as Record<string, unknown>;
  const b = after.toJS({ maxAliasCount: -1 }) as Record<string, unknown>;
  if (!b || typeof b !== 'object') return false;
  const changelog = b.changelog;
  if (String(b.version) !== version || !Array.isArray(changelog)) return false;
  const top = changelog[0] as Record<string, unknown> | undefined;
  if (!top || String(top.version) !== version || String(top.date) !== date || top.summary !== summary) return false;
  const restBefore = { ...a, version: undefined, changelog: Array.isArray(a.changelog) ? a.changelog : [] };
  const restAfter = { ...b, version: undefined, changelog: changelog.slice(1) };
  return canonical(restBefore) === canonical(restAfter);
}

/** JSON with keys sorted, so key order (a `version` added in the middle) does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
