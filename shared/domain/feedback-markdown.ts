/**
 * A person's feedback, wins and peers' cycle responses as Markdown, to hand to them or put beside
 * a review. Only what may leave the machine: every record goes through `shareableRecords()`
 * (shared/evidence/privacy.ts), so private entries, wins and responses never appear.
 */
import { shareableRecords } from '../evidence/privacy';
import type { CycleResponse } from './cycles';
import { type FeedbackEntry, feedbackKindLabels } from './feedback';
import type { Person } from './person';
import type { Win } from './wins';

export interface FeedbackExportInput {
  person: Pick<Person, 'name'>;
  feedback: readonly FeedbackEntry[];
  wins: readonly Win[];
  responses: readonly CycleResponse[];
  /** Names of people by id (who gave feedback, who responded). */
  nameOf: (id: string) => string | undefined;
  competencyName: (id: string) => string;
  day: (iso: string) => string;
}

const oneLine = (t: string) => t.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const quote = (t: string) =>
  t
    .trim()
    .split(/\r\n|\r|\n/)
    .map((l) => `> ${l}`)
    .join('\n');

export function feedbackMarkdown(input: FeedbackExportInput): string {
  const { person, nameOf, competencyName, day } = input;
  const named = (ids: readonly string[]) => (ids.length ? ` — ${ids.map(competencyName).join(', ')}` : '');
  const lines = [`# Feedback and wins — ${oneLine(person.name)}`, ''];
  const wins = shareableRecords('wins', [...input.wins]).sort((a, b) => b.date.localeCompare(a.date));
  if (wins.length) {
    lines.push('## Wins', '');
    for (const w of wins) {
      lines.push(`- **${day(w.date)}** ${oneLine(w.title)}${named(w.competencyIds)}`);
      if (w.impact.trim()) lines.push(`  Impact: ${oneLine(w.impact)}`);
      for (const l of w.links) lines.push(`  <${l}>`);
    }
    lines.push('');
  }
  const feedback = shareableRecords('feedback', [...input.feedback]).sort((a, b) => b.date.localeCompare(a.date));
  if (feedback.length) {
    lines.push('## Feedback', '');
    for (const f of feedback) {
      const from = f.fromId ? (nameOf(f.fromId) ?? 'Someone') : f.fromName || 'Me';
      lines.push(`### ${day(f.date)} · ${feedbackKindLabels[f.kind]} · from ${oneLine(from)}${named(f.competencyIds)}`, '');
      for (const [label, text] of [
        ['Situation', f.situation],
        ['Behaviour', f.behaviour],
        ['Impact', f.impact],
        ['Suggested next step', f.nextStep],
      ] as const)
        if (text.trim()) lines.push(`**${label}:** ${text.trim()}`, '');
    }
  }
  const responses = shareableRecords('cycleResponses', [...input.responses]).sort((a, b) => a.date.localeCompare(b.date));
  if (responses.length) {
    lines.push('## Peer feedback from cycles', '');
    for (const r of responses) {
      const from = r.respondentId ? (nameOf(r.respondentId) ?? 'A peer') : r.respondentName || 'Anonymous';
      lines.push(`**${day(r.date)} · ${oneLine(from)}${named(r.competencyIds)}**`, '', quote(r.text), '');
    }
  }
  if (wins.length + feedback.length + responses.length === 0) lines.push('Nothing shareable yet.', '');
  return lines.join('\n');
}
