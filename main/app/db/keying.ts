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

/** The page cache of an open unit, in KiB (negative: SQLite's unit for a size in KiB). */
const PAGE_CACHE_KIB = -32_000;
/** While a whole register is read once, front to back: caching it would only evict the rest. */
const SCAN_CACHE_KIB = -4_000;

/**
 * Runs a read of whole registers (an export) with a small page cache, then gives the cache
 * its size back: every page is read once, so keeping them buys nothing and costs the
 * memory a 100 000-row workbook needs (npm run bench: peak memory ≤ 300 MB).
 */
export async function scanWithSmallCache<T>(
  db: SqliteConnection,
  scan: () => Promise<T>,
): Promise<T> {
  db.pragma(`cache_size = ${SCAN_CACHE_KIB}`);
  try {
    return await scan();
  } finally {
    db.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
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
  // 32 MB of decrypted pages (SQLite's default is 2 MB; -N is KiB). A page pushed out of
  // the cache must be decrypted and authenticated again when next read, and written
  // encrypted when dirty: with 16 MB a bulk write into the indexes of a 100 000-record
  // unit (a transfer file read in) took 1.7–2 times as long as unencrypted, with 32 MB
  // 1.2–1.4 (npm run bench). Whole-register reads shrink it while they run (scanWithSmallCache).
  db.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
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
