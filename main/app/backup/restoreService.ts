import type { DataSource } from 'typeorm';
import type { SessionUser, Status } from '../../../shared/contract';
import type { ParsedInput } from '../../../shared/contract';
import { registers, registerKeys } from '../../../shared/registers';
import type {
  BackupChoice,
  BackupList,
  RecordCounts,
  RestoreDescription,
  StartupOffer,
} from '../../../shared/restore';
import { AppError } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import { recordAudit } from '../audit/auditLog';
import { keyConnection } from '../db/keying';
import { connectionOf, openUnitDatabase, probeExisting } from '../db/open';
import { verifyPassphrase } from '../db/rekey';
import { SqliteDriver, type SqliteConnection } from '../db/sqlite';
import { tableOf } from '../registers/table';
import type { AppState } from '../state';
import { buildStatus } from '../status';
import { getUnit, unitPassphraseAttempt, unlockUnit } from '../unit/unitService';
import { checkBackup, deviceTagOf, listBackups, type BackupFile } from './backupFiles';
import { readBackupSettings } from './backupSettings';
import { freeKeptAsideName, restoreFromBackup } from './restore';
import { dirname } from 'node:path';

/**
 * Restoring the unit database from a backup, the two ways a person gets there: the
 * unlock screen when the file is damaged (before anyone is signed in: the typed unit
 * passphrase is the only proof, so every try counts with the unlocks), and Inställningar
 * for the enhetschef, who replaces a healthy database with an older state.
 */

const WRONG_KEY_PROBLEM = 'den öppnas inte med enhetens lösenfras';

function toChoice(backup: BackupFile): BackupChoice {
  return { name: backup.name, madeAt: backup.madeAt.toISOString(), bytes: backup.bytes };
}

/**
 * This computer's tag in backup names: from the open database, or, when it cannot be
 * opened, as recorded beside it with the first backup ('' when none was ever made, which
 * matches no backup: another computer's copy is never offered in its place).
 */
function thisDevice(state: AppState): string {
  if (state.isOpen) return deviceTagOf(connectionOf(state.db()));
  return readBackupSettings(state.dbPath).device ?? '';
}

/** The backup of that name in the unit's backup folder: never a path from the renderer. */
function findBackup(state: AppState, name: string): BackupFile {
  const folder = readBackupSettings(state.dbPath).folder;
  const found = listBackups(folder, thisDevice(state)).find((b) => b.name === name);
  if (!found) {
    throw new AppError(
      'NOT_FOUND',
      'Säkerhetskopian finns inte längre i mappen. Kontrollera att USB-minnet sitter i och ' +
        'välj igen.',
    );
  }
  return found;
}

/**
 * Whether the database is damaged, found out without writing to it: the restore before
 * sign-in is only for a damaged file. A wrong passphrase passes through (and is counted);
 * a healthy file is refused, as the unlock opens it.
 */
function damageOf(state: AppState, passphrase: string): string {
  try {
    probeExisting(state.dbPath, passphrase);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CORRUPT') return error.message;
    throw error;
  }
  throw new AppError(
    'CONFLICT',
    'Databasen är inte skadad och öppnas med lösenfrasen. Lås upp den som vanligt.',
  );
}

/**
 * Before any try is counted: an open database (or none at all) has nothing to restore at
 * the unlock screen, and a refusal then must not write to the open file.
 */
function requireLockedUnit(state: AppState): void {
  if (state.isOpen) {
    throw new AppError('CONFLICT', 'Databasen är redan öppen. Logga in som vanligt.');
  }
  if (!state.isSetUp) throw new AppError('NOT_SETUP', 'Enheten är inte upprättad ännu.');
}

/** A try of the unit passphrase, counted with the unlocks. */
function withPassphrase<T>(
  state: AppState,
  actor: SessionUser | null,
  attempt: () => Promise<T> | T,
): Promise<T> {
  return unitPassphraseAttempt(
    state,
    { actor, entity: 'unit', entityId: '1' },
    { failed: 'restore.passphraseFailed', throttled: 'restore.passphraseThrottled' },
    attempt,
  );
}

function wrongPassphrase(message: string): AppError {
  return new AppError('WRONG_PASSPHRASE', message, { passphrase: 'Fel lösenfras.' });
}

/**
 * The unlock screen's offer: the newest backup that opens with the typed passphrase and
 * passes its full check, with the newer ones passed over and why. A passphrase that opens
 * none of the backups, when some were refused for their key, counts as a wrong one.
 */
export async function startupOffer(state: AppState, passphrase: string): Promise<StartupOffer> {
  requireLockedUnit(state);
  return await withPassphrase(state, null, () => {
    const damage = damageOf(state, passphrase);
    const backupFolder = readBackupSettings(state.dbPath).folder;
    const base = {
      damage,
      databaseFolder: dirname(state.dbPath),
      keptAsideName: freeKeptAsideName(state.dbPath, 'damaged', state.now()),
      backupFolder,
    };
    let backups: BackupFile[];
    try {
      backups = listBackups(backupFolder, thisDevice(state));
    } catch (error) {
      const message = error instanceof AppError ? error.message : String(error);
      return { ...base, offer: null, skipped: [], folderProblem: message };
    }
    const skipped: StartupOffer['skipped'] = [];
    for (const backup of backups) {
      const check = checkBackup(backup.path, passphrase, backup.device);
      if (check.ok) return { ...base, offer: toChoice(backup), skipped, folderProblem: null };
      if (check.unreadable) {
        // Not damaged, just not readable now: offering an older one would lose what this
        // one holds. The person tries again (the stick reseated, another program closed).
        return {
          ...base,
          offer: null,
          skipped,
          folderProblem:
            `Säkerhetskopian från ${formatDateTime(backup.madeAt)} kunde inte läsas just nu. ` +
            'Kontrollera att USB-minnet sitter i ordentligt och försök igen.',
        };
      }
      skipped.push({ ...toChoice(backup), problem: check.problem });
    }
    if (skipped.length > 0 && skipped.every((s) => s.problem === WRONG_KEY_PROBLEM)) {
      throw wrongPassphrase(
        'Fel lösenfras: ingen av säkerhetskopiorna öppnas med den. Ingenting har ändrats.',
      );
    }
    return { ...base, offer: null, skipped, folderProblem: null };
  });
}

/**
 * Restores the damaged database from the chosen backup, then unlocks it and writes into
 * the restored file which file was kept aside and which backup took its place.
 */
export async function restoreAtStartup(
  state: AppState,
  input: ParsedInput<'restore.atStartup'>,
): Promise<Status> {
  const { passphrase, backupName, keptAsideName } = input;
  requireLockedUnit(state);
  const restored = await withPassphrase(state, null, () => {
    const damage = damageOf(state, passphrase);
    const backup = findBackup(state, backupName);
    const check = checkBackup(backup.path, passphrase, backup.device);
    if (!check.ok && check.problem === WRONG_KEY_PROBLEM) {
      throw wrongPassphrase('Fel lösenfras: säkerhetskopian öppnas inte med den.');
    }
    const result = restoreFromBackup(
      state.dbPath,
      backup.path,
      passphrase,
      state.now(),
      'damaged',
      {
        keptAsideName,
      },
    );
    return { ...result, backup, damage };
  });
  await unlockUnit(state, passphrase);
  const dataSource = state.db();
  await dataSource.transaction((em) =>
    recordAudit(em, {
      actor: null,
      at: state.now(),
      action: 'restore.afterDamage',
      entity: 'unit',
      entityId: '1',
      after: {
        backup: restored.backup.name,
        backupMadeAt: restored.backup.madeAt.toISOString(),
        keptAside: restored.keptAside,
        folder: restored.folder,
        damage: restored.damage,
      },
    }),
  );
  return buildStatus(state);
}

/** The backups in the unit's folder, newest first; an unreachable folder says why. */
export function listForRestore(state: AppState): BackupList {
  const folder = readBackupSettings(state.dbPath).folder;
  try {
    return {
      folder,
      folderProblem: null,
      backups: listBackups(folder, thisDevice(state)).map(toChoice),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { folder, folderProblem: error.message, backups: [] };
  }
}

/** Records per register, counted on any keyed connection (the open file or a backup). */
export function countRecords(db: SqliteConnection): RecordCounts {
  return registerKeys.map((register) => ({
    register,
    count: (
      db.prepare(`SELECT count(*) AS n FROM ${tableOf(registers[register])}`).get() as {
        n: number;
      }
    ).n,
  }));
}

/** Signing in and out, printing and exporting change nothing that a restore would lose. */
function lastChangeAt(dataSource: DataSource): string | null {
  const row = connectionOf(dataSource)
    .prepare(
      `SELECT max(at) AS at FROM audit_log
       WHERE action NOT LIKE 'session.%' AND action NOT LIKE 'print.%'
         AND action NOT LIKE 'export.%' AND action NOT LIKE 'access.%'
         AND action NOT LIKE 'unit.unlock%'`,
    )
    .get() as { at: string | null };
  return row.at;
}

/** Counts in a backup, read-only with the unit passphrase: the backup file is not changed. */
function countBackup(path: string, passphrase: string): RecordCounts {
  const db = new SqliteDriver(path, { readonly: true, fileMustExist: true });
  try {
    keyConnection(db, passphrase);
    return countRecords(db);
  } finally {
    db.close();
  }
}

/** For the confirmation: what is in the database now, what is in the backup, what goes. */
export function describeRestore(state: AppState, backupName: string): RestoreDescription {
  const dataSource = state.db();
  const backup = findBackup(state, backupName);
  const passphrase = state.unitPassphrase();
  const check = checkBackup(backup.path, passphrase, backup.device);
  let counts: RecordCounts | null = null;
  let problem: string | null = null;
  if (check.ok) counts = countBackup(backup.path, passphrase);
  else problem = `Säkerhetskopian kan inte användas: ${check.problem}.`;
  return {
    current: {
      lastChangeAt: lastChangeAt(dataSource),
      counts: countRecords(connectionOf(dataSource)),
    },
    backup: { ...toChoice(backup), counts, problem },
    databaseFolder: dirname(state.dbPath),
    keptAsideName: freeKeptAsideName(state.dbPath, 'replaced', state.now()),
  };
}

/**
 * The enhetschef replaces the database with a backup: the typed unit passphrase is proven
 * against the open file (counted with the unlocks), the backup checked, the database
 * closed and everyone signed out, the backup put in place with the old file kept aside,
 * the restored file opened and the restore audited in it. The sign-in screen says why.
 */
export async function restoreReplacing(
  state: AppState,
  actor: SessionUser,
  input: ParsedInput<'restore.run'>,
): Promise<Status> {
  const { passphrase, backupName, keptAsideName } = input;
  state.db();
  const now = state.now();
  // The backup is found before the passphrase is tried: a name that is not there costs no try.
  const backup = findBackup(state, backupName);
  await withPassphrase(state, actor, () => verifyPassphrase(state.dbPath, passphrase));
  const check = checkBackup(backup.path, passphrase, backup.device);
  if (!check.ok) {
    throw new AppError(
      'BACKUP_FAILED',
      `Säkerhetskopian kan inte användas: ${check.problem}. Ingenting har ändrats; välj en ` +
        'annan säkerhetskopia.',
    );
  }

  // Closing checkpoints the WAL into the file, so the kept-aside file is whole by itself.
  await state.close();
  let restored;
  try {
    restored = restoreFromBackup(state.dbPath, backup.path, passphrase, now, 'replaced', {
      keptAsideName,
    });
  } catch (error) {
    // The old file is still in place (restore.ts): open it again as it was.
    await reopen(state, passphrase);
    throw error;
  }
  const opened = await reopen(state, passphrase);
  // The person may not exist in the older copy (the log's actor must be a user there).
  const known = (await opened.query('SELECT 1 FROM users WHERE id = ?', [actor.id])) as unknown[];
  await opened.transaction((em) =>
    recordAudit(em, {
      actor: known.length > 0 ? actor : null,
      at: state.now(),
      action: 'restore.replaced',
      entity: 'unit',
      entityId: '1',
      after: {
        by: actor.fullName,
        backup: backup.name,
        backupMadeAt: backup.madeAt.toISOString(),
        keptAside: restored.keptAside,
        folder: restored.folder,
      },
    }),
  );
  state.session.signOut('restored');
  return buildStatus(state);
}

async function reopen(state: AppState, passphrase: string): Promise<DataSource> {
  const dataSource = await openUnitDatabase(state.dbPath, passphrase, { create: false });
  try {
    state.session.autoLockMinutes = (await getUnit(dataSource)).autoLockMinutes;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  state.attach(dataSource, passphrase);
  return dataSource;
}
