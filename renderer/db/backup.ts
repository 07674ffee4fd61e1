/**
 * The database side of backups: export every table as stored, check an export before a
 * restore, and replace the data all-or-nothing. Tables are never listed: they come from the
 * schema (`db.tables`), so a table added in a new Dexie version is backed up and restored
 * without touching these files. No IPC here; features/settings/backup-actions.ts moves the text.
 */
export { BackupDataError } from './backup-errors';
export { dateRangeTracker, exportDatabase, exportHere, type ExportProgress, type ExportStored } from './backup-export';
export { exportInWorker } from './backup-export-client';
export { chunksOf } from './backup-outbox';
export { parseDatabaseExport, restoreDatabase, type RestoreOptions, type RestoreStats } from './backup-restore';
export { type DexieExport, openAsStored, sameSchema, sameTables, schemaOf, schemaString } from './backup-schema';
