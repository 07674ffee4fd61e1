import type { BackupReason } from '../../../shared/backup';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** "Today at 10:22", "Yesterday at 09:05", "3 Dec 2026 at 18:40". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day(date) === day(now)) return `Today at ${time}`;
  if (day(date) === day(yesterday)) return `Yesterday at ${time}`;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })} at ${time}`;
}

export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(y!, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export const reasonText: Record<BackupReason, string> = {
  manual: 'exported',
  daily: 'daily',
  'before-upgrade': 'before a data update',
  'before-restore': 'before a restore',
};

const tableLabels: Record<string, [string, string]> = {
  people: ['person', 'people'],
  teams: ['team', 'teams'],
  relationships: ['relationship', 'relationships'],
  series: ['1:1 series', '1:1 series'],
  meetings: ['meeting', 'meetings'],
  actionItems: ['action item', 'action items'],
  talkingPoints: ['talking point', 'talking points'],
  templates: ['template', 'templates'],
};

/** "1 person", "30,000 meetings"; a table the app adds later is named as stored. */
export function countLabel(table: string, rows: number): string {
  const [one, many] = tableLabels[table] ?? [table, table];
  return `${rows.toLocaleString()} ${rows === 1 ? one : many}`;
}
