/**
 * SQLite's words for a database file that is damaged or cut short, as against one that
 * could not be read just now (busy, locked, an I/O hiccup on a stick): only these make a
 * file "damaged", which leads people to restore an older copy.
 */
const DAMAGE_CODES = /^(CORRUPT|SQLITE_CORRUPT.*|SQLITE_NOTADB|SQLITE_IOERR_SHORT_READ)$/;

export const isDamageCode = (code: string | undefined): boolean =>
  code !== undefined && DAMAGE_CODES.test(code);

export const isDamageError = (error: unknown): boolean =>
  isDamageCode((error as { code?: string } | null)?.code);
