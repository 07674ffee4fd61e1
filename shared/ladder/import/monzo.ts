/**
 * Monzo's progression frameworks (github.com/monzo/progression-framework, `frameworks/**.md`) to a
 * Trellis draft. A framework is Markdown with YAML front matter: `title`, `levels` (how many), and
 * `topics`, each with a `name`, a `title` and `content` per numbered `level`: `criteria` (a list of
 * texts) and `exampleCriteria` (criteria with examples). Frameworks written in the Markdown body
 * instead (`## Level 3`, `### Knowledge`, `**Sphere of influence**`, `* criterion`) are read too.
 *
 * Several frameworks become one ladder with one track each (Monzo's operations IC and leadership
 * frameworks, whose level numbers overlap). A generic framework, which applies to every level with
 * a given number, becomes a shared file whose cells target levels by `ranks`; a topic the framework
 * also has extends the generic one and adds to its cells (`add: true`).
 */
import { LineCounter, parseDocument } from 'yaml';

import type { Progression } from '../schema';
import { explainYamlErrors } from '../yaml-messages';
import {
  addNotApplicableBelow,
  asText,
  type DraftFile,
  draftYaml,
  emptySummary,
  idFrom,
  type ImportProblem,
  type ImportResult,
  isRecord,
  plainTitle,
  positionIn,
  summarize,
} from './common';

export interface MonzoFile {
  fileName?: string;
  text: string;
}

export interface MonzoMapping {
  ladder: { id: string; name: string };
  /** One track per framework file, in the order given. */
  tracks: Array<{ file: string; id: string; name: string; levelIdPrefix: string }>;
  progression: Progression;
  /** Levels below a topic's first criteria: not applicable (the framework lists nothing there) or left out. */
  belowFirst: 'not-applicable' | 'leave-out';
  /** Path of the shared file a generic framework becomes. */
  genericPath: string;
}

export interface MonzoOptions {
  mapping?: Partial<MonzoMapping>;
  /** A generic framework, applied by level number to every framework. */
  generic?: MonzoFile;
}

interface Criterion {
  text: string;
  examples?: string[];
}

interface Topic {
  /** Line in the file, for problems. */
  line: number;
  id: string;
  name: string;
  category?: { id: string; name: string; description?: string };
  /** Level number → criteria. */
  levels: Map<number, Criterion[]>;
}

interface Framework {
  file: string;
  /** The criteria were in the Markdown body, so the body is not a description. */
  fromBody?: boolean;
  title?: string;
  sidebarTitle?: string;
  group?: string;
  body: string;
  levels: number[];
  topics: Topic[];
}

const fileLabel = (f: MonzoFile, index: number) => f.fileName ?? `framework ${index + 1}`;

/** Front matter and body; problems carry lines of the whole file. */
function readFramework(input: MonzoFile, index: number, problems: ImportProblem[]): Framework | null {
  const file = fileLabel(input, index);
  const text = (typeof input?.text === 'string' ? input.text : '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problem = (severity: ImportProblem['severity'], line: number, message: string, hint?: string, column = 1) =>
    problems.push({ severity, file, line, column, message, ...(hint ? { hint } : {}) });
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
    problem(
      'error',
      1,
      'this is not a Monzo framework: it does not start with front matter between two "---" lines',
      'a framework starts with ---, then title, levels and topics, then ---',
    );
    return null;
  }
  const front = match[1]!;
  const body = text.slice(match[0].length).trim();
  const lineCounter = new LineCounter();
  const doc = parseDocument(front, { lineCounter, prettyErrors: false, uniqueKeys: false });
  for (const e of explainYamlErrors(front, lineCounter, doc.errors)) {
    const pos = lineCounter.linePos(e.start);
    problem('error', pos.line + 1, e.message, e.hint, pos.col);
  }
  if (doc.errors.length > 0) return null;
  let meta: unknown;
  try {
    meta = doc.toJS({ maxAliasCount: 200 });
  } catch {
    problem('error', 2, 'anchors and aliases in the front matter expand to too much data');
    return null;
  }
  if (!isRecord(meta)) {
    problem('error', 2, 'the front matter should be a mapping of keys such as title, levels and topics');
    return null;
  }
  const lineOf = (path: (string | number)[]) => positionIn(doc, lineCounter, path).line + 1;
  const framework: Framework = {
    file,
    title: asText(meta.title),
    sidebarTitle: asText(meta.sidebarTitle),
    group: asText(meta.sidebarGroup),
    body,
    levels: [],
    topics: [],
  };
  const declared = typeof meta.levels === 'number' && Number.isInteger(meta.levels) && meta.levels > 0 && meta.levels <= 50 ? meta.levels : undefined;
  if (Array.isArray(meta.topics)) {
    const ids = new Set<string>();
    meta.topics.forEach((topic, t) => {
      const name = isRecord(topic) ? asText(topic.name) : undefined;
      if (!isRecord(topic) || name === undefined) {
        problem('warning', lineOf(['topics', t]), `topic ${t + 1} has no name; it was left out`);
        return;
      }
      const title = asText(topic.title);
      const read: Topic = {
        line: lineOf(['topics', t]),
        id: idFrom(name, ids, 'topic'),
        name: title ? plainTitle(title) || capitalise(name) : capitalise(name),
        levels: new Map(),
      };
      const content = Array.isArray(topic.content) ? topic.content : [];

      content.forEach((entry, c) => {
        const level = isRecord(entry) ? entry.level : undefined;
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || (declared !== undefined && level > declared)) {
          problem(
            'warning',
            lineOf(['topics', t, 'content', c]),
            `topic "${name}": level ${JSON.stringify(level ?? null)} is not a level of this framework${declared !== undefined ? ` (1 to ${declared})` : ''}; its criteria were left out`,
          );
          return;
        }
        const criteria: Criterion[] = [];
        const record = entry as Record<string, unknown>;
        for (const c of Array.isArray(record.criteria) ? record.criteria : []) {
          const t = asText(c);
          if (t !== undefined) criteria.push({ text: t });
        }
        for (const e of Array.isArray(record.exampleCriteria) ? record.exampleCriteria : []) {
          const t = isRecord(e) ? asText(e.criteria) : undefined;
          if (t === undefined) continue;
          const examples = isRecord(e) && Array.isArray(e.examples) ? e.examples.map(asText).filter((x): x is string => x !== undefined) : [];
          criteria.push({ text: t, ...(examples.length > 0 ? { examples } : {}) });
        }
        if (criteria.length === 0) return;
        read.levels.set(level, [...(read.levels.get(level) ?? []), ...criteria]);
      });
      framework.topics.push(read);
    });
  } else if (meta.topics !== undefined) {
    problem('error', lineOf(['topics']), '"topics" should be a list of topics');
  } else {
    readBody(body, match[0].split('\n').length - 1, framework, problem);
    framework.fromBody = true;
  }
  for (const topic of framework.topics.filter((t) => t.levels.size === 0))
    problem('warning', topic.line, `topic "${topic.name}" has no criteria at any level; it was left out`);
  framework.topics = framework.topics.filter((t) => t.levels.size > 0);
  const used = new Set(framework.topics.flatMap((t) => [...t.levels.keys()]));
  const top = Math.max(declared ?? 0, ...used);
  const lowest = framework.topics.length > 0 && declared === undefined ? Math.min(...used) : 1;
  framework.levels = Array.from({ length: Math.max(0, top - lowest + 1) }, (_, i) => lowest + i);
  if (framework.topics.length === 0)
    problem(
      'error',
      1,
      'the framework has no topics with criteria',
      'topics are listed under `topics:` in the front matter, or as "## Level 1" sections in the body',
    );
  return framework;
}

/** The body format: "## Level 3", "### Topic", "#### description", "**Competency**", "* criterion". */
function readBody(
  body: string,
  lineOffset: number,
  framework: Framework,
  problem: (severity: ImportProblem['severity'], line: number, message: string) => void,
): void {
  const categories = new Map<string, { id: string; name: string; description?: string }>();
  const categoryIds = new Set<string>();
  const topicIds = new Set<string>();
  const topics = new Map<string, Topic>();
  let level: number | undefined;
  let category: { id: string; name: string; description?: string } | undefined;
  let topic: Topic | undefined;
  body.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = lineOffset + i + 1;
    let m: RegExpExecArray | null;
    if ((m = /^##\s+level\s+(\d+)\b/i.exec(line))) {
      level = Number(m[1]);
      category = undefined;
      topic = undefined;
    } else if ((m = /^###\s+(.+?)\s*$/.exec(line)) && !line.startsWith('####')) {
      const name = plainTitle(m[1]!);
      const key = name.toLowerCase();
      category = categories.get(key) ?? { id: idFrom(name, categoryIds, 'category'), name };
      categories.set(key, category);
      topic = undefined;
    } else if ((m = /^####\s+(.+?)\s*$/.exec(line))) {
      if (category && category.description === undefined) category.description = plainTitle(m[1]!);
    } else if ((m = /^\*\*(.+?)\*\*\**\s*$/.exec(line))) {
      const name = plainTitle(m[1]!.replace(/\*+$/, ''));
      const key = `${category?.id ?? ''}\u0000${name.toLowerCase()}`;
      topic = topics.get(key);
      if (!topic) {
        topic = { line: lineNo, id: idFrom(name, topicIds, 'topic'), name, ...(category ? { category } : {}), levels: new Map() };
        topics.set(key, topic);
      }
    } else if ((m = /^[*-]\s+(.+)$/.exec(line))) {
      const text = m[1]!.trim();
      if (level === undefined || !topic) {
        problem('warning', lineNo, `"${text.slice(0, 40)}" is not under a "## Level" heading and a **topic**; it was left out`);
        return;
      }
      topic.levels.set(level, [...(topic.levels.get(level) ?? []), { text }]);
    }
  });
  framework.topics = [...topics.values()];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function criteriaOf(list: Criterion[]): unknown {
  return list.map((c) => (c.examples ? { text: c.text, examples: c.examples } : c.text));
}

export function importMonzoFramework(input: string | MonzoFile | MonzoFile[], options: MonzoOptions = {}): ImportResult<MonzoMapping> {
  const given = options.mapping ?? {};
  const problems: ImportProblem[] = [];
  const files: MonzoFile[] = typeof input === 'string' ? [{ text: input }] : Array.isArray(input) ? input : input ? [input] : [];
  const frameworks = files.map((f, i) => readFramework(f, i, problems)).filter((f): f is Framework => f !== null);
  const generic = options.generic ? readFramework(options.generic, files.length, problems) : null;
  const first = frameworks[0];
  const single = frameworks.length === 1;
  const name =
    given.ladder?.name ??
    (single ? plainTitle(first!.title ?? '') || undefined : first?.group ? capitalise(first.group) : undefined) ??
    plainTitle(first?.title ?? '') ??
    'Imported framework';
  const ladder = given.ladder ?? { id: idFrom(name || 'imported-framework', new Set(), 'imported-framework'), name: name || 'Imported framework' };
  const trackIds = new Set<string>();
  const tracks =
    given.tracks ??
    frameworks.map((f) => {
      const trackName = plainTitle(f.sidebarTitle ?? f.title ?? f.file).replace(/\s+framework$/i, '') || f.file;
      const id = idFrom(trackName, trackIds, 'track');
      return { file: f.file, id, name: trackName, levelIdPrefix: single ? 'L' : `${id}-` };
    });
  const mapping: MonzoMapping = {
    ladder,
    tracks,
    progression: given.progression ?? 'incremental',
    belowFirst: given.belowFirst ?? 'not-applicable',
    genericPath: given.genericPath ?? 'shared/generic.yaml',
  };
  if (frameworks.length === 0) return { yaml: '', shared: [], mapping, problems, summary: emptySummary() };

  // Levels: per track, numbered as in the framework, with the number as rank.
  const levels = frameworks.flatMap((f, i) => {
    const track = tracks[i] ?? tracks[0]!;
    return f.levels.map((n) => ({ id: `${track.levelIdPrefix}${n}`, title: `Level ${n}`, track: single ? undefined : track.id, rank: n, number: n }));
  });
  const genericIds = new Set(generic?.topics.map((t) => t.id) ?? []);

  const competencies = new Map<string, Record<string, unknown> & { levels: Record<string, Record<string, unknown>> }>();
  const categories = new Map<string, { id: string; name: string; description?: string }>();
  frameworks.forEach((f, i) => {
    const track = tracks[i] ?? tracks[0]!;
    for (const topic of f.topics) {
      if (topic.category) categories.set(topic.category.id, topic.category);
      let competency = competencies.get(topic.id);
      const extendsGeneric = genericIds.has(topic.id);
      if (!competency) {
        competency = {
          id: topic.id,
          // The generic framework has this topic too: start from it, and add this framework's criteria.
          ...(extendsGeneric ? { extends: `generic-${topic.id}` } : { name: topic.name }),
          ...(topic.category ? { category: topic.category.id } : {}),
          levels: {},
        };
        competencies.set(topic.id, competency);
      }
      for (const [n, list] of [...topic.levels.entries()].sort((a, b) => a[0] - b[0])) {
        // Added to the generic criteria at that level number, where the generic framework has some.
        const add = extendsGeneric && generic!.topics.some((g) => g.id === topic.id && g.levels.has(n));
        competency.levels[`${track.levelIdPrefix}${n}`] = { ...(add ? { add: true } : {}), criteria: criteriaOf(list) };
      }
    }
  });
  // Topics only some tracks have apply to those tracks only.
  if (!single) {
    for (const [topicId, competency] of competencies) {
      const on = frameworks.flatMap((f, i) => (f.topics.some((t) => t.id === topicId) ? [tracks[i]!.id] : []));
      if (on.length < frameworks.length && competency.extends === undefined) competency.tracks = on;
    }
  }
  if (mapping.belowFirst === 'not-applicable') {
    for (const competency of competencies.values()) {
      if (competency.extends !== undefined) continue; // the generic framework describes its lower levels
      addNotApplicableBelow(
        competency.levels,
        levels.map((l) => ({ id: l.id, ...(l.track ? { track: l.track } : {}) })),
        (competency.tracks as string[] | undefined)?.map((id) => ({ id })) ?? tracks.map((t) => ({ id: t.id })),
      );
    }
  }
  // Once some topics have areas (categories), every competency needs one: topics without an area
  // are grouped under their framework's track.
  if (categories.size > 0) {
    const categoryIds = new Set(categories.keys());
    for (const [topicId, competency] of competencies) {
      if (competency.category !== undefined) continue;
      const index = frameworks.findIndex((f) => f.topics.some((t) => t.id === topicId && !t.category));
      const track = tracks[Math.max(0, index)]!;
      let category = [...categories.values()].find((c) => c.name === track.name);
      if (!category) {
        category = { id: idFrom(track.name, categoryIds, 'category'), name: track.name };
        categories.set(category.id, category);
      }
      competency.category = category.id;
    }
  }
  // Keys in the order the format documents them.
  for (const [topicId, competency] of competencies) {
    const { id, extends: base, name, category, tracks: on, levels: cells, ...rest } = competency;
    competencies.set(topicId, {
      id,
      ...(base !== undefined ? { extends: base } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(on !== undefined ? { tracks: on } : {}),
      ...rest,
      levels: cells,
    });
  }
  if (levels.length === 0 || competencies.size === 0) return { yaml: '', shared: [], mapping, problems, summary: emptySummary() };
  const shared: DraftFile[] = [];
  if (generic) {
    const genericFile = {
      id: idFrom(plainTitle(generic.title ?? 'generic') || 'generic', new Set(), 'generic'),
      description: `${plainTitle(generic.title ?? 'Generic framework')}: criteria for every level with the same number, whatever the track.`,
      competencies: generic.topics.map((topic) => {
        const extended = [...competencies.values()].some((c) => c.extends === `generic-${topic.id}`);
        return {
          id: extended ? `generic-${topic.id}` : topic.id,
          name: topic.name,
          ...(extended ? { abstract: true } : {}),
          ranks: Object.fromEntries([...topic.levels.entries()].sort((a, b) => a[0] - b[0]).map(([n, list]) => [String(n), { criteria: criteriaOf(list) }])),
        };
      }),
    };
    const depth = mapping.genericPath.split('/').length - 1;
    shared.push({
      path: mapping.genericPath,
      yaml: draftYaml(
        genericFile,
        [`Imported by Trellis from the Monzo framework ${generic.file}.`, 'Included by the ladder imported with it.'],
        `${'../'.repeat(depth) || './'}ladder.schema.json`,
      ),
    });
  }
  const draft = {
    id: ladder.id,
    name: ladder.name,
    ...(single && first!.body !== '' && !first!.fromBody ? { description: first!.body } : {}),
    progression: mapping.progression,
    ...(generic ? { include: [mapping.genericPath] } : {}),
    tracks: tracks.map((t, i) => ({
      id: t.id,
      name: t.name,
      ...(!single && frameworks[i]?.body && !frameworks[i]!.fromBody ? { description: frameworks[i]!.body } : {}),
    })),
    levels: levels.map((l) => ({ id: l.id, title: l.title, ...(l.track ? { track: l.track } : {}), rank: l.rank })),
    ...(categories.size > 0
      ? { categories: [...categories.values()].map((c) => ({ id: c.id, name: c.name, ...(c.description ? { description: c.description } : {}) })) }
      : {}),
    competencies: [...competencies.values()],
  };
  return {
    yaml: draftYaml(draft, [
      `Imported by Trellis from the Monzo framework${frameworks.length === 1 ? '' : 's'} ${frameworks.map((f) => f.file).join(', ')}.`,
      'Check it, then save it; Trellis checks it as you edit. See docs/ladder-format.md.',
    ]),
    shared,
    mapping,
    problems,
    summary: summarize(draft),
  };
}
