import type { z } from 'zod';

import { calibrationSessionSchema, decisionSchema, sessionLogEntrySchema, sessionPacketSchema } from '../calibration/model';
import { assessmentSchema } from '../domain/assessments';
import { cycleRequestSchema, cycleResponseSchema, feedbackCycleSchema } from '../domain/cycles';
import { feedbackEntrySchema, followUpSchema } from '../domain/feedback';
import { actionItemSchema, meetingSchema, seriesSchema, talkingPointSchema } from '../domain/meetings';
import { personSchema } from '../domain/person';
import { checkInSchema, goalSchema, milestoneSchema } from '../domain/plans';
import { relationshipSchema } from '../domain/relationships';
import { teamSchema } from '../domain/team';
import { winSchema } from '../domain/wins';

/**
 * Every table the generator fills, with the domain schema each row must pass, in load order.
 * A feature that adds a table (feedback, wins, goals, assessments) adds its schema here and a
 * module in modules/ that fills it (see registry.ts).
 */
export const sampleTableSchemas = {
  teams: teamSchema,
  people: personSchema,
  relationships: relationshipSchema,
  series: seriesSchema,
  meetings: meetingSchema,
  talkingPoints: talkingPointSchema,
  actionItems: actionItemSchema,
  assessments: assessmentSchema,
  feedback: feedbackEntrySchema,
  followUps: followUpSchema,
  goals: goalSchema,
  goalMilestones: milestoneSchema,
  goalCheckIns: checkInSchema,
  calibrationSessions: calibrationSessionSchema,
  sessionPackets: sessionPacketSchema,
  decisions: decisionSchema,
  sessionLog: sessionLogEntrySchema,
  feedbackCycles: feedbackCycleSchema,
  cycleRequests: cycleRequestSchema,
  cycleResponses: cycleResponseSchema,
  wins: winSchema,
} as const;

export type SampleTableName = keyof typeof sampleTableSchemas;
export type SampleTables = { [K in SampleTableName]: z.output<(typeof sampleTableSchemas)[K]>[] };
export const sampleTableNames = Object.keys(sampleTableSchemas) as SampleTableName[];

export const emptyTables = (): SampleTables => Object.fromEntries(sampleTableNames.map((t) => [t, []])) as unknown as SampleTables;
