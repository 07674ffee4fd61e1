import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';

import { type SeriesHealth, seriesHealth } from '../../../shared/domain/cadence';
import { todayIso } from '../../../shared/domain/dates';
import type { Meeting, Series } from '../../../shared/domain/meetings';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';

export interface SeriesRow {
  series: Series;
  person: Person | undefined;
  health: SeriesHealth;
  meetings: Meeting[];
}

/** Every active series with its person, meetings (newest first) and cadence health, live. */
export function useSeriesRows(today: string = todayIso()): SeriesRow[] | undefined {
  const { series, meetings, people } = useRepositories();
  const data = useLiveQuery(async () => {
    const [all, allMeetings, everyone] = await Promise.all([series.list(), meetings.list(), people.list()]);
    return { all, allMeetings, everyone };
  }, [series, meetings, people]);
  return useMemo(() => {
    if (!data) return undefined;
    const personOf = new Map(data.everyone.map((p) => [p.id, p]));
    return data.all
      .filter((s) => !s.archived)
      .map((s) => {
        const own = data.allMeetings.filter((m) => m.seriesId === s.id).sort((a, b) => b.date.localeCompare(a.date));
        return {
          series: s,
          person: personOf.get(s.personId),
          meetings: own,
          health: seriesHealth(
            s,
            own.map((m) => m.date),
            today,
          ),
        };
      })
      .sort((a, b) => a.health.next.localeCompare(b.health.next) || (a.person?.name ?? '').localeCompare(b.person?.name ?? ''));
  }, [data, today]);
}

export function useTemplates() {
  const { templates } = useRepositories();
  return useLiveQuery(() => templates.list(), [templates]);
}
