import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/result';
import { applyCipher, proveKey } from '../db/keying';
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
/** UTC in the name (…-20261123-094200123Z.db): names sort as the backups were made. */
const NAME_PATTERN = /^Reservparm-sakerhetskopia-(\d{8})-(\d{9})Z\.db$/;

export interface BackupFile {
  path: string;
  name: string;
  /** When the copy was taken (from its name, written by the app's clock). */
  madeAt: Date;
  bytes: number;
}

export type BackupCheck = { ok: true } | { ok: false; problem: string };

export function backupName(madeAt: Date): string {
  const iso = madeAt.toISOString(); // 2026-11-23T09:42:00.123Z
  const date = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 23).replaceAll(':', '').replace('.', '');
  return `${PREFIX}${date}-${time}Z${SUFFIX}`;
}

export function madeAtOf(name: string): Date | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const [, date, time] = match as unknown as [string, string, string];
  const iso =
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T` +
    `${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${time.slice(6, 9)}Z`;
  const madeAt = new Date(iso);
  return Number.isNaN(madeAt.getTime()) ? null : madeAt;
}

/** The folder's backups, newest first. An unreachable folder is an error, not "none". */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw folderUnreachable(folder);
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const madeAt = madeAtOf(name);
    if (!madeAt) continue;
    const path = join(folder, name);
    try {
      const stat = statSync(path);
      if (stat.isFile()) backups.push({ path, name, madeAt, bytes: stat.size });
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
  removeLeftoverPartials(folder);

  const name = backupName(madeAt);
  const path = join(folder, name);
  const partial = join(folder, `${PARTIAL_PREFIX}${name}${PARTIAL_SUFFIX}`);
  try {
    connection.prepare('VACUUM INTO ?').run(partial);
    flushFile(partial);
    const check = checkBackup(partial, passphrase);
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
    throw new AppError(
      'BACKUP_FAILED',
      `Säkerhetskopian kunde inte skrivas i ${folder}. Kontrollera att minnet sitter i och ` +
        'har plats, eller välj en annan mapp.',
    );
  }
  return { path, name, madeAt, bytes: statSync(path).size };
}

/**
 * Opens a backup read-only with the passphrase and runs the full integrity check: a
 * truncated, damaged or differently keyed file is not a backup to restore from.
 */
export function checkBackup(path: string, passphrase: string): BackupCheck {
  let db: SqliteConnection | null = null;
  try {
    db = new SqliteDriver(path, { readonly: true, fileMustExist: true });
    applyCipher(db);
    db.key(Buffer.from(passphrase, 'utf8'));
    proveKey(db);
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      return { ok: false, problem: 'filen är skadad' };
    }
    const unit = db
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'unit'`)
      .get() as {
      n: number;
    };
    if (unit.n !== 1) return { ok: false, problem: 'filen är inte en databas från Reservpärm' };
    return { ok: true };
  } catch (error) {
    const code = error instanceof AppError ? error.code : (error as { code?: string }).code;
    if (code === 'WRONG_PASSPHRASE') {
      return { ok: false, problem: 'den öppnas inte med enhetens lösenfras' };
    }
    return { ok: false, problem: 'filen är skadad eller ofullständig' };
  } finally {
    db?.close();
  }
}

/** Keeps the newest `keep` backups and removes the rest; returns the names removed. */
export function rotateBackups(folder: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(folder).slice(keep)) {
    rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  if (removed.length > 0) flushFolder(folder);
  return removed;
}

function removeLeftoverPartials(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (name.startsWith(`${PARTIAL_PREFIX}${PREFIX}`) && name.endsWith(PARTIAL_SUFFIX)) {
      rmSync(join(folder, name), { force: true });
    }
  }
}

/** The copy's bytes on the stick before it gets its name (VACUUM INTO leaves that to the OS). */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename itself on disk; folders cannot be opened for fsync on Windows, where NTFS journals it. */
export function flushFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function folderUnreachable(folder: string): AppError {
  return new AppError(
    'BACKUP_FOLDER_UNREACHABLE',
    `Mappen för säkerhetskopior går inte att nå: ${folder}. Sätt i USB-minnet eller välj en ` +
      'annan mapp under Inställningar.',
  );
}
