import { constants, copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { localDate, localTime } from '../../../shared/time';
import { AppError } from '../../../shared/result';
import { flushFile, flushFolder } from '../files/durable';
import { checkBackup } from './backupFiles';

/**
 * Puts a backup in the database's place. Nothing is ever deleted or overwritten: the
 * file it replaces (and its WAL, shared-memory index and journal) is kept aside under a
 * name that says what it was and when ("unit.db.skadad-20261123-104200"), beside it.
 *
 * A power cut at any point leaves the database's name holding either the old file or the
 * restored one, never a half-copied one, and once the old file has a kept-aside name it
 * keeps it. The steps and what a crash after each leaves are written at each step below.
 * Nothing here knows about Electron, the session or the audit log: the callers close the
 * database before and open (and audit) after.
 */

/** Why the current file is replaced; said in the kept-aside name, in Swedish like the folder. */
export type RestoreReason = 'damaged' | 'replaced';
const REASON_WORD: Record<RestoreReason, string> = { damaged: 'skadad', replaced: 'ersatt' };

/** Beside the database while the backup is copied in; never opened, removed by the next restore. */
export const RESTORE_TEMPORARY_SUFFIX = '.aterstalls';
/** What SQLite keeps beside a database file: each must move with the file it belongs to. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

export interface RestoreResult {
  /** The kept-aside name of the replaced database file (in the database's folder). */
  keptAsideName: string;
  /** Every file kept aside, the database first (its -wal, -shm, -journal if there were). */
  keptAside: string[];
  folder: string;
}

/** The steps, so a test can stop the restore after each as a power cut would. */
export type RestoreStep = 'copied' | 'linked' | 'companionsMoved' | 'replaced';

export interface RestoreOptions {
  /** Called after each step has reached the disk; a test throws here to stop the restore. */
  afterStep?: (step: RestoreStep) => void;
  /**
   * The kept-aside name the person was shown in the confirmation: used if it is still
   * free and one this restore could have chosen, so what they read is what they find.
   */
  keptAsideName?: string;
}

/** "unit.db.skadad-20261123-104200", the time in office time as people read it. */
export function keptAsideBaseName(dbPath: string, why: RestoreReason, now: Date): string {
  const stamp =
    localDate(now).replaceAll('-', '') +
    '-' +
    localTime(now).replace(':', '') +
    String(now.getUTCSeconds()).padStart(2, '0');
  return `${basename(dbPath)}.${REASON_WORD[why]}-${stamp}`;
}

/**
 * The first kept-aside name free for the database and all its companions: a second
 * restore within the same second gets "-2" rather than overwriting the first one's files.
 */
export function freeKeptAsideName(dbPath: string, why: RestoreReason, now: Date): string {
  const folder = dirname(dbPath);
  const base = keptAsideBaseName(dbPath, why, now);
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    const taken = ['', ...COMPANIONS].some((suffix) => existsSync(join(folder, name + suffix)));
    if (!taken) return name;
  }
}

/** A name this module would give (same file, same reason, a time) that nothing has yet. */
export function isFreeKeptAsideName(dbPath: string, why: RestoreReason, name: string): boolean {
  const prefix = `${basename(dbPath)}.${REASON_WORD[why]}-`;
  if (!name.startsWith(prefix) || !/^\d{8}-\d{6}(-\d+)?$/.test(name.slice(prefix.length))) {
    return false;
  }
  const folder = dirname(dbPath);
  return !['', ...COMPANIONS].some((suffix) => existsSync(join(folder, name + suffix)));
}

export function restoreFromBackup(
  dbPath: string,
  backupPath: string,
  passphrase: string,
  now: Date,
  why: RestoreReason,
  options: RestoreOptions = {},
): RestoreResult {
  const afterStep = options.afterStep ?? (() => undefined);
  const folder = dirname(dbPath);

  // 0. The backup is checked before anything is touched: a bad one is refused with the
  //    reason and every file stays as it was.
  const check = checkBackup(backupPath, passphrase);
  if (!check.ok) {
    throw new AppError(
      'BACKUP_FAILED',
      `Säkerhetskopian kan inte användas: ${check.problem}. Ingenting har ändrats; välj en ` +
        'annan säkerhetskopia.',
    );
  }

  // 1. The backup is copied to a temporary name beside the database (same folder, so the
  //    final rename is atomic), flushed and checked again: a stick pulled mid-copy gives a
  //    short copy, found here. Crash here: the database is untouched; the leftover temporary
  //    file has a name nothing opens and is removed by the next restore.
  const temporary = dbPath + RESTORE_TEMPORARY_SUFFIX;
  for (const suffix of ['', ...COMPANIONS]) rmSync(temporary + suffix, { force: true });
  try {
    copyFileSync(backupPath, temporary);
    flushFile(temporary);
  } catch {
    rmSync(temporary, { force: true });
    throw new AppError(
      'BACKUP_FAILED',
      `Säkerhetskopian kunde inte kopieras till ${folder}. Ingenting har ändrats; kontrollera ` +
        'att det finns plats på datorn och försök igen.',
    );
  }
  const copied = checkBackup(temporary, passphrase);
  if (!copied.ok) {
    rmSync(temporary, { force: true });
    throw new AppError(
      'BACKUP_FAILED',
      `Kopian av säkerhetskopian blev inte hel (${copied.problem}). Ingenting har ändrats; ` +
        'försök igen.',
    );
  }
  afterStep('copied');

  // 2. The current file gets its kept-aside name as a second name (a hard link): the
  //    database's own name still holds it. Crash here: the old file is in place, whole,
  //    with its WAL; the kept-aside name is the same file (if the app then goes on with the
  //    old file, the kept-aside name follows its changes: it is still nothing lost, and a
  //    new restore keeps it aside again under a name of its own).
  const keptAsideName =
    options.keptAsideName && isFreeKeptAsideName(dbPath, why, options.keptAsideName)
      ? options.keptAsideName
      : freeKeptAsideName(dbPath, why, now);
  const keptAsidePath = join(folder, keptAsideName);
  const keptAside: string[] = [];
  if (existsSync(dbPath)) {
    keepCopy(dbPath, keptAsidePath);
    keptAside.push(keptAsideName);
  }
  flushFolder(folder);
  afterStep('linked');

  // 3. The WAL, shared-memory index and journal move to the kept-aside name's companions,
  //    where SQLite finds them when IT opens the kept-aside file. They must be gone before
  //    the backup takes the name: SQLite would replay an old WAL or journal into it, as
  //    nothing in them ties them to one database file. Crash here: the old file is in
  //    place, without the commits its WAL held (the normal restore has closed the database,
  //    which checkpoints them into the file first; a damaged one is damaged anyway); the
  //    kept-aside file has them all.
  for (const suffix of COMPANIONS) {
    if (existsSync(dbPath + suffix)) {
      renameSync(dbPath + suffix, keptAsidePath + suffix);
      keptAside.push(keptAsideName + suffix);
    }
  }
  flushFolder(folder);
  afterStep('companionsMoved');

  // 4. The checked copy takes the database's name in one atomic rename over the old name
  //    (whose file lives on as the kept-aside one). Crash before the folder is flushed: the
  //    name holds the old file or the new one, each whole.
  renameSync(temporary, dbPath);
  flushFolder(folder);
  afterStep('replaced');

  return { keptAsideName, keptAside, folder };
}

/**
 * A second name for the file without copying it; where the file system has no hard links
 * (FAT), a flushed copy that must not overwrite anything.
 */
function keepCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw error;
  }
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  flushFile(to);
}
