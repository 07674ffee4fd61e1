/**
 * The Trellis backup file (`.trellisbackup`), shared by main (which writes and checks files) and
 * the renderer (which produces and restores the database part). The format is described for
 * people in docs/backups.md; change both together and bump BACKUP_FORMAT_VERSION when a reader
 * of the current version could not read the new files.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'trellis-backup';
/** The newest format this Trellis writes and reads. Files with a higher number are refused. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'trellisbackup';

/** The zip comment that ends every backup: this text, then the sha256 (hex) of every byte before the hex. */
export const TRAILER_PREFIX = 'Trellis backup; sha256 of all bytes before this checksum: ';

export const backupReasons = ['manual', 'daily', 'before-upgrade', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];
export const automaticReasons = ['daily', 'before-upgrade', 'before-restore'] as const;
export type AutomaticReason = (typeof automaticReasons)[number];

/** What each part of the archive holds. */
export const partKinds = ['database', 'settings', 'ladder', 'ladder-version'] as const;
export type PartKind = (typeof partKinds)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 checksum');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date');

export const tableFactsSchema = z.object({
  name: z.string().min(1).max(200),
  /** Dexie's schema string: primary key first, then the indexes (as `db.tables[i].schema` says). */
  schema: z.string().max(10_000),
  rows: z.number().int().min(0),
});
export type TableFacts = z.output<typeof tableFactsSchema>;

export const dataRangeSchema = z.object({ from: isoDate, to: isoDate }).nullable();
export type DataRange = z.output<typeof dataRangeSchema>;

/** What the renderer reports about the database it streamed: checked again on restore. */
export const databaseFactsSchema = z.object({
  name: z.string().min(1).max(200),
  version: z.number().int().min(1).max(100_000),
  tables: z.array(tableFactsSchema).min(1).max(1000),
  dataRange: dataRangeSchema,
});
export type DatabaseFacts = z.output<typeof databaseFactsSchema>;

export const partSchema = z.object({
  path: z.string().min(1).max(1024),
  kind: z.enum(partKinds),
  bytes: z.number().int().min(0),
  sha256: sha256Hex,
});
export type BackupPart = z.output<typeof partSchema>;

/**
 * The passphrase lock (issue 12 item 6, round 2). With the lock on, database rows are backed up
 * exactly as stored, i.e. encrypted; this block will carry what a restore needs to check the key
 * (never the key itself). Today it is always `{ enabled: false }`.
 */
export const lockInfoSchema = z.object({ enabled: z.boolean() }).loose();

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  reason: z.enum(backupReasons),
  app: z.object({ name: z.string(), version: z.string().max(100), platform: z.string().max(100) }),
  database: databaseFactsSchema,
  ladders: z.object({ folder: z.string().max(4096), files: z.number().int().min(0), skipped: z.number().int().min(0) }),
  lock: lockInfoSchema,
  parts: z.array(partSchema).min(1),
});
export type BackupManifest = z.output<typeof manifestSchema>;

/** A backup as the user sees it before restoring: what it holds and where it came from. */
export const backupSummarySchema = z.object({
  file: z.string(),
  source: z.enum(['chosen', 'automatic']),
  bytes: z.number(),
  createdAt: z.string(),
  reason: z.enum(backupReasons),
  appVersion: z.string(),
  formatVersion: z.number(),
  database: databaseFactsSchema,
  ladderFiles: z.number(),
  ladderVersions: z.number(),
  hasSettings: z.boolean(),
  lock: z.object({ enabled: z.boolean() }),
});
export type BackupSummary = z.output<typeof backupSummarySchema>;

/** One file in Trellis's own backups folder. */
export const backupEntrySchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(automaticReasons),
  bytes: z.number(),
});
export type BackupEntry = z.output<typeof backupEntrySchema>;

/** `trellis-2026-01-31T10-22-03-120Z-daily.trellisbackup`: sortable, and the listing needs no file opened. */
export function automaticBackupName(createdAt: Date, reason: AutomaticReason): string {
  return `trellis-${createdAt.toISOString().replace(/[:.]/g, '-')}-${reason}.${BACKUP_EXTENSION}`;
}

const NAME_PATTERN = new RegExp(
  String.raw`^trellis-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(${automaticReasons.join('|')})\.${BACKUP_EXTENSION}$`,
);

/** The date and reason in an automatic backup's name; null for any other file (never touched). */
export function parseAutomaticBackupName(name: string): { createdAt: string; reason: AutomaticReason } | null {
  const m = NAME_PATTERN.exec(name);
  if (!m) return null;
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, reason: m[6] as AutomaticReason };
}

/** `Trellis backup 2026-01-31.trellisbackup`: what the save dialog proposes for an export. */
export function exportBackupName(createdAt: Date): string {
  return `Trellis backup ${createdAt.toISOString().slice(0, 10)}.${BACKUP_EXTENSION}`;
}

/** Limits a renderer cannot push main past. */
export const backupLimits = {
  /** Characters of database JSON per IPC message, both directions. */
  chunkChars: 1_000_000,
  /** A backup file larger than this is refused before reading. */
  maxFileBytes: 2 * 1024 ** 3,
  /** Ladder files taken from the ladders folder (YAML only), and their total size. */
  maxLadderFiles: 5_000,
  maxLadderBytes: 100 * 1024 ** 2,
} as const;
