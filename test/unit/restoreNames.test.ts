import { describe, expect, it } from 'vitest';
import { keptAsideBaseName } from '../../main/app/backup/restore';
import { restoreRunInput, startupRestoreInput } from '../../shared/restore';

describe('the kept-aside name of a replaced database', () => {
  it('says why and when, in office time, winter and summer', () => {
    expect(keptAsideBaseName('/d/unit.db', 'damaged', new Date('2026-11-23T09:42:07.900Z'))).toBe(
      'unit.db.skadad-20261123-104207',
    );
    expect(keptAsideBaseName('/d/unit.db', 'replaced', new Date('2026-06-30T22:15:00Z'))).toBe(
      'unit.db.ersatt-20260701-001500',
    );
  });

  it('keeps the database file name whole, so IT sees what it was', () => {
    expect(
      keptAsideBaseName(
        '/data/Reservpärm/reservparm.db',
        'damaged',
        new Date('2026-01-01T00:00:00Z'),
      ),
    ).toMatch(/^reservparm\.db\.skadad-20260101-010000$/);
  });
});

describe('the restore inputs', () => {
  it('want a backup chosen and the passphrase typed, in Swedish', () => {
    const empty = restoreRunInput.safeParse({ backupName: ' ', passphrase: '' });
    expect(empty.success).toBe(false);
    const messages = empty.error!.issues.map((issue) => issue.message);
    expect(messages).toContain('Välj en säkerhetskopia.');
    expect(messages).toContain('Ange enhetens lösenfras.');
  });

  it('take the shown kept-aside name only as a bounded string', () => {
    const base = { passphrase: 'p', backupName: 'b' };
    expect(startupRestoreInput.safeParse(base).success).toBe(true);
    expect(startupRestoreInput.safeParse({ ...base, keptAsideName: 'x'.repeat(201) }).success).toBe(
      false,
    );
    expect(startupRestoreInput.safeParse({ ...base, keptAsideName: 7 }).success).toBe(false);
  });
});
