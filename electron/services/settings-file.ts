import * as nodeFs from 'node:fs';
import path from 'node:path';

/**
 * settings.json as electron-store keeps it, checked before the store opens it: electron-store
 * throws on a file that is not JSON, and then no window would ever open. A damaged file is
 * moved aside (never deleted: the user may want what was in it), defaults are used, and the
 * user is told once.
 */

export interface SettingsRecovery {
  /** Where the damaged file now is. */
  movedTo: string;
  reason: 'invalid-json' | 'wrong-types';
}

type Fs = Pick<typeof nodeFs, 'readFileSync' | 'renameSync' | 'existsSync'>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Only JSON types are judged here; a value of the right type that is not allowed (a theme a
 * newer Trellis knows, a relative folder) is dropped field by field by the settings service.
 */
function hasWrongTypes(data: unknown): boolean {
  if (!isObject(data)) return true;
  const { settings, window } = data;
  if (settings !== undefined) {
    if (!isObject(settings)) return true;
    if (settings.theme !== undefined && typeof settings.theme !== 'string') return true;
    if (settings.laddersFolder !== undefined && settings.laddersFolder !== null && typeof settings.laddersFolder !== 'string') return true;
  }
  return window !== undefined && window !== null && !isObject(window);
}

/** "2026-03-02T09-15-00Z": a date that is also a valid file name everywhere. */
const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');

/** Checks `file` and moves it aside when it is damaged; null when it is fine or absent. */
export function recoverSettingsFile(file: string, now: () => Date = () => new Date(), fs: Fs = nodeFs): SettingsRecovery | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // Absent (first start) or unreadable: the store creates it, or reports its own error.
    return null;
  }
  let reason: SettingsRecovery['reason'] | null = null;
  try {
    if (hasWrongTypes(JSON.parse(text))) reason = 'wrong-types';
  } catch {
    reason = 'invalid-json';
  }
  if (!reason) return null;
  const dir = path.dirname(file);
  const base = `${path.basename(file, '.json')}.corrupt-${stamp(now())}`;
  let movedTo = path.join(dir, `${base}.json`);
  for (let n = 2; fs.existsSync(movedTo); n++) movedTo = path.join(dir, `${base}-${n}.json`);
  fs.renameSync(file, movedTo);
  return { movedTo, reason };
}

/** What the user reads, once, after a recovery. */
export function recoveryNotice(recovery: SettingsRecovery) {
  return {
    id: `settings-recovered:${path.basename(recovery.movedTo)}`,
    severity: 'warning' as const,
    title: 'Your settings were reset',
    message: `Trellis could not read its settings file (${recovery.reason === 'invalid-json' ? 'it is not valid JSON' : 'some values have the wrong type'}), so it started with the default settings. The damaged file was kept as ${recovery.movedTo}.`,
  };
}
