import { describe, expect, it } from 'vitest';

import { matchesEveryWord } from '../../../renderer/ui/ComboBoxField';
import { timeZoneOptions } from '../../../renderer/ui/TimeZoneField';
import { defaultTimeZone } from '../../../shared/domain/cadence';

describe('the time zone picker', () => {
  it('lists the system zone first, then every zone the platform knows (and UTC) by name', () => {
    const options = timeZoneOptions(null, Date.UTC(2026, 0, 15));
    expect(options[0]).toMatchObject({ id: defaultTimeZone() });
    expect(options[0]!.description).toContain('This computer’s time zone');
    const ids = options.map((o) => o.id);
    expect(ids).toContain('Europe/Berlin');
    expect(ids).toContain('UTC');
    expect(new Set(ids).size).toBe(ids.length);
    const rest = ids.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    expect(options.find((o) => o.id === 'Asia/Tokyo')!.description).toBe('UTC+09:00');
    expect(options.find((o) => o.id === 'America/New_York')!.description).toBe('UTC−05:00');
  });

  it('keeps a stored zone the list lacks (an old alias), and filters by every word typed', () => {
    expect(timeZoneOptions('Asia/Calcutta').some((o) => o.id === 'Asia/Calcutta')).toBe(true);
    expect(timeZoneOptions('Not/A_Zone').some((o) => o.id === 'Not/A_Zone')).toBe(false);
    expect(matchesEveryWord('Europe/Berlin', 'Berl')).toBe(true);
    expect(matchesEveryWord('America/New_York', 'york new')).toBe(true);
    expect(matchesEveryWord('America/Sao_Paulo', 'são')).toBe(true);
    expect(matchesEveryWord('Europe/Berlin', 'Paris')).toBe(false);
  });
});
