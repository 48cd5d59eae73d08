import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/result';
import type { BackupFileInfo, BackupStatus } from '../../../shared/backup';
import type { SessionUser } from '../../../shared/contract';
import { recordAudit, type AuditEvent } from '../audit/auditLog';
import { connectionOf } from '../db/open';
import { findActiveOutage } from '../outages/outageService';
import type { AppState } from '../state';
import {
  deviceTagOf,
  folderProblem,
  listBackups,
  rotateBackups,
  writeBackup,
  type BackupFile,
} from './backupFiles';
import {
  defaultBackupFolder,
  readBackupSettings,
  saveBackupSettings,
  type BackupSettings,
} from './backupSettings';

/**
 * Making backups: when asked (by a person, the schedule, a sign-out, the quit or a low
 * battery), write one into the chosen folder, keep the newest K, and remember how it
 * went for the overview. Nothing here imports Electron; main/index.ts and main/power.ts
 * only decide when to call.
 *
 * What is audited: a backup a person asked for (who took a copy of the unit's records,
 * and where), every change of the settings (where copies go), and a failure (once per
 * run of the same failure, so a stick left out does not write an entry every ten
 * minutes). Not each automatic success: it goes only to the folder the enhetschef chose
 * (that choice is audited), is encrypted with the unit passphrase like the database
 * itself, and an entry every ten minutes of an outage would bury the log people read.
 *
 * better-sqlite3 is synchronous: the copy (VACUUM INTO) and its check hold main's thread.
 * Measured once on the shared two-core CI machine with a 100 000-record database (117 MB):
 * the copy 1.7–2.9 s; its check, once a full integrity_check of 6–8 s, is now a
 * quick_check of under a second (backupFiles.ts says why that is enough). `npm run bench`
 * measures the whole. A unit's usual database is a small fraction of that; if it ever
 * matters, the backup (its own read connection) is the part to move to a worker thread.
 */
export type BackupReason = 'manual' | 'scheduled' | 'signOut' | 'quit' | 'lowBattery';

export type BackupOutcome =
  | { kind: 'made'; file: BackupFile }
  | { kind: 'skipped'; why: 'locked' | 'unchanged' }
  | { kind: 'failed'; message: string };

interface Memory {
  lastSuccess: { file: BackupFile; folder: string; changes: number } | null;
  lastFailure: { at: Date; message: string } | null;
}

/**
 * Kept per running app, in memory: after a restart the folder itself says when the last
 * backup was made. A WeakMap so AppState needs no field for it and drops it with itself.
 */
const memories = new WeakMap<AppState, Memory>();
function memoryOf(state: AppState): Memory {
  let memory = memories.get(state);
  if (!memory) {
    memory = { lastSuccess: null, lastFailure: null };
    memories.set(state, memory);
  }
  return memory;
}

const unexpectedFailure =
  'Säkerhetskopian kunde inte göras på grund av ett oväntat fel. Försök igen eller kontakta IT.';

/**
 * Makes a backup now. Never throws for an automatic reason (a quit or a sign-out must go
 * on whatever happens to the stick): the outcome says how it went and the status shows
 * it. A manual backup throws the Swedish error, for the person who asked.
 */
export async function backupNow(
  state: AppState,
  reason: BackupReason,
  actor: SessionUser | null = null,
): Promise<BackupOutcome> {
  if (!state.isOpen) return { kind: 'skipped', why: 'locked' };
  const memory = memoryOf(state);
  const settings = readBackupSettings(state.dbPath);
  const at = state.now();
  let file: BackupFile;
  let changes: number;
  try {
    const connection = connectionOf(state.db());
    changes = totalChanges(state);
    const last = memory.lastSuccess;
    // Nothing written since the last copy, still in this folder: another would be the
    // same, and would push an older, different one out of the rotation. (A stick swapped
    // for an empty one at the same path no longer has it: then a copy is made.)
    if (
      reason !== 'manual' &&
      last &&
      last.folder === settings.folder &&
      last.changes === changes &&
      existsSync(last.file.path)
    ) {
      return { kind: 'skipped', why: 'unchanged' };
    }
    // Only the default folder is made when missing: a chosen one that is gone is a pulled
    // stick, and making it again would put the copies on the laptop's own disk.
    if (settings.folder !== defaultBackupFolder(state.dbPath) && !existsSync(settings.folder)) {
      throw new AppError('BACKUP_FOLDER_UNREACHABLE', folderProblem(settings.folder)!);
    }
    file = writeBackup(connection, settings.folder, state.unitPassphrase(), at);
  } catch (error) {
    // The copy read a damaged page of the database: the next open must check it in full.
    if (error instanceof AppError && error.code === 'CORRUPT') state.doubtIntegrity();
    const message = error instanceof AppError ? error.message : unexpectedFailure;
    const repeated = memory.lastFailure?.message === message;
    memory.lastFailure = { at, message };
    if (reason === 'manual' || !repeated) {
      await auditQuietly(state, {
        actor: actor ? { id: actor.id, fullName: actor.fullName } : null,
        at,
        action: 'backup.failed',
        entity: 'backup',
        entityId: null,
        after: { reason, folder: settings.folder, message },
      });
    }
    if (reason === 'manual')
      throw error instanceof AppError ? error : new AppError('BACKUP_FAILED', message);
    return { kind: 'failed', message };
  }
  try {
    rotateBackups(settings.folder, settings.keep, file.device);
  } catch {
    // The backup is written and checked; the old ones go at the next backup instead.
  }
  memory.lastFailure = null;
  if (reason === 'manual') {
    await auditQuietly(state, {
      actor: actor ? { id: actor.id, fullName: actor.fullName } : null,
      at,
      action: 'backup.make',
      entity: 'backup',
      entityId: file.name,
      after: { folder: settings.folder, fileName: file.name },
    });
    changes = totalChanges(state);
  }
  memory.lastSuccess = { file, folder: settings.folder, changes };
  return { kind: 'made', file };
}

/** The backup channel's answer: what the overview and the settings panel show. */
export async function backupStatus(state: AppState, now: Date): Promise<BackupStatus> {
  const settings = readBackupSettings(state.dbPath);
  const memory = memoryOf(state);
  const isDefaultFolder = settings.folder === defaultBackupFolder(state.dbPath);
  // The default folder is made with the first backup: not there yet is no problem.
  const problem =
    isDefaultFolder && !existsSync(settings.folder) ? null : folderProblem(settings.folder);
  let files: BackupFile[] = [];
  if (!problem && existsSync(settings.folder)) {
    try {
      files = listBackups(settings.folder, deviceTagOf(connectionOf(state.db())));
    } catch {
      // Gone between the check and the listing: shown as the problem below next time.
    }
  }
  // What this app made, unless it is gone from a folder still there (a stick swapped for
  // another). A pulled stick took it along: it was made, and the warning says where it is.
  const remembered =
    memory.lastSuccess &&
    memory.lastSuccess.folder === settings.folder &&
    (problem !== null || existsSync(memory.lastSuccess.file.path))
      ? memory.lastSuccess.file
      : null;
  const newest = [remembered, files[0] ?? null]
    .filter((file): file is BackupFile => file !== null)
    .sort((a, b) => b.madeAt.getTime() - a.madeAt.getTime())[0];
  const lastFailure =
    memory.lastFailure && (!newest || memory.lastFailure.at > newest.madeAt)
      ? { at: memory.lastFailure.at.toISOString(), message: memory.lastFailure.message }
      : null;
  const outage = await findActiveOutage(state.db(), now);
  return {
    settings,
    isDefaultFolder,
    folderProblem: problem,
    lastBackup: newest ? toInfo(newest) : null,
    lastFailure,
    latest: files.slice(0, 10).map(toInfo),
    count: files.length,
    outageWithoutBackup: outage
      ? outageWithoutBackup(new Date(outage.startsAt), newest?.madeAt ?? null, now)
      : false,
  };
}

/**
 * The schedule's first backup of an outage comes within its first minute; two minutes
 * without one means something is wrong (or the schedule is not running), worth a warning.
 */
export const OUTAGE_GRACE_MS = 2 * 60_000;
export function outageWithoutBackup(
  outageStart: Date,
  lastBackupAt: Date | null,
  now: Date,
): boolean {
  if (now.getTime() - outageStart.getTime() < OUTAGE_GRACE_MS) return false;
  return lastBackupAt === null || lastBackupAt < outageStart;
}

/**
 * Saves where backups go, how often and how many: the folder must be reachable now, so a
 * mistyped path is said at once and not at the next outage. Audited with before and after.
 */
export async function configureBackups(
  state: AppState,
  actor: SessionUser,
  settings: BackupSettings,
  now: Date,
): Promise<BackupStatus> {
  const problem = folderProblem(settings.folder);
  if (problem) {
    throw new AppError('VALIDATION', problem, { folder: problem });
  }
  const { device: _recorded, ...before } = readBackupSettings(state.dbPath);
  const device = deviceTagOf(connectionOf(state.db()));
  // The change and its entry together: the entry first (it can fail inside the
  // transaction), the file last, so a failed write leaves the old settings and no entry.
  await state.db().transaction(async (manager) => {
    await recordAudit(manager, {
      actor: { id: actor.id, fullName: actor.fullName },
      at: now,
      action: 'backup.configure',
      entity: 'backup',
      entityId: null,
      before,
      after: settings,
    });
    saveBackupSettings(state.dbPath, { ...settings, device });
  });
  return backupStatus(state, now);
}

function toInfo(file: BackupFile): BackupFileInfo {
  return { fileName: file.name, madeAt: file.madeAt.toISOString(), bytes: file.bytes };
}

/** Rows changed on this connection since it opened: unchanged means nothing new to copy. */
function totalChanges(state: AppState): number {
  const row = connectionOf(state.db()).prepare('SELECT total_changes() AS n').get() as {
    n: number;
  };
  return row.n;
}

/** An audit entry that must not stop a sign-out or quit if the database is going away. */
async function auditQuietly(state: AppState, event: AuditEvent): Promise<void> {
  if (!state.isOpen) return;
  try {
    await state.db().transaction((manager) => recordAudit(manager, event));
  } catch {
    // The status still shows the failure; the log entry is what is lost.
  }
}
