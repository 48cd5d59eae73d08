import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import { isDamageCode, isDamageError } from '../db/damage';
import { flushFile, flushFolder } from '../files/durable';
import { keyConnection } from '../db/keying';
import { SqliteDriver, type SqliteConnection } from '../db/sqlite';

/**
 * Backup files of the unit database: written consistent, encrypted, verified, and only
 * then given a name that makes them a backup. Nothing here knows when a backup is due;
 * that is the scheduler's business.
 *
 * A backup is `VACUUM INTO` on the keyed, open connection: SQLite3MultipleCiphers writes
 * the copy with the same cipher and key (PITFALLS: the online backup API only works
 * between identically keyed databases), as one read transaction, so writes going on
 * meanwhile are either wholly in it or wholly not. The copy is written under a hidden
 * temporary name, flushed to disk, opened again with the passphrase and checked, and
 * only then renamed: a backup interrupted by a power cut or a pulled stick never looks
 * like a finished one.
 */

/** ASCII only: a FAT-formatted stick or a zip tool must not mangle the name. */
const PREFIX = 'Reservparm-sakerhetskopia-';
const SUFFIX = '.db';
/** Written while in progress; never listed, removed by the next backup. */
const PARTIAL_PREFIX = '.';
const PARTIAL_SUFFIX = '.partial';
/**
 * …-<device>-20261123-094200123Z.db: the computer it is a copy of, then UTC, so that one
 * computer's names sort as its backups were made. The office PC and the laptops share
 * the unit passphrase and, often, one stick: without the device in the name a laptop's
 * rotation would delete the office's backups, and a damaged laptop database would be
 * offered the office's.
 */
const NAME_PATTERN = /^Reservparm-sakerhetskopia-([0-9a-f]{8})-(\d{8})-(\d{9})Z\.db$/;

/** The first eight hex digits of the device's id: enough to tell a unit's computers apart. */
export const deviceTag = (deviceId: string): string =>
  deviceId.replaceAll('-', '').slice(0, 8).toLowerCase();

/** The tag of the computer whose database the connection is. */
export function deviceTagOf(connection: SqliteConnection): string {
  const row = connection.prepare('SELECT id FROM devices WHERE is_this = 1').get() as
    { id: string } | undefined;
  if (!row) throw new Error('The database names no device as this one');
  return deviceTag(row.id);
}

export interface BackupFile {
  path: string;
  name: string;
  /** Which computer's database it is a copy of (deviceTag). */
  device: string;
  /** When the copy was taken (from its name, written by the app's clock). */
  madeAt: Date;
  bytes: number;
}

/**
 * A failed check says why; `unreadable` when the file could not be read just now (a busy or
 * flaky stick, a file held open), which says nothing about the backup itself: the startup
 * offer must not pass over it for an older one.
 */
export type BackupCheck = { ok: true } | { ok: false; problem: string; unreadable?: true };

export function backupName(madeAt: Date, device: string): string {
  const iso = madeAt.toISOString(); // 2026-11-23T09:42:00.123Z
  const date = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 23).replaceAll(':', '').replace('.', '');
  return `${PREFIX}${device}-${date}-${time}Z${SUFFIX}`;
}

/** The device and time a backup's name says, or null for any other file. */
export function parseBackupName(name: string): { device: string; madeAt: Date } | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, device, date, time] = match as unknown as [string, string, string, string];
  const iso =
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T` +
    `${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${time.slice(6, 9)}Z`;
  const madeAt = new Date(iso);
  return Number.isNaN(madeAt.getTime()) ? null : { device, madeAt };
}

/**
 * The folder's backups of one computer (all computers' when no device is given), newest
 * first. An unreachable folder is an error, not "none".
 */
export function listBackups(folder: string, device?: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw folderUnreachable(folder);
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed || (device !== undefined && parsed.device !== device)) continue;
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (stat.isFile()) backups.push({ path, name, ...parsed, bytes: stat.size });
    } catch {
      // Removed between the listing and the stat (rotation by another window): not there.
    }
  }
  return backups.sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime());
}

/** Whether the folder is there and can be written to (a stick that was pulled is not). */
export function folderProblem(folder: string): string | null {
  try {
    if (!statSync(folder).isDirectory()) return `${folder} är inte en mapp.`;
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return folderUnreachable(folder).message;
  }
}

/**
 * Writes a verified backup of the open database into the folder and returns it. On any
 * failure nothing that looks like a backup is left behind and the error says what to do.
 */
export function writeBackup(
  connection: SqliteConnection,
  folder: string,
  passphrase: string,
  madeAt: Date,
): BackupFile {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw folderUnreachable(folder);
  }
  const problem = folderProblem(folder);
  if (problem) throw new AppError('BACKUP_FOLDER_UNREACHABLE', problem);
  const device = deviceTagOf(connection);
  removeLeftoverPartials(folder, device);

  const name = backupName(madeAt, device);
  const path = join(folder, name);
  const partial = join(folder, `${PARTIAL_PREFIX}${name}${PARTIAL_SUFFIX}`);
  try {
    connection.prepare('VACUUM INTO ?').run(partial);
    flushFile(partial);
    const check = checkBackup(partial, passphrase, device);
    if (!check.ok) {
      throw new AppError(
        'BACKUP_FAILED',
        `Säkerhetskopian kunde inte kontrolleras (${check.problem}). Den har tagits bort; ` +
          'försök igen eller välj en annan mapp.',
      );
    }
    renameSync(partial, path);
    flushFolder(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    if (isDamageError(error)) {
      // VACUUM INTO read every page of the open database and met a damaged one.
      throw new AppError(
        'CORRUPT',
        'Säkerhetskopian kunde inte göras: databasen har en skadad sida. Fortsätt på papper, ' +
          'kontakta IT och låt Reservpärm kontrollera filen vid nästa start.',
      );
    }
    throw new AppError(
      'BACKUP_FAILED',
      `Säkerhetskopian kunde inte skrivas i ${folder}. Kontrollera att minnet sitter i och ` +
        'har plats, eller välj en annan mapp.',
    );
  }
  return { path, name, device, madeAt, bytes: statSync(path).size };
}

/**
 * Opens a backup read-only with the passphrase and checks it page by page: a
 * truncated, damaged or differently keyed file is not a backup to restore from, nor is
 * another computer's copy when the device is given (the name alone can be changed).
 */
export function checkBackup(path: string, passphrase: string, device?: string): BackupCheck {
  let db: SqliteConnection | null = null;
  try {
    db = new SqliteDriver(path, { readonly: true, fileMustExist: true });
    keyConnection(db, passphrase);
    // quick_check reads and so decrypts every page (SQLCipher refuses one whose HMAC does
    // not match) and checks every b-tree; what integrity_check adds, that each index agrees
    // with its table, cannot go wrong in a copy VACUUM INTO has just built afresh, and would
    // take the check from under a second to six at 100 000 records, on main's thread.
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
      return { ok: false, problem: 'filen är skadad' };
    }
    const unit = db
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'unit'`)
      .get() as {
      n: number;
    };
    if (unit.n !== 1) return { ok: false, problem: 'filen är inte en databas från Reservpärm' };
    if (device !== undefined && deviceTagOf(db) !== device) {
      return { ok: false, problem: 'den är en kopia av en annan dators databas' };
    }
    return { ok: true };
  } catch (error) {
    const code = error instanceof AppError ? error.code : (error as { code?: string }).code;
    if (code === 'WRONG_PASSPHRASE') {
      return { ok: false, problem: 'den öppnas inte med enhetens lösenfras' };
    }
    if (isDamageCode(code)) {
      return { ok: false, problem: 'filen är skadad eller ofullständig' };
    }
    return { ok: false, problem: 'filen kunde inte läsas just nu', unreadable: true };
  } finally {
    db?.close();
  }
}

/** How many of the latest office days (today included) keep their last backup beyond the newest `keep`. */
export const DAILY_BACKUPS_KEPT = 7;

/**
 * Which of one computer's backups (newest first) rotation removes: all but the newest
 * `keep`, and the last one of each of the latest seven office days that have any. Twenty
 * backups by hand in an afternoon, or twenty sign-outs, must not push out the only copy
 * from before a mistake made yesterday.
 */
export function backupsToRemove(
  backups: readonly BackupFile[],
  keep: number,
  days = DAILY_BACKUPS_KEPT,
): BackupFile[] {
  const kept = new Set(backups.slice(0, keep));
  const daysSeen = new Set<string>();
  for (const backup of backups) {
    const day = localDate(backup.madeAt);
    if (daysSeen.has(day)) continue;
    if (daysSeen.size === days) break;
    daysSeen.add(day);
    kept.add(backup);
  }
  return backups.filter((backup) => !kept.has(backup));
}

/** Removes what `backupsToRemove` says of this computer's backups; returns the names. */
export function rotateBackups(folder: string, keep: number, device: string): string[] {
  const removed: string[] = [];
  for (const old of backupsToRemove(listBackups(folder, device), keep)) {
    rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  if (removed.length > 0) flushFolder(folder);
  return removed;
}

/**
 * This computer's partial copies and the rollback journals SQLite keeps beside them while
 * writing (…partial-journal), which a kill mid-copy leaves behind. Only this computer's:
 * another one sharing the stick may be writing its own right now.
 */
function removeLeftoverPartials(folder: string, device: string): void {
  for (const name of readdirSync(folder)) {
    if (name.startsWith(`${PARTIAL_PREFIX}${PREFIX}${device}-`) && name.includes(PARTIAL_SUFFIX)) {
      try {
        rmSync(join(folder, name), { force: true });
      } catch {
        // Held open (another program, a slow stick): left for the next backup.
      }
    }
  }
}

function folderUnreachable(folder: string): AppError {
  return new AppError(
    'BACKUP_FOLDER_UNREACHABLE',
    `Mappen för säkerhetskopior går inte att nå: ${folder}. Sätt i USB-minnet eller välj en ` +
      'annan mapp under Inställningar.',
  );
}
