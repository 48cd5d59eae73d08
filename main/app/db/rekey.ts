import { AppError } from '../../../shared/result';
import { applyDurability, keyConnection } from './keying';
import { SqliteDriver, type SqliteConnection } from './sqlite';

/**
 * Proves a passphrase against the file with a separate connection that only reads.
 * Throws WRONG_PASSPHRASE if it does not open the file.
 */
export function verifyPassphrase(path: string, passphrase: string): void {
  const probe = new SqliteDriver(path, { fileMustExist: true });
  try {
    keyConnection(probe, passphrase);
  } finally {
    probe.close();
  }
}

/** The current passphrase, proven before anything is written; a wrong one at its field. */
export function proveCurrentPassphrase(path: string, current: string): void {
  try {
    verifyPassphrase(path, current);
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSPHRASE') {
      throw AppError.field('WRONG_PASSPHRASE', 'current', 'Nuvarande lösenfras är fel.');
    }
    throw error;
  }
}

/**
 * Re-encrypts the open database with a new passphrase; `onRekeyed` is called the moment
 * the new key is in force on disk, so the caller knows which passphrase opens the file
 * if a later step fails.
 *
 * Rekeying in WAL mode is unsupported and can corrupt the file silently, so the WAL
 * is checkpointed and the journal switched to DELETE first; the new key is proven
 * with a fresh connection before WAL is turned back on.
 */
export function rekeyDatabase(
  db: SqliteConnection,
  path: string,
  next: string,
  onRekeyed: () => void,
): void {
  const checkpoint = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (checkpoint[0]?.busy !== 0) {
    throw new AppError('CONFLICT', 'Databasen används just nu. Försök igen om en stund.');
  }
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') {
    throw new Error(`could not leave WAL mode before rekey (journal_mode=${String(mode)})`);
  }
  try {
    db.rekey(Buffer.from(next, 'utf8'));
    onRekeyed();
    verifyPassphrase(path, next);
  } finally {
    applyDurability(db);
  }
}
