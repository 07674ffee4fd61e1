import type { AutomaticReason, BackupEntry } from '../../../shared/backup';

export interface RetentionPolicy {
  /** The newest backup of each of the last N days that have one. */
  keepDaily: number;
  /** The newest backup of each of the last N weeks (Monday to Sunday) that have one. */
  keepWeekly: number;
  /** Backups made before an update or a restore: the newest N of each kind, whatever their day. */
  keepSafety: number;
}

export const SAFETY_BACKUPS_KEPT = 5;

/** The local calendar day of an instant, e.g. 2026-01-31. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The local Monday that starts the week of an instant: one key per week. */
export function localWeek(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return localDay(monday.toISOString());
}

const newestPerKey = (entries: BackupEntry[], keyOf: (e: BackupEntry) => string, limit: number): BackupEntry[] => {
  const seen = new Set<string>();
  const kept: BackupEntry[] = [];
  for (const entry of entries) {
    const key = keyOf(entry);
    if (seen.has(key)) continue;
    if (seen.size >= limit) break;
    seen.add(key);
    kept.push(entry);
  }
  return kept;
};

/**
 * Which automatic backups to delete. Daily and weekly rotation run over every automatic backup
 * (a backup made before an update counts as that day's backup too); on top of that the newest
 * few made before an update or a restore always stay, so the copy taken just before a bad
 * restore is not rotated away by the next days' backups. The newest backup is never deleted.
 */
export function backupsToRemove(entries: BackupEntry[], policy: RetentionPolicy): string[] {
  const newestFirst = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  for (const e of newestPerKey(newestFirst, (e) => localDay(e.createdAt), policy.keepDaily)) keep.add(e.name);
  for (const e of newestPerKey(newestFirst, (e) => localWeek(e.createdAt), policy.keepWeekly)) keep.add(e.name);
  for (const reason of ['before-upgrade', 'before-restore'] satisfies AutomaticReason[]) {
    for (const e of newestFirst.filter((e) => e.reason === reason).slice(0, policy.keepSafety)) keep.add(e.name);
  }
  return newestFirst.filter((e) => !keep.has(e.name)).map((e) => e.name);
}
