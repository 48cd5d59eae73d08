import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { SqliteConnection } from '../db/sqlite';
import { writeTextWhole } from '../files/durable';
import { deviceTagOf } from './backupFiles';

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
  /**
   * This computer's tag in backup names (deviceTag), recorded when the database opens: when
   * the database cannot be opened, this is how the unlock screen knows which of the
   * folder's backups are this computer's.
   */
  device: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .optional(),
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
  const saved = readSaved(dbPath);
  return saved === 'absent' || saved === 'unreadable' ? defaultBackupSettings(dbPath) : saved;
}

/** The file's settings, or that there is none, or that it cannot be read as settings. */
function readSaved(dbPath: string): BackupSettings | 'absent' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(backupSettingsPath(dbPath), 'utf8');
  } catch {
    return existsSync(backupSettingsPath(dbPath)) ? 'unreadable' : 'absent';
  }
  try {
    const parsed = backupSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export function saveBackupSettings(dbPath: string, settings: BackupSettings): void {
  const text = `${JSON.stringify(backupSettingsSchema.parse(settings), null, 2)}\n`;
  writeTextWhole(backupSettingsPath(dbPath), text, { flushRename: true });
}

/**
 * Records beside the database which computer it is, as soon as it is open: should it be
 * damaged later, the unlock screen offers this computer's backups and no other's. Writes
 * only when the record is missing or different (a restored or re-set-up file).
 */
export function recordThisDevice(dbPath: string, connection: SqliteConnection): void {
  const device = deviceTagOf(connection);
  const saved = readSaved(dbPath);
  // A file that cannot be read is left for the enhetschef to see (the status shows the
  // defaults): writing the defaults over it would drop the folder chosen, unaudited.
  if (saved === 'unreadable') return;
  const settings = saved === 'absent' ? defaultBackupSettings(dbPath) : saved;
  if (settings.device !== device) saveBackupSettings(dbPath, { ...settings, device });
}
