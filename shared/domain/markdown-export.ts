import { stringify } from 'yaml';

import { shareable } from '../evidence/privacy';
import { safeFileName, uniqueNames } from './file-names';
import { type ActionItem, type Meeting, meetingKindLabels } from './meetings';
import type { Person } from './person';

/**
 * Meetings as Markdown. The shared part (agenda, shared notes, action items) is what a manager
 * may send to their report. Private notes never leave the machine: every section is typed on a
 * meeting without them, and an export gets its meeting from shareable() (shared/evidence).
 */

/** A meeting as an export may see it. */
type ShownMeeting = Omit<Meeting, 'privateNotes'>;

export interface ExportFile {
  name: string;
  content: string;
}

export interface NotesExportOptions {
  /** The user ("This is me"): a shared file names them, not "Me". */
  user?: User;
}

/** Who wrote the notes, named in what they share; null only when the user never said who they are. */
export type User = Pick<Person, 'name'> | null;

/** One line of Markdown: newlines in a talking point would break the list. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function ownerLabel(owner: ActionItem['owner'], person: Pick<Person, 'name'>, user: User): string {
  return oneLine(owner === 'me' ? (user?.name ?? 'Me') : person.name);
}

export function meetingTitle(meeting: Pick<Meeting, 'kind' | 'date'>, person: Pick<Person, 'name'>): string {
  return `${meetingKindLabels[meeting.kind]} — ${oneLine(person.name)}, ${meeting.date}`;
}

function agendaSection(meeting: ShownMeeting): string[] {
  if (meeting.agenda.length === 0) return [];
  return ['## Agenda', '', ...meeting.agenda.map((item) => `- [${item.done ? 'x' : ' '}] ${oneLine(item.text)}`), ''];
}

function notesSection(meeting: ShownMeeting): string[] {
  const notes = meeting.sharedNotes.trim();
  return notes ? ['## Notes', '', notes, ''] : [];
}

function actionSection(meeting: ShownMeeting, items: ActionItem[], person: Pick<Person, 'name'>, user: User): string[] {
  if (items.length === 0) return [];
  const line = (a: ActionItem) =>
    `- [${a.done ? 'x' : ' '}] ${ownerLabel(a.owner, person, user)}: ${oneLine(a.text)}${a.due ? ` (due ${a.due})` : ''}${a.meetingId !== meeting.id ? ' (carried over)' : ''}`;
  return ['## Action items', '', ...items.map(line), ''];
}

/** The body every export shares: heading, agenda, shared notes, the given action items. */
function sharedBody(meeting: ShownMeeting, person: Pick<Person, 'name'>, actionItems: ActionItem[], user: User): string[] {
  return [
    `# ${meetingTitle(meeting, person)}`,
    '',
    ...(user ? [`With ${oneLine(user.name)} and ${oneLine(person.name)}`, ''] : []),
    ...agendaSection(meeting),
    ...notesSection(meeting),
    ...actionSection(meeting, actionItems, person, user),
  ];
}

/**
 * One meeting's shared part, for "Copy as Markdown" and "Save as .md". Never private notes.
 * `actionItems` are those shown in the meeting (its own and open ones carried into it).
 */
export function meetingSharedMarkdown(meeting: ShownMeeting, person: Pick<Person, 'name'>, actionItems: ActionItem[], user: User = null): string {
  return `${sharedBody(meeting, person, actionItems, user).join('\n').trimEnd()}\n`;
}

export function meetingFileStem(meeting: Pick<Meeting, 'kind' | 'date'>, person: Pick<Person, 'name'>): string {
  return `${meeting.date}-${safeFileName(`${meetingKindLabels[meeting.kind]} ${person.name}`)}`;
}

/**
 * What yaml writes for one `key: value` pair of a block mapping, remembered: a mapping's pairs
 * are written one after another, each on its own, so joining them gives what stringify(data)
 * gives. An export of every note writes tens of thousands of front matters from a few hundred
 * distinct names, dates and tag lists; a whole yaml Document each time was most of what the
 * export allocated. Bounded: emptied when full.
 */
const pairCache = new Map<string, string>();
const PAIR_CACHE_SIZE = 4096;

export function yamlPair(key: string, value: unknown): string {
  const cacheKey = `${key}\u0000${JSON.stringify(value)}`;
  let text = pairCache.get(cacheKey);
  if (text === undefined) {
    if (pairCache.size >= PAIR_CACHE_SIZE) pairCache.clear();
    text = stringify({ [key]: value });
    pairCache.set(cacheKey, text);
  }
  return text;
}

function frontMatter(meeting: ShownMeeting, person: Pick<Person, 'name'>, user: User): string {
  let yaml = yamlPair('person', person.name) + yamlPair('date', meeting.date) + yamlPair('kind', meetingKindLabels[meeting.kind]);
  if (user) yaml += yamlPair('with', user.name);
  if (meeting.time) yaml += yamlPair('time', meeting.time);
  if (meeting.mood !== undefined) yaml += yamlPair('mood', meeting.mood);
  if (meeting.energy !== undefined) yaml += yamlPair('energy', meeting.energy);
  yaml += yamlPair('tags', [...meeting.tags]);
  return `---\n${yaml}---\n`;
}

/** One meeting as a Markdown file with YAML front matter. */
export function meetingFile(meeting: Meeting, person: Pick<Person, 'name'>, actionItems: ActionItem[], options: NotesExportOptions = {}): ExportFile {
  // What may leave the machine is decided in one place (shared/evidence/privacy.ts), not here.
  // A meeting is never a private record as a whole, only its private notes are private.
  const shown: ShownMeeting | null = shareable('meetings', meeting);
  if (!shown) throw new Error('A meeting is never private as a whole');
  const user = options.user ?? null;
  const body = sharedBody(shown, person, actionItems, user);
  return { name: `${meetingFileStem(shown, person)}.md`, content: `${frontMatter(shown, person, user)}\n${body.join('\n').trimEnd()}\n` };
}

export interface NotesExportInput {
  people: Pick<Person, 'id' | 'name'>[];
  meetings: Meeting[];
  actionItems: ActionItem[];
}

/**
 * All notes of the given meetings (one person's, or everyone's), one file per meeting, oldest
 * first, with unique names. Meetings whose person is unknown are skipped, not guessed.
 */
export function notesExportFiles(input: NotesExportInput, options: NotesExportOptions = {}): ExportFile[] {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const itemsByMeeting = new Map<string, ActionItem[]>();
  for (const item of input.actionItems) itemsByMeeting.set(item.meetingId, [...(itemsByMeeting.get(item.meetingId) ?? []), item]);
  const meetings = [...input.meetings].sort((a, b) => `${a.date}${a.time ?? ''}`.localeCompare(`${b.date}${b.time ?? ''}`));
  const files: ExportFile[] = [];
  for (const meeting of meetings) {
    const person = byId.get(meeting.personId);
    if (person) files.push(meetingFile(meeting, person, itemsByMeeting.get(meeting.id) ?? [], options));
  }
  const names = uniqueNames(files.map((f) => f.name));
  return files.map((f, i) => ({ ...f, name: names[i] ?? f.name }));
}
