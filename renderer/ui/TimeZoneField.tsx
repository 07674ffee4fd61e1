import { useMemo } from 'react';

import { defaultTimeZone } from '../../shared/domain/cadence';
import { isKnownTimeZone, offsetMinutes } from '../../shared/domain/timezone';
import { ComboBoxField } from './ComboBoxField';

function offsetLabel(zone: string, at: number): string {
  try {
    const minutes = offsetMinutes(zone, at);
    const sign = minutes < 0 ? '−' : '+';
    const abs = Math.abs(minutes);
    return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  } catch {
    return '';
  }
}

/**
 * The IANA zones this platform knows (its own tz database, no list of ours to keep current),
 * the system's zone first, then the rest by name. A stored zone the list lacks (an old alias)
 * stays listed so that editing a series does not lose it.
 */
export function timeZoneOptions(current: string | null, now = Date.now()) {
  const system = defaultTimeZone();
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = [...new Set([...supported, 'UTC', ...(current && isKnownTimeZone(current) ? [current] : [])])]
    .filter((z) => z !== system)
    .sort((a, b) => a.localeCompare(b));
  return [system, ...rest].map((zone) => ({
    id: zone,
    label: zone,
    description: [zone === system ? 'This computer’s time zone' : null, offsetLabel(zone, now)].filter(Boolean).join(' · '),
  }));
}

export interface TimeZoneFieldProps {
  label?: string;
  value: string;
  onChange: (zone: string) => void;
  description?: string;
  error?: string | undefined;
}

/** Searchable IANA time zone picker: type "Berl" or "new york". */
export function TimeZoneField({ label = 'Time zone', value, onChange, description, error }: TimeZoneFieldProps) {
  const options = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <ComboBoxField
      label={label}
      options={options}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      description={description}
      error={error}
      placeholder="Type a city or region"
      emptyText="No time zone matches; try a city such as Berlin or New York"
    />
  );
}
