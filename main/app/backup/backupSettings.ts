import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { flushFolder } from './backupFiles';

/**
 * Where backups go, how often and how many are kept. Kept in a small file beside the
 * database, not inside it: when the database is damaged, the unlock screen must still
 * know where the latest good backup is. It holds no personal data, only a folder path
 * and two numbers; the change itself is audited in the database.
 */
export const backupSettingsSchema = z.object({
  folder: z.string().min(1),
  intervalMinutes: z.number().int().min(1).max(240),
  keep: z.number().int().min(1).max(500),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const DEFAULT_INTERVAL_MINUTES = 10;
export const DEFAULT_KEEP = 20;
const FILE_NAME = 'backup-settings.json';

export const backupSettingsPath = (dbPath: string): string => join(dirname(dbPath), FILE_NAME);

/**
 * Until the enhetschef chooses a stick, backups go to a folder beside the database: no
 * help if the laptop is lost, but a damaged file can still be restored. The overview
 * says so until another folder is chosen.
 */
export const defaultBackupFolder = (dbPath: string): string =>
  join(dirname(dbPath), 'Säkerhetskopior');

export function defaultBackupSettings(dbPath: string): BackupSettings {
  return {
    folder: defaultBackupFolder(dbPath),
    intervalMinutes: DEFAULT_INTERVAL_MINUTES,
    keep: DEFAULT_KEEP,
  };
}

/** The saved settings, or the defaults when none were saved or the file cannot be read. */
export function readBackupSettings(dbPath: string): BackupSettings {
  try {
    const parsed = backupSettingsSchema.safeParse(
      JSON.parse(readFileSync(backupSettingsPath(dbPath), 'utf8')),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // No file yet (or a half-written one from before this format): the defaults.
  }
  return defaultBackupSettings(dbPath);
}

/** Written whole or not at all: a temporary file, flushed, then renamed over the old one. */
export function saveBackupSettings(dbPath: string, settings: BackupSettings): void {
  const path = backupSettingsPath(dbPath);
  const temporary = `${path}.new`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${JSON.stringify(backupSettingsSchema.parse(settings), null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  flushFolder(dirname(path));
}
