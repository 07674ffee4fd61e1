/**
 * A finished assessment as Markdown, to send to the person or keep beside a packet. What goes in
 * is decided by privacy.ts: the assessment comes through `shareable()` (a private one is refused,
 * its private notes never appear), and an evidence link to another record is written only when
 * the caller says that record may leave too (a rating may link a private feedback entry, whose
 * title would otherwise travel with it). Labels come from the exact ladder version it was made
 * against.
 */
import { shareable } from '../evidence/privacy';
import type { Ladder } from '../ladder';
import { type Assessment, assessmentKindLabels, type EvidenceLink, ratingKey, ratingTargets, valueLabel } from './assessments';
import type { Person } from './person';

export interface AssessmentMarkdownInput {
  assessment: Assessment;
  person: Pick<Person, 'name'>;
  /** The frozen version the assessment was made against (ladders:version-get). */
  ladder: Ladder;
  /** Whether the record an evidence link points at may leave the machine (its own visibility). */
  linkShareable: (link: Extract<EvidenceLink, { type: 'record' }>['link']) => boolean;
  /** An ISO day or timestamp in the user's words. */
  day: (iso: string) => string;
  /** Heading level of the assessment's title: 1 on its own, 3 inside a growth plan. */
  depth?: 1 | 3;
}

export type AssessmentMarkdown = { ok: true; text: string } | { ok: false; message: string };

/** One line of user text with Markdown's special characters escaped, so it cannot become a heading or a link. */
export const inline = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .trim();

/** A comment keeps its lines, each escaped, as an indented block under its rating. */
const block = (text: string, indent: string) =>
  text
    .trim()
    .split(/\r?\n/)
    .map((l) => `${indent}${inline(l)}`.trimEnd());

export function assessmentMarkdown(input: AssessmentMarkdownInput): AssessmentMarkdown {
  const { assessment, ladder, day } = input;
  if (assessment.status !== 'finished') return { ok: false, message: 'Finish the assessment before exporting it.' };
  const shared = shareable('assessments', assessment);
  if (!shared) return { ok: false, message: 'This assessment is private: it never leaves this computer.' };
  const h = (n: number) => '#'.repeat(Math.min(6, (input.depth ?? 1) + n));
  const track = ladder.tracks.find((t) => t.id === shared.trackId);
  const levelTitle = track?.titles[shared.levelId] ?? ladder.levels.find((l) => l.id === shared.levelId)?.title;
  const out: string[] = [
    `${h(0)} ${assessmentKindLabels[shared.kind]}: ${inline(input.person.name)}`,
    '',
    `- Ladder: ${inline(ladder.name)} ${inline(ladder.version)}`,
    `- Track and level: ${inline(track?.name ?? shared.trackId)}, ${inline(shared.levelId)}${levelTitle && levelTitle !== shared.levelId ? ` ${inline(levelTitle)}` : ''}`,
    `- Period: ${day(shared.period.from)} – ${day(shared.period.to)}`,
    `- Revision ${shared.revision}${assessment.finishedAt ? `, finished ${day(assessment.finishedAt.slice(0, 10))}` : ''}${shared.importedFrom ? `, imported from ${inline(shared.importedFrom.personName)}’s file` : ''}`,
    '',
  ];
  const byKey = new Map(shared.ratings.map((r) => [ratingKey(r.ref), r]));
  for (const c of ratingTargets(ladder, shared.trackId, shared.levelId)) {
    out.push(`${h(1)} ${inline(c.competency.name)}`, '');
    if (c.ladderNotApplicable) {
      out.push('Not applicable at this level.', '');
      continue;
    }
    if (c.asks.expects !== undefined) out.push(`Expected at this level: ${inline(valueLabel(c.scale, c.asks.expects))} (${inline(c.scale.name)})`, '');
    for (const t of c.targets) {
      const r = byKey.get(t.key);
      const value = r?.notApplicable ? `Not applicable: ${inline(r.notApplicable.reason)}` : inline(valueLabel(c.scale, r?.value));
      out.push(`- ${t.text ? `${inline(t.text)} — ` : ''}**${value}**`);
      if (r?.comment.trim()) out.push(...block(r.comment, '  '));
      const links = (r?.evidence ?? []).filter((e) => e.type === 'url' || input.linkShareable(e.link));
      const held = (r?.evidence.length ?? 0) - links.length;
      for (const e of links)
        out.push(
          e.type === 'url'
            ? `  - Evidence: <${e.url.replace(/[<>]/g, encodeURIComponent)}>${e.title ? ` ${inline(e.title)}` : ''}`
            : `  - Evidence: ${inline(e.title)}`,
        );
      if (held > 0) out.push(`  - ${held} private ${held === 1 ? 'record' : 'records'} of evidence, not shown`);
    }
    out.push('');
  }
  if (shared.summary.trim()) out.push(`${h(1)} Summary`, '', ...block(shared.summary, ''), '');
  return { ok: true, text: `${out.join('\n').trimEnd()}\n` };
}
