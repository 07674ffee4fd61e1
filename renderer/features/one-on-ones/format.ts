import { weekdayLabels } from '../../../shared/domain/cadence';
import { cadenceLabels, type Series } from '../../../shared/domain/meetings';

export function describeCadence(s: Series): string {
  return `${cadenceLabels[s.cadence]} · ${weekdayLabels[s.weekday - 1]} ${s.time} · ${s.durationMinutes} min`;
}
