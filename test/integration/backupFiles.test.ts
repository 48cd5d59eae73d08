import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupName,
  checkBackup,
  listBackups,
  madeAtOf,
  rotateBackups,
  writeBackup,
} from '../../main/app/backup/backupFiles';
import {
  defaultBackupSettings,
  readBackupSettings,
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

    expect(backup.name).toBe('Reservparm-sakerhetskopia-20261123-094200123Z.db');
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
    const leftover = `.${backupName(at('2026-11-23T12:00:00.000Z'))}.partial`;
    writeFileSync(join(folder, leftover), 'halvfärdig');
    writeFileSync(join(folder, 'anteckningar.txt'), 'annat');

    expect(listBackups(folder).map((b) => b.madeAt.toISOString())).toEqual([
      '2026-11-23T11:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T09:00:00.000Z',
    ]);
    // The next backup clears the leftover; other files are left alone.
    writeBackup(connection(), folder, PASSPHRASE, at('2026-11-23T13:00:00.000Z'));
    expect(readdirSync(folder)).not.toContain(leftover);
    expect(readdirSync(folder)).toContain('anteckningar.txt');
  });

  it('rotation keeps the newest K and nothing else of the folder is touched', () => {
    const folder = join(dir, 'stick');
    for (let hour = 0; hour < 5; hour++) {
      writeBackup(connection(), folder, PASSPHRASE, at(`2026-11-23T0${hour}:00:00.000Z`));
    }
    writeFileSync(join(folder, 'anteckningar.txt'), 'annat');
    const removed = rotateBackups(folder, 2);
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
    expect(madeAtOf(backupName(madeAt))?.toISOString()).toBe(madeAt.toISOString());
    expect(madeAtOf('Reservparm-sakerhetskopia-20261399-000000000Z.db')).toBeNull();
    expect(madeAtOf('unit.db')).toBeNull();
  });
});

describe('the backup settings', () => {
  it('default to a folder beside the database, every 10 minutes, 20 kept', () => {
    const dbPath = app.state.dbPath;
    expect(readBackupSettings(dbPath)).toEqual({
      folder: join(dir, 'Säkerhetskopior'),
      intervalMinutes: 10,
      keep: 20,
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
  });
});
