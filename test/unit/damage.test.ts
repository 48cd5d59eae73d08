import { describe, expect, it } from 'vitest';
import { isDamageCode, isDamageError } from '../../main/app/db/damage';

describe('what makes a database file damaged', () => {
  it('is SQLite saying so, or a file cut short', () => {
    for (const code of [
      'CORRUPT',
      'SQLITE_CORRUPT',
      'SQLITE_CORRUPT_VTAB',
      'SQLITE_CORRUPT_INDEX',
      'SQLITE_NOTADB',
      'SQLITE_IOERR_SHORT_READ',
    ]) {
      expect(isDamageCode(code), code).toBe(true);
    }
  });

  it('is not a file that could not be read just now', () => {
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_LOCKED',
      'SQLITE_IOERR',
      'SQLITE_IOERR_READ',
      'SQLITE_CANTOPEN',
      'EIO',
      'EBUSY',
      'EPERM',
      undefined,
    ]) {
      expect(isDamageCode(code), String(code)).toBe(false);
    }
    expect(isDamageError(null)).toBe(false);
    expect(isDamageError(new Error('x'))).toBe(false);
    expect(isDamageError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
  });
});
