import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { type SeriesHealth, seriesHealth } from '../../../shared/domain/cadence';
import { todayIso } from '../../../shared/domain/dates';
import type { Series } from '../../../shared/domain/meetings';
import type { Person } from '../../../shared/domain/person';
import { type Repositories, useRepositories } from '../../app/data';
import type { MeetingSummary } from '../../db/meetings';

export interface SeriesRow {
  series: Series;
  person: Person | undefined;
  health: SeriesHealth;
  /** The series' meeting dated today, when one has been started. */
  todaysMeetingId: string | null;
  /** Whether the series has met at all: a first 1:1 gets the getting-to-know-you template. */
  hasMet: boolean;
}

/**
 * What the series lists read: the active series rows (which know their newest meeting), when each
 * last met, and the people. No meeting row, so an autosave of notes never re-runs it.
 */
export async function seriesRowsData({ series, meetings, people }: Pick<Repositories, 'series' | 'meetings' | 'people'>, today: string, personId?: string) {
  const rows = (await series.rows(personId)).filter((s) => !s.archived);
  const [activity, everyone] = await Promise.all([
    meetings.seriesActivity(rows, today),
    personId ? people.get(personId).then((p) => (p ? [p] : [])) : people.list(),
  ]);
  return { all: rows.map(({ latestMeeting: _latest, ...s }): Series => s), activity, everyone };
}

/** Active series (everyone's, or one person's) with their person and cadence health, live. */
export function useSeriesRows(today: string = todayIso(), personId?: string): SeriesRow[] | undefined {
  const { series, meetings, people } = useRepositories();
  const data = useLiveQuery(() => seriesRowsData({ series, meetings, people }, today, personId), [series, meetings, people, today, personId]);
  return useMemo(() => {
    if (!data) return undefined;
    const personOf = new Map(data.everyone.map((p) => [p.id, p]));
    return data.all
      .map((s) => {
        const activity = data.activity.get(s.id);
        const lastHeld = activity?.lastHeld ?? null;
        return {
          series: s,
          person: personOf.get(s.personId),
          todaysMeetingId: lastHeld?.date === today ? lastHeld.id : null,
          hasMet: Boolean(activity?.newest),
          health: seriesHealth(s, lastHeld ? [lastHeld.date] : [], today),
        };
      })
      .sort((a, b) => a.health.next.localeCompare(b.health.next) || (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));
  }, [data, today]);
}

/** The newest meetings of active series, without their notes. */
export function useRecentMeetings(limit: number): MeetingSummary[] | undefined {
  const { series, meetings } = useRepositories();
  return useLiveQuery(async () => {
    const active = new Set((await series.list()).filter((s) => !s.archived).map((s) => s.id));
    return meetings.recent(active, limit);
  }, [series, meetings, limit]);
}

export function useTemplates() {
  const { templates } = useRepositories();
  return useLiveQuery(() => templates.list(), [templates]);
}
