import { type FeedbackEntry, feedbackKindLabels, feedbackTitle } from './feedback';
import { type ActionItem, type Meeting, meetingKindLabels } from './meetings';
import { fold, matchesWords, queryWords } from './text';
import { type Win, winTitle } from './wins';

/** Kinds of entry on a person's timeline; feedback, goals and assessments will join later. */
export const timelineKinds = ['meeting', 'action', 'feedback', 'win'] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const timelineKindLabels: Record<TimelineKind, string> = { meeting: 'Meetings', action: 'Action items', feedback: 'Feedback', win: 'Wins' };

/** Evidence the timeline shows beside the meetings: feedback entries and wins of the same span. */
export interface TimelineEvidence {
  feedback?: readonly FeedbackEntry[];
  wins?: readonly Win[];
}

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  /** 'YYYY-MM-DD' the entry is filed under. */
  date: string;
  title: string;
  detail: string;
  /** When an open action item is due ('YYYY-MM-DD'); the screen formats it after `detail`. */
  due?: string;
  /** An action item that is done: the screen shows it as done, not only says so. */
  done?: boolean;
  /** Route to open, e.g. the meeting. */
  href: string;
  /** The text the filter searches, folded (see text.ts). */
  search: string;
}

/**
 * One chronological list, newest first. Action items sit on the date of the meeting that agreed
 * them and name their owner: "You", or the person (`personName`) whose timeline this is.
 */
export function buildTimeline(meetings: Meeting[], actions: ActionItem[], personName: string, evidence: TimelineEvidence = {}): TimelineEntry[] {
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const entries: TimelineEntry[] = [];
  for (const m of meetings) {
    const discussed = m.agenda.filter((i) => i.done).length;
    const title = meetingKindLabels[m.kind];
    const detail = [`${discussed} of ${m.agenda.length} points discussed`, m.tags.length ? m.tags.map((t) => `#${t}`).join(' ') : '']
      .filter(Boolean)
      .join(' · ');
    entries.push({
      id: m.id,
      kind: 'meeting',
      date: m.date,
      title,
      detail,
      href: `/one-on-ones/meetings/${m.id}`,
      search: fold(`${title} ${m.tags.join(' ')} ${m.agenda.map((i) => i.text).join(' ')} ${m.sharedNotes}`),
    });
  }
  for (const a of actions) {
    const origin = meetingById.get(a.meetingId);
    const owner = a.owner === 'me' ? 'You' : personName;
    const state = a.done ? 'done' : a.due ? null : 'open';
    entries.push({
      id: a.id,
      kind: 'action',
      date: origin?.date ?? a.createdAt.slice(0, 10),
      title: a.text,
      detail: state ? `${owner} · ${state}` : owner,
      ...(!a.done && a.due ? { due: a.due } : {}),
      ...(a.done ? { done: true } : {}),
      href: origin ? `/one-on-ones/meetings/${origin.id}` : '',
      search: fold(`${a.text} ${owner}`),
    });
  }
  for (const f of evidence.feedback ?? []) {
    const title = feedbackTitle(f) || feedbackKindLabels[f.kind];
    entries.push({
      id: f.id,
      kind: 'feedback',
      date: f.date,
      title,
      detail: `${feedbackKindLabels[f.kind]}${f.visibility === 'private' ? ' · private' : ''}`,
      href: `/feedback/entries/${f.id}`,
      search: fold(`${f.situation} ${f.behaviour} ${f.impact} ${f.nextStep}`),
    });
  }
  for (const w of evidence.wins ?? []) {
    entries.push({
      id: w.id,
      kind: 'win',
      date: w.date,
      title: winTitle(w),
      detail: ['Win', w.impact.trim() ? winTitle({ title: w.impact }, 80) : '', w.visibility === 'private' ? 'private' : ''].filter(Boolean).join(' · '),
      href: `/feedback/wins/${w.id}`,
      search: fold(`${w.title} ${w.impact}`),
    });
  }
  // Newest first; on the same day the meeting comes before the items it produced.
  const rank = (k: TimelineKind) => timelineKinds.indexOf(k);
  return entries.sort((a, b) => b.date.localeCompare(a.date) || rank(a.kind) - rank(b.kind));
}

export function filterTimeline(entries: TimelineEntry[], kinds: ReadonlySet<TimelineKind>, query: string): TimelineEntry[] {
  const words = queryWords(query);
  return entries.filter((e) => kinds.has(e.kind) && matchesWords(e.search, words));
}
