import type { CriterionRef } from '../evidence/refs';
import type { ActionItem, AgendaItem, Meeting, MeetingTemplate, TalkingPoint } from './meetings';

/**
 * Whether an unticked point of a meeting moves on to the next one. Only points someone wrote do
 * (added in the meeting, queued, or carried): a template's prompts belong to the meeting they
 * were chosen for. Meetings stored before prompts were marked have them unmarked, with the
 * author "me": those are recognised by their text among the prompts of the known templates.
 */
export function carriesOver(item: AgendaItem, knownPrompts: ReadonlySet<string> = new Set()): boolean {
  if (item.done || item.fromTemplateId !== undefined) return false;
  if (item.fromTalkingPointId !== undefined || item.author !== 'me') return true;
  return !knownPrompts.has(normalise(item.text));
}

/** The folded texts of the templates' prompts, for `carriesOver` on meetings stored before prompts were marked. */
export function promptTexts(templates: readonly Pick<MeetingTemplate, 'agenda'>[]): Set<string> {
  return new Set(templates.flatMap((t) => t.agenda.map(normalise)));
}

/**
 * What a new meeting starts with: the previous meeting's unfinished talking points that someone
 * wrote (keeping the meeting they were first raised in, so "from 12 Nov" stays true however often
 * they carry), then points queued since, then the chosen template's prompts that are not already
 * there, marked as the template's.
 */
/** A prompt a template makes for one person (the Ladder review's), with the criteria it is about. */
export interface TemplatePrompt {
  text: string;
  criteria?: readonly CriterionRef[];
}

export function startingAgenda(
  previous: Pick<Meeting, 'id' | 'agenda'> | undefined,
  queued: TalkingPoint[],
  template: { id: MeetingTemplate['id']; agenda: readonly (string | TemplatePrompt)[] } | undefined,
  newId: () => string,
  knownPrompts: ReadonlySet<string> = new Set(),
): AgendaItem[] {
  const carried: AgendaItem[] = (previous?.agenda ?? [])
    .filter((item) => carriesOver(item, knownPrompts))
    .map((item) => ({
      id: newId(),
      text: item.text,
      author: item.author,
      done: false,
      carriedFromMeetingId: item.carriedFromMeetingId ?? previous!.id,
    }));
  const fromQueue: AgendaItem[] = [...queued]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((point) => ({ id: newId(), text: point.text, author: 'me', done: false, fromTalkingPointId: point.id }));
  const seen = new Set([...carried, ...fromQueue].map((i) => normalise(i.text)));
  const prompts: AgendaItem[] = [];
  for (const prompt of template?.agenda ?? []) {
    const { text, criteria } = typeof prompt === 'string' ? { text: prompt, criteria: undefined } : prompt;
    if (seen.has(normalise(text))) continue;
    seen.add(normalise(text));
    prompts.push({ id: newId(), text, author: 'me', done: false, fromTemplateId: template!.id, ...(criteria?.length ? { criteria: [...criteria] } : {}) });
  }
  return [...carried, ...fromQueue, ...prompts];
}

const normalise = (s: string) => s.trim().toLowerCase();

/**
 * The action items a meeting shows: those agreed in it, plus those from earlier meetings that
 * were still open when it took place (open now, or closed at or after the meeting was started).
 * Later meetings' items never leak backwards.
 */
export function actionItemsForMeeting<T extends ActionItem>(
  meeting: Pick<Meeting, 'id' | 'date' | 'createdAt'>,
  items: T[],
  meetingDates: Map<string, string>,
): T[] {
  return items.filter((item) => {
    if (item.meetingId === meeting.id) return true;
    const origin = meetingDates.get(item.meetingId);
    if (origin === undefined || origin > meeting.date) return false;
    if (origin === meeting.date && item.createdAt >= meeting.createdAt) return false;
    return !item.done || (item.doneAt !== undefined && item.doneAt >= meeting.createdAt);
  });
}

/** Open first, then by due date (undated last), then oldest first (then by id, so the order never depends on how they were read). */
export function compareActionItems(a: ActionItem, b: ActionItem): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  const dueA = a.due ?? '9999-12-31';
  const dueB = b.due ?? '9999-12-31';
  return dueA.localeCompare(dueB) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function isOverdueAction(item: Pick<ActionItem, 'done' | 'due'>, today: string): boolean {
  return !item.done && item.due !== undefined && item.due < today;
}
