import { z } from 'zod';

import { criterionRefSchema, recordLinkSchema } from '../evidence/refs';
import { isoDateSchema } from './dates';

/**
 * 1:1 domain: series (a recurring meeting with one person), meetings (one occurrence with its
 * agenda and notes), action items, queued talking points, templates. `privateNotes` is the
 * manager's own: it is never part of anything shared or exported (only the user's own backup).
 */
export const meetingKinds = ['one-on-one', 'skip-level', 'mentoring', 'career'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  'one-on-one': '1:1',
  'skip-level': 'Skip-level',
  mentoring: 'Mentoring',
  career: 'Career conversation',
};

export const cadences = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof cadences)[number];
export const cadenceLabels: Record<Cadence, string> = { weekly: 'Every week', biweekly: 'Every 2 weeks', monthly: 'Every month' };
/** How many days may pass before a series counts as overdue. */
export const cadenceDays: Record<Cadence, number> = { weekly: 7, biweekly: 14, monthly: 31 };

export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30');

const id = z.string().min(1);
const stamp = z.string().min(1);

export const seriesSchema = z.object({
  id,
  personId: id,
  kind: z.enum(meetingKinds),
  cadence: z.enum(cadences),
  /** ISO weekday: 1 = Monday … 7 = Sunday. Monthly series meet on the same nth weekday as startDate. */
  weekday: z.number().int().min(1).max(7),
  time: timeOfDaySchema,
  durationMinutes: z.number().int().min(5).max(480),
  startDate: isoDateSchema,
  /** IANA zone the times are meant in, e.g. "Europe/Berlin"; used for calendar export. */
  timeZone: z.string().min(1),
  archived: z.boolean(),
  createdAt: stamp,
  updatedAt: stamp,
});
export type Series = z.output<typeof seriesSchema>;

export const agendaItemSchema = z.object({
  id,
  text: z.string().trim().min(1, 'Write the talking point').max(2000),
  author: z.enum(['me', 'them']),
  done: z.boolean(),
  /** Set when the item was carried over unfinished from an earlier meeting. */
  carriedFromMeetingId: z.string().optional(),
  /** Set when the item came from the talking-point queue. */
  fromTalkingPointId: z.string().optional(),
  /** Set when the item is a prompt of the template the meeting was started with: it never carries over. */
  fromTemplateId: z.string().optional(),
  /** Set when the item was raised from another record, e.g. an assessment walked through in a career conversation. */
  fromRecord: recordLinkSchema.optional(),
  /**
   * The ladder criteria the point is about (a Ladder review point names its competency, a career
   * conversation point the rating it came from): the shared agenda is then evidence for them.
   */
  criteria: z.array(criterionRefSchema).max(20).optional(),
});
export type AgendaItem = z.output<typeof agendaItemSchema>;

export const meetingSchema = z.object({
  id,
  personId: id,
  seriesId: z.string().nullable(),
  kind: z.enum(meetingKinds),
  date: isoDateSchema,
  time: timeOfDaySchema.optional(),
  agenda: z.array(agendaItemSchema),
  /** Markdown, part of what can be shared with the report. */
  sharedNotes: z.string().max(200_000),
  /** Markdown, the manager's own. Never exported or shared. */
  privateNotes: z.string().max(200_000),
  mood: z.number().int().min(1).max(5).optional(),
  energy: z.number().int().min(1).max(5).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30),
  createdAt: stamp,
  updatedAt: stamp,
});
export type Meeting = z.output<typeof meetingSchema>;

export const actionItemSchema = z.object({
  id,
  personId: id,
  /** The meeting where it was agreed: shown as its origin when it carries over. */
  meetingId: id,
  text: z.string().trim().min(1, 'Describe the action').max(2000),
  owner: z.enum(['me', 'them']),
  due: isoDateSchema.optional(),
  done: z.boolean(),
  doneAt: z.string().optional(),
  createdAt: stamp,
  updatedAt: stamp,
});
export type ActionItem = z.output<typeof actionItemSchema>;

export const talkingPointSchema = z.object({
  id,
  personId: id,
  text: z.string().trim().min(1, 'Write the talking point').max(2000),
  createdAt: stamp,
  /** Set once the point has been placed on a meeting's agenda. */
  meetingId: z.string().optional(),
});
export type TalkingPoint = z.output<typeof talkingPointSchema>;

export const meetingTemplateSchema = z.object({
  id,
  name: z.string().trim().min(1, 'Name the template').max(120),
  kind: z.enum(meetingKinds),
  builtIn: z.boolean(),
  /** Talking points the template puts on a new meeting's agenda. */
  agenda: z.array(z.string().trim().min(1).max(2000)),
  /** Markdown prompts placed in the shared notes. */
  sharedNotes: z.string().max(20_000),
  createdAt: stamp,
  updatedAt: stamp,
});
export type MeetingTemplate = z.output<typeof meetingTemplateSchema>;
