import { AppError } from '../../../shared/result';
import type { SqliteConnection } from './sqlite';

/**
 * Keys a fresh connection in SQLCipher 4 format and proves the key with a read.
 *
 * Order matters (see shared PITFALLS): the library's default cipher is ChaCha20, so
 * `cipher` and `legacy` must be set before `key`, or the file is written in a format
 * that SQLCipher tools cannot read. A wrong key raises nothing until the first read,
 * so the read comes before anything that could write (journal_mode, migrations).
 */
export function keyConnection(db: SqliteConnection, passphrase: string): void {
  applyCipher(db);
  db.key(Buffer.from(passphrase, 'utf8'));
  proveKey(db);
  // Every keyed connection, read-only checks of backups included: this build spills sorts
  // and temporary tables to unencrypted files by default (see applyDurability).
  db.pragma('temp_store = MEMORY');
}

export function applyCipher(db: SqliteConnection): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

export function proveKey(db: SqliteConnection): void {
  try {
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } catch (error) {
    throw toOpenError(error);
  }
}

/**
 * WAL for crash safety with concurrent readers; FULL because this build defaults WAL
 * to NORMAL, which can lose a committed transaction at power loss.
 */
export function applyDurability(db: SqliteConnection): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, expected wal`);
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`synchronous is ${String(synchronous)}, expected 2`);
  // Memory-mapped I/O bypasses the cipher layer.
  db.pragma('mmap_size = 0');
  // This build spills sorts and temporary tables to files by default (SQLITE_TEMP_STORE=1),
  // and the cipher does not cover them: a large sort, an index build or a VACUUM would leave
  // client names in plain text in the temp folder. Keep them in memory.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
}

/** Turns SQLite's open-time failures into the distinct startup errors the UI explains. */
export function toOpenError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') {
    return new AppError(
      'WRONG_PASSPHRASE',
      'Fel lösenfras. Databasen har inte öppnats och ingenting har ändrats i filen.',
      { passphrase: 'Fel lösenfras.' },
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB') {
    return corruptError();
  }
  return error;
}

export function corruptError(detail?: string): AppError {
  return new AppError(
    'CORRUPT',
    'Databasfilen är skadad och kan inte öppnas säkert. Ingenting har raderats. ' +
      'Kontakta IT och återställ från den senaste säkerhetskopian.' +
      (detail ? ` (${detail})` : ''),
  );
}
