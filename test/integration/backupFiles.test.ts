import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupName,
  checkBackup,
  listBackups,
  deviceTagOf,
  parseBackupName,
  rotateBackups,
  writeBackup,
} from '../../main/app/backup/backupFiles';
import {
  defaultBackupSettings,
  readBackupSettings,
  recordThisDevice,
  saveBackupSettings,
} from '../../main/app/backup/backupSettings';
import { connectionOf } from '../../main/app/db/open';
import { AppError } from '../../shared/result';
import { CASE_WORKER, createTestApp, PASSPHRASE, SETUP, type TestApp } from '../support/app';
import { readWithSqlcipher } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

let app: TestApp;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  app = createTestApp(dir);
  await app.ok('unit.setup', SETUP);
  await app.ok('users.create', { ...CASE_WORKER, fullName: 'Łukasz Wołek' });
});
afterEach(async () => {
  await app.state.close();
  cleanup();
});

const connection = () => connectionOf(app.state.db());
const at = (iso: string) => new Date(iso);

describe('a backup file', () => {
  it('is encrypted with the unit passphrase, readable by official SQLCipher 4, and checked', async () => {
    const folder = join(dir, 'stick');
    const backup = writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T09:42:00.123Z'));

    const device = deviceTagOf(connection());
    expect(device).toMatch(/^[0-9a-f]{8}$/);
    expect(backup.name).toBe(`Reservparm-sakerhetskopia-${device}-20261123-094200123Z.db`);
    expect(readdirSync(folder)).toEqual([backup.name]);
    expect(checkBackup(backup.path, PASSPHRASE)).toEqual({ ok: true });
    const bytes = readFileSync(backup.path);
    expect(bytes.includes(Buffer.from('Wołek'))).toBe(false);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    const rows = await readWithSqlcipher(backup.path, PASSPHRASE, 'SELECT full_name FROM users');
    expect(rows).toContainEqual({ full_name: 'Łukasz Wołek' });
  });

  it('is refused by the check when keyed otherwise, cut short or not ours', () => {
    const folder = join(dir, 'stick');
    const backup = writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T09:42:00.000Z'));
    expect(checkBackup(backup.path, 'en annan fras')).toEqual({
      ok: false,
      problem: 'den öppnas inte med enhetens lösenfras',
    });
    const size = readFileSync(backup.path).length;
    truncateSync(backup.path, Math.floor(size / 2));
    expect(checkBackup(backup.path, PASSPHRASE).ok).toBe(false);
    const stranger = join(folder, 'annan.db');
    writeFileSync(stranger, 'inte en databas');
    expect(checkBackup(stranger, PASSPHRASE).ok).toBe(false);
  });

  it('is listed newest first by the time in its name; leftovers of an interrupted one are not backups', () => {
    const folder = join(dir, 'stick');
    writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T09:00:00.000Z'));
    writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T11:00:00.000Z'));
    writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T10:00:00.000Z'));
    // What a power cut during a backup leaves: a hidden partial file.
    const leftover = `.${backupName(at('2026-11-23T12:00:00.000Z'), deviceTagOf(connection()))}.partial`;
    writeFileSync(join(folder, leftover), 'halvfärdig');
    writeFileSync(join(folder, `${leftover}-journal`), 'halvfärdig');
    writeFileSync(join(folder, 'anteckningar.txt'), 'annat');

    expect(listBackups(folder).map((b) => b.madeAt.toISOString())).toEqual([
      '2026-11-23T11:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T09:00:00.000Z',
    ]);
    // Another computer's copy in progress on the same stick.
    const theirs = `.${backupName(at('2026-11-23T12:30:00.000Z'), 'ffffffff')}.partial`;
    writeFileSync(join(folder, theirs), 'skrivs just nu');
    // The next backup clears the leftover; other files, and the other computer's, are left.
    writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T13:00:00.000Z'));
    expect(readdirSync(folder)).not.toContain(leftover);
    expect(readdirSync(folder)).not.toContain(`${leftover}-journal`);
    expect(readdirSync(folder)).toContain('anteckningar.txt');
    expect(readdirSync(folder)).toContain(theirs);
  });

  it('rotation keeps the newest K and nothing else of the folder is touched', () => {
    const folder = join(dir, 'stick');
    for (let hour = 0; hour < 5; hour++) {
      writeBackup(connection(), folder, PASSPHRASE, at(`2026-11-23T0${hour}:00:00.000Z`));
    }
    writeFileSync(join(folder, 'anteckningar.txt'), 'annat');
    const removed = rotateBackups(folder, 2, deviceTagOf(connection()));
    expect(removed).toHaveLength(3);
    expect(listBackups(folder).map((b) => b.madeAt.toISOString())).toEqual([
      '2026-11-23T04:00:00.000Z',
      '2026-11-23T03:00:00.000Z',
    ]);
    expect(readdirSync(folder)).toContain('anteckningar.txt');
  });

  it('to a folder that cannot be reached says so in Swedish and leaves nothing', () => {
    const notAFolder = join(dir, 'fil');
    writeFileSync(notAFolder, 'x');
    const folder = join(notAFolder, 'stick');
    const attempt = () => writeBackup(connection(), folder, PASSPHRASE, new Date(0));
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/Mappen för säkerhetskopior går inte att nå/);
    expect(() => listBackups(folder)).toThrow(/Sätt i USB-minnet/);
  });

  it('names round-trip and a stranger name is no backup', () => {
    const madeAt = at('2026-03-29T01:59:59.999Z');
    expect(parseBackupName(backupName(madeAt, '0a1b2c3d'))).toEqual({ device: '0a1b2c3d', madeAt });
    expect(parseBackupName('Reservparm-sakerhetskopia-0a1b2c3d-20261399-000000000Z.db')).toBeNull();
    expect(parseBackupName('Reservparm-sakerhetskopia-20261123-000000000Z.db')).toBeNull();
    expect(parseBackupName('unit.db')).toBeNull();
  });

  it("another computer's backups in the same folder are neither listed, rotated nor accepted as this one's", async () => {
    const folder = join(dir, 'stick');
    // A laptop of the same unit (same passphrase) backing up to the same stick.
    const laptop = makeTempDir();
    const other = createTestApp(laptop.dir);
    try {
      await other.ok('unit.setup', SETUP);
      const theirs = writeBackup(
        connectionOf(other.state.db()),
        folder,
        PASSPHRASE,
        at('2026-11-23T12:00:00.000Z'),
      );
      for (let hour = 0; hour < 3; hour++) {
        writeBackup(connection(), folder, PASSPHRASE, at(`2026-11-23T0${hour}:00:00.000Z`));
      }
      const ours = deviceTagOf(connection());
      expect(theirs.device).not.toBe(ours);
      expect(listBackups(folder, ours)).toHaveLength(3);
      expect(listBackups(folder)).toHaveLength(4);
      rotateBackups(folder, 1, ours);
      expect(listBackups(folder, ours)).toHaveLength(1);
      expect(listBackups(folder, theirs.device).map((b) => b.name)).toEqual([theirs.name]);
      // Renamed to look like ours, the content still says whose it is.
      expect(checkBackup(theirs.path, PASSPHRASE, ours)).toEqual({
        ok: false,
        problem: 'den är en kopia av en annan dators databas',
      });
      expect(checkBackup(theirs.path, PASSPHRASE, theirs.device)).toEqual({ ok: true });
    } finally {
      await other.state.close();
      laptop.cleanup();
    }
  });
});

describe('the backup settings', () => {
  it('default to a folder beside the database, every 10 minutes, 20 kept', () => {
    const dbPath = app.state.dbPath;
    expect(readBackupSettings(dbPath)).toEqual({
      folder: join(dir, 'Säkerhetskopior'),
      intervalMinutes: 10,
      keep: 20,
      // Recorded when the database was opened, for the day it cannot be.
      device: deviceTagOf(connection()),
    });
  });

  it('are saved whole and read back; a damaged file gives the defaults', () => {
    const dbPath = app.state.dbPath;
    saveBackupSettings(dbPath, { folder: '/media/usb', intervalMinutes: 15, keep: 5 });
    expect(readBackupSettings(dbPath)).toEqual({
      folder: '/media/usb',
      intervalMinutes: 15,
      keep: 5,
    });
    writeFileSync(join(dir, 'backup-settings.json'), '{"folder": "/media/u');
    expect(readBackupSettings(dbPath)).toEqual(defaultBackupSettings(dbPath));
    expect(defaultBackupSettings(dbPath).device).toBeUndefined();
    // Opening the database again does not write the defaults over what it cannot read:
    // the folder once chosen is there for the enhetschef (or IT) to see and repair.
    recordThisDevice(dbPath, connection());
    expect(readFileSync(join(dir, 'backup-settings.json'), 'utf8')).toBe('{"folder": "/media/u');
  });
});
