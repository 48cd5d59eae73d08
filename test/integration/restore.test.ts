import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBackup } from '../../main/app/backup/backupFiles';
import { saveBackupSettings } from '../../main/app/backup/backupSettings';
import {
  keptAsideBaseName,
  restoreFromBackup,
  RESTORE_TEMPORARY_SUFFIX,
  type RestoreStep,
} from '../../main/app/backup/restore';
import { listAudit } from '../../main/app/audit/auditLog';
import { keyConnection } from '../../main/app/db/keying';
import { connectionOf, openUnitDatabase } from '../../main/app/db/open';
import { SqliteDriver } from '../../main/app/db/sqlite';
import type { Status } from '../../shared/contract';
import type { BackupList, RestoreDescription, StartupOffer } from '../../shared/restore';
import {
  CASE_WORKER,
  createTestApp,
  MANAGER,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from '../support/app';
import { snapshotFolder } from '../support/files';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

let app: TestApp;
let dir: string;
let cleanup: () => void;
let now: Date;
let dbPath: string;
let folder: string;
let stick: { dir: string; cleanup: () => void };

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  now = new Date('2026-11-23T09:00:00Z');
  app = createTestApp(dir, { clock: () => now });
  dbPath = app.state.dbPath;
  // The backup folder is elsewhere, as a USB stick would be.
  stick = makeTempDir();
  folder = stick.dir;
  saveBackupSettings(dbPath, { folder, intervalMinutes: 10, keep: 20 });
  await app.ok('unit.setup', SETUP);
  app.state.session.autoLockMinutes = 60 * 24;
  await app.ok('users.create', CASE_WORKER);
  await app.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
});
afterEach(async () => {
  await app.state.close();
  cleanup();
  stick.cleanup();
});

const addDecision = () => app.ok('decisions.create', sampleInput('decisions') as never);
const backupAt = (iso: string) =>
  writeBackup(connectionOf(app.state.db()), folder, PASSPHRASE, new Date(iso));
const decisionsIn = async (path: string): Promise<number> => {
  const ds = await openUnitDatabase(path, PASSPHRASE, { create: false });
  try {
    const [row] = (await ds.query('SELECT count(*) AS n FROM decisions')) as { n: number }[];
    return row!.n;
  } finally {
    await ds.destroy();
  }
};
const restart = async () => {
  await app.state.close();
  app = createTestApp(dir, { clock: () => now });
};
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 3);
  closeSync(fd);
}

describe('restoreFromBackup', () => {
  it('names what it keeps aside by reason and office time', () => {
    expect(keptAsideBaseName('/x/unit.db', 'damaged', new Date('2026-11-23T09:42:07Z'))).toBe(
      'unit.db.skadad-20261123-104207',
    );
    expect(keptAsideBaseName('/x/unit.db', 'replaced', new Date('2026-07-01T22:00:00Z'))).toBe(
      'unit.db.ersatt-20260702-000000',
    );
  });

  it('puts the backup in place and keeps the old file and its WAL aside, deleting nothing', async () => {
    await addDecision();
    const backup = backupAt('2026-11-23T09:10:00Z');
    await addDecision();
    // The WAL holds the second decision, as after a crash: both files go aside together.
    const oldBytes = readFileSync(dbPath);
    const oldWal = readFileSync(`${dbPath}-wal`);
    await restart();
    writeFileSync(dbPath, oldBytes);
    writeFileSync(`${dbPath}-wal`, oldWal);

    const result = restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'replaced');
    expect(result.keptAsideName).toBe('unit.db.ersatt-20261123-100000');
    expect(result.keptAside).toEqual([
      'unit.db.ersatt-20261123-100000',
      'unit.db.ersatt-20261123-100000-wal',
    ]);
    expect(readFileSync(join(dir, result.keptAsideName))).toEqual(oldBytes);
    expect(readFileSync(join(dir, `${result.keptAsideName}-wal`))).toEqual(oldWal);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(existsSync(dbPath + RESTORE_TEMPORARY_SUFFIX)).toBe(false);
    expect(await decisionsIn(dbPath)).toBe(1);
    // The kept-aside file opens with its WAL: nothing of it was lost.
    expect(await decisionsIn(join(dir, result.keptAsideName))).toBe(2);
    // A second restore in the same second keeps the first one's files.
    const again = restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'replaced');
    expect(again.keptAsideName).toBe('unit.db.ersatt-20261123-100000-2');
    expect(await decisionsIn(join(dir, result.keptAsideName))).toBe(2);
  });

  it('keeps aside under the name the confirmation showed, if still free and one it would give', async () => {
    const backup = backupAt('2026-11-23T09:10:00Z');
    await restart();
    const shown = 'unit.db.ersatt-20261123-095959';
    expect(
      restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'replaced', { keptAsideName: shown })
        .keptAsideName,
    ).toBe(shown);
    for (const other of [shown, '../unit.db.ersatt-20261123-095959', 'unit.db', 'x.skadad-1']) {
      const result = restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'replaced', {
        keptAsideName: other,
      });
      expect(result.keptAsideName).toMatch(/^unit\.db\.ersatt-20261123-100000(-\d+)?$/);
    }
  });

  it('refuses a bad backup and moves nothing', async () => {
    const backup = backupAt('2026-11-23T09:10:00Z');
    truncateSync(backup.path, 4096 * 2);
    await restart();
    const before = snapshotFolder(dir);
    expect(() => restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'damaged')).toThrow(
      /Säkerhetskopian kan inte användas: .*Ingenting har ändrats/,
    );
    expect(snapshotFolder(dir)).toEqual(before);
    expect(() =>
      restoreFromBackup(dbPath, backup.path, 'en helt annan fras', now, 'damaged'),
    ).toThrow(/öppnas inte med enhetens lösenfras/);
    expect(snapshotFolder(dir)).toEqual(before);
  });

  const steps: RestoreStep[] = ['copied', 'linked', 'companionsMoved', 'replaced'];
  for (const [index, stop] of steps.entries()) {
    it(`stopped after "${stop}" leaves a whole database in place and nothing lost`, async () => {
      await addDecision();
      const backup = backupAt('2026-11-23T09:10:00Z');
      await addDecision();
      await addDecision();
      await restart(); // closed: the old file holds 3 decisions by itself
      const oldBytes = readFileSync(dbPath);
      expect(() =>
        restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'damaged', {
          afterStep: (step) => {
            if (step === stop) throw new Error('power cut');
          },
        }),
      ).toThrow('power cut');
      const inPlace = await decisionsIn(dbPath);
      const aside = join(dir, 'unit.db.skadad-20261123-100000');
      if (index < steps.indexOf('replaced')) {
        expect(inPlace).toBe(3); // the old file, whole
      } else {
        expect(inPlace).toBe(1); // the backup
      }
      if (index >= steps.indexOf('linked')) expect(readFileSync(aside)).toEqual(oldBytes);
      else expect(existsSync(aside)).toBe(false);
      // The next restore finishes the job over a leftover temporary copy.
      const finished = restoreFromBackup(dbPath, backup.path, PASSPHRASE, now, 'damaged');
      expect(await decisionsIn(dbPath)).toBe(1);
      expect(existsSync(dbPath + RESTORE_TEMPORARY_SUFFIX)).toBe(false);
      expect(readdirSync(dir).filter((name) => name.includes('.skadad-')).length).toBeGreaterThan(
        0,
      );
      expect(finished.keptAside.length).toBeGreaterThan(0);
    });
  }
});

describe('the startup offer when the database is damaged', () => {
  it('offers the latest good backup, skipping a damaged newer one, then restores, opens and audits', async () => {
    await addDecision();
    const good = backupAt('2026-11-23T09:10:00Z');
    await addDecision();
    const damaged = backupAt('2026-11-23T09:20:00Z');
    truncateSync(damaged.path, 4096 * 3);
    await restart();
    damage(dbPath);
    const damagedBytes = readFileSync(dbPath);

    const unlock = await app.call('unit.unlock', { passphrase: PASSPHRASE });
    expect(unlock).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });

    const offer = (await app.ok('restore.offer', { passphrase: PASSPHRASE })) as StartupOffer;
    expect(offer.offer).toMatchObject({ name: good.name, madeAt: '2026-11-23T09:10:00.000Z' });
    expect(offer.skipped).toEqual([
      expect.objectContaining({
        name: damaged.name,
        problem: 'filen är skadad eller ofullständig',
      }),
    ]);
    expect(offer.keptAsideName).toBe('unit.db.skadad-20261123-100000');
    expect(offer.damage).toMatch(/skadad/);
    // Asking changed nothing.
    expect(readFileSync(dbPath)).toEqual(damagedBytes);

    const status = (await app.ok('restore.atStartup', {
      passphrase: PASSPHRASE,
      backupName: good.name,
    })) as Status;
    expect(status.phase).toBe('signedOut');
    expect(readFileSync(join(dir, offer.keptAsideName))).toEqual(damagedBytes);
    await app.ok('session.signIn', { username: MANAGER.username, password: MANAGER.password });
    const list = (await app.ok('decisions.list', { offset: 0, limit: 10 } as never)) as {
      total: number;
    };
    expect(list.total).toBe(1);
    const entry = (await listAudit(app.state.db(), 0, 50)).entries.find(
      (e) => e.action === 'restore.afterDamage',
    );
    expect(entry?.after).toMatchObject({
      backup: good.name,
      backupMadeAt: '2026-11-23T09:10:00.000Z',
      keptAside: [offer.keptAsideName],
    });
  });

  it('says there is no good backup, and changes nothing', async () => {
    const only = backupAt('2026-11-23T09:10:00Z');
    truncateSync(only.path, 4096);
    await restart();
    truncateSync(dbPath, 0);
    const offer = (await app.ok('restore.offer', { passphrase: PASSPHRASE })) as StartupOffer;
    expect(offer.offer).toBeNull();
    expect(offer.skipped).toHaveLength(1);
    expect(readFileSync(dbPath).length).toBe(0);
  });

  it('stops at a backup that cannot be read just now, rather than offer an older one', async () => {
    await addDecision();
    backupAt('2026-11-23T09:10:00Z');
    await addDecision();
    const newest = backupAt('2026-11-23T09:20:00Z');
    await restart();
    damage(dbPath);
    // Another program holds the newest copy locked: not damaged, only not readable now.
    const holder = new SqliteDriver(newest.path, { fileMustExist: true });
    keyConnection(holder, PASSPHRASE);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const offer = (await app.ok('restore.offer', { passphrase: PASSPHRASE })) as StartupOffer;
      expect(offer.offer).toBeNull();
      expect(offer.skipped).toEqual([]);
      expect(offer.folderProblem).toBe(
        'Säkerhetskopian från 2026-11-23 10:20 kunde inte läsas just nu. Kontrollera att ' +
          'USB-minnet sitter i ordentligt och försök igen.',
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Released, the same newest copy is offered.
    const offer = (await app.ok('restore.offer', { passphrase: PASSPHRASE })) as StartupOffer;
    expect(offer.offer).toMatchObject({ name: newest.name });
  });

  it('counts a passphrase that opens no backup with the unlocks, and keeps the tries for the log', async () => {
    backupAt('2026-11-23T09:10:00Z');
    await restart();
    truncateSync(dbPath, 0);
    for (let i = 0; i < 3; i++) {
      const wrong = await app.call('restore.offer', { passphrase: 'fel fel fel fel' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    // The same count as the unlock: a wait has begun for both.
    const waiting = await app.call('unit.unlock', { passphrase: PASSPHRASE });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    expect(app.state.pendingUnlockAudit.map((e) => e.action)).toEqual([
      'restore.passphraseFailed',
      'restore.passphraseFailed',
      'restore.passphraseFailed',
      'unit.unlockThrottled',
    ]);
  });

  it('is refused for a healthy database, which the unlock opens', async () => {
    backupAt('2026-11-23T09:10:00Z');
    await restart();
    const refused = await app.call('restore.offer', { passphrase: PASSPHRASE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const wrong = await app.call('restore.offer', { passphrase: 'fel fel fel fel' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });
});

describe('restoring from Inställningar', () => {
  it('describes, then replaces the database with the backup, keeps the old aside, audits and signs out', async () => {
    await addDecision();
    const backup = backupAt('2026-11-23T09:10:00Z');
    now = new Date('2026-11-23T09:30:00Z');
    await addDecision();
    await addDecision();

    const list = (await app.ok('restore.list')) as BackupList;
    expect(list).toMatchObject({ folder, folderProblem: null, backups: [{ name: backup.name }] });
    const description = (await app.ok('restore.describe', {
      backupName: backup.name,
    })) as RestoreDescription;
    expect(description.current.lastChangeAt).toBe('2026-11-23T09:30:00.000Z');
    expect(description.current.counts).toContainEqual({ register: 'decisions', count: 3 });
    expect(description.backup.counts).toContainEqual({ register: 'decisions', count: 1 });
    expect(description.backup.problem).toBeNull();
    expect(description.keptAsideName).toBe('unit.db.ersatt-20261123-103000');

    const wrong = await app.call('restore.run', { backupName: backup.name, passphrase: 'fel fel' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { passphrase: 'Fel lösenfras.' } },
    });
    const status = (await app.ok('restore.run', {
      backupName: backup.name,
      passphrase: PASSPHRASE,
    })) as Status;
    expect(status).toMatchObject({ phase: 'signedOut', signedOutReason: 'restored' });
    expect(await decisionsIn(join(dir, description.keptAsideName))).toBe(3);

    await app.ok('session.signIn', { username: MANAGER.username, password: MANAGER.password });
    const decisions = (await app.ok('decisions.list', { offset: 0, limit: 10 } as never)) as {
      total: number;
    };
    expect(decisions.total).toBe(1);
    const actions = (await listAudit(app.state.db(), 0, 50)).entries.map((e) => e.action);
    expect(actions).toContain('restore.replaced');
    // The wrong try was written in the file that was replaced, which keeps it.
    expect(actions).not.toContain('restore.passphraseFailed');
    const entry = (await listAudit(app.state.db(), 0, 50)).entries.find(
      (e) => e.action === 'restore.replaced',
    );
    expect(entry).toMatchObject({ actorName: MANAGER.fullName });
    expect(entry?.after).toMatchObject({
      backup: backup.name,
      backupMadeAt: '2026-11-23T09:10:00.000Z',
      keptAside: [description.keptAsideName],
    });
  });

  it('refuses a backup that does not pass its check and leaves the open database as it was', async () => {
    await addDecision();
    const backup = backupAt('2026-11-23T09:10:00Z');
    damage(backup.path);
    const result = await app.call('restore.run', {
      backupName: backup.name,
      passphrase: PASSPHRASE,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED' } });
    expect(readdirSync(dir).some((name) => name.includes('.ersatt-'))).toBe(false);
    expect(app.state.isOpen).toBe(true);
    const description = (await app.ok('restore.describe', {
      backupName: backup.name,
    })) as RestoreDescription;
    expect(description.backup.counts).toBeNull();
    expect(description.backup.problem).toMatch(/skadad/);
  });

  it('is the enhetschef’s alone', async () => {
    const backup = backupAt('2026-11-23T09:10:00Z');
    await app.signInAs('kalle');
    for (const [channel, input] of [
      ['restore.list', undefined],
      ['restore.describe', { backupName: backup.name }],
      ['restore.run', { backupName: backup.name, passphrase: PASSPHRASE }],
    ] as const) {
      const result = await app.call(channel, input as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(readdirSync(dir).some((name) => name.includes('.ersatt-'))).toBe(false);
  });

  it('only knows backups in the folder, by name', async () => {
    const result = await app.call('restore.describe', { backupName: '../unit.db' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
