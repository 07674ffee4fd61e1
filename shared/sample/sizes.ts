/**
 * The sample sets. `large` is the five years of a manager of managers the benchmark measures;
 * `medium` is a tenth of it; `small` is one team over a few months, the "Try with a sample team".
 */
export interface SampleSize {
  /** People on each level of the org, the user ("me") alone on the first. */
  levels: readonly number[];
  /** Meetings over all series. */
  meetings: number;
  actionItems: number;
  /** Of the action items, how many are still open. */
  openActionItems: number;
  /** Talking points: most were placed on a meeting's agenda, some still wait in the queue. */
  talkingPoints: number;
  /** How far back the oldest meeting may go. */
  historyWeeks: number;
  /** Share of people who have left (archived, with their series). */
  archivedShare: number;
}

export const sampleSizes = {
  small: { levels: [1, 6], meetings: 90, actionItems: 360, openActionItems: 40, talkingPoints: 120, historyWeeks: 20, archivedShare: 0 },
  medium: {
    levels: [1, 2, 4, 6, 17],
    meetings: 3_000,
    actionItems: 15_000,
    openActionItems: 1_500,
    talkingPoints: 2_000,
    historyWeeks: 260,
    archivedShare: 0.03,
  },
  large: {
    levels: [1, 4, 16, 56, 223],
    meetings: 30_000,
    actionItems: 150_000,
    openActionItems: 15_000,
    talkingPoints: 20_000,
    historyWeeks: 260,
    archivedShare: 0.03,
  },
} as const satisfies Record<string, SampleSize>;

export type SampleSizeName = keyof typeof sampleSizes;
export const sampleSizeNames = Object.keys(sampleSizes) as SampleSizeName[];
