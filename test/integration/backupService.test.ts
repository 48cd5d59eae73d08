import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBackup, listBackups } from '../../main/app/backup/backupFiles';
import {
  startBackupSchedule,
  TICK_MS,
  type BackupSchedule,
} from '../../main/app/backup/backupSchedule';
import { readBackupSettings } from '../../main/app/backup/backupSettings';
import { AuditEntity } from '../../main/app/db/entities/auditRecord';
import type { BackupStatus } from '../../shared/backup';
import { localToInstant } from '../../shared/time';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  MANAGER,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from '../support/app';
import { makeTempDir } from '../support/tempDir';

/**
 * Making backups on a real encrypted database: through the channels, the schedule (its
 * timer played by the test, its clock the app's) and the sign-out.
 */
let app: TestApp;
let dir: string;
let cleanup: () => void;
let nowMs: number;
const advance = (minutes: number) => (nowMs += minutes * 60_000);

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  nowMs = Date.parse(localToInstant('2026-11-23T10:00')!);
  app = createTestApp(dir, { clock: () => new Date(nowMs) });
  await app.ok('unit.setup', SETUP);
  await app.ok('users.create', CASE_WORKER);
  await app.ok('users.create', FINANCIAL_AID_MANAGER);
});
afterEach(async () => {
  await app.state.close();
  cleanup();
});

const defaultFolder = () => join(dir, 'Säkerhetskopior');
const status = async () => (await app.ok('backup.status')) as BackupStatus;
const auditOf = async (action: string) =>
  app.state
    .db()
    .getRepository(AuditEntity)
    .find({ where: { action }, order: { id: 'ASC' } });

/** A timer the test fires itself. */
function fakeTimers() {
  const timers = {
    callbacks: [] as (() => void)[],
    cleared: 0,
    setInterval(callback: () => void, ms: number) {
      expect(ms).toBe(TICK_MS);
      timers.callbacks.push(callback);
      return timers.callbacks.length - 1;
    },
    clearInterval(handle: number) {
      expect(handle).toBe(0);
      timers.cleared++;
    },
  };
  return timers;
}

describe('a backup made by a person', () => {
  it('is written to the folder beside the database, checked, shown in the status and audited', async () => {
    const before = await status();
    expect(before).toMatchObject({
      isDefaultFolder: true,
      folderProblem: null,
      lastBackup: null,
      count: 0,
      settings: { folder: defaultFolder(), intervalMinutes: 10, keep: 20 },
    });
    const after = (await app.ok('backup.now')) as BackupStatus;
    expect(after.count).toBe(1);
    expect(after.lastBackup).toMatchObject({
      fileName: expect.stringMatching(
        /^Reservparm-sakerhetskopia-[0-9a-f]{8}-20261123-090000000Z\.db$/,
      ),
      madeAt: '2026-11-23T09:00:00.000Z',
    });
    expect(after.folderProblem).toBeNull();
    const [file] = listBackups(defaultFolder());
    expect(checkBackup(file!.path, PASSPHRASE)).toEqual({ ok: true });
    const [entry] = await auditOf('backup.make');
    expect(entry).toMatchObject({ actorName: MANAGER.fullName, entityId: file!.name });
  });

  it('keeps only the newest K', async () => {
    mkdirSync(join(dir, 'stick'));
    await app.ok('backup.configure', {
      folder: join(dir, 'stick'),
      intervalMinutes: '10',
      keep: '2',
    });
    for (let i = 0; i < 4; i++) {
      advance(1);
      await app.ok('backup.now');
    }
    const s = await status();
    expect(s.count).toBe(2);
    expect(s.latest.map((b) => b.madeAt)).toEqual([
      '2026-11-23T09:04:00.000Z',
      '2026-11-23T09:03:00.000Z',
    ]);
    expect(s.isDefaultFolder).toBe(false);
    expect(readdirSync(dir)).not.toContain('Säkerhetskopior');
  });

  it('to a stick that is gone fails with the Swedish reason, audited, and the status says so', async () => {
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    await app.ok('backup.configure', { folder: stick, intervalMinutes: '10', keep: '20' });
    await app.ok('backup.now');
    // Pulled: its folder is gone. It must not be made again on the laptop's own disk.
    rmSync(stick, { recursive: true });
    advance(1);
    const result = await app.call('backup.now');
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'BACKUP_FOLDER_UNREACHABLE',
        message: expect.stringMatching(
          /^Mappen för säkerhetskopior går inte att nå: .*Sätt i USB-minnet/,
        ),
      },
    });
    expect(readdirSync(dir)).not.toContain('stick');
    const s = await status();
    expect(s.folderProblem).toMatch(/^Mappen för säkerhetskopior går inte att nå/);
    expect(s.lastFailure?.at).toBe('2026-11-23T09:01:00.000Z');
    expect(s.count).toBe(0);
    const [failure] = await auditOf('backup.failed');
    expect(failure).toMatchObject({ actorName: MANAGER.fullName });
    expect(JSON.parse(failure!.afterJson!)).toMatchObject({ reason: 'manual', folder: stick });
  });
});

describe('the settings', () => {
  it('are saved by the enhetschef, with the change audited before and after', async () => {
    const stick = join(dir, 'USB-minne');
    mkdirSync(stick);
    const s = (await app.ok('backup.configure', {
      folder: ` ${stick} `,
      intervalMinutes: '5',
      keep: '30',
    })) as BackupStatus;
    expect(s.settings).toEqual({ folder: stick, intervalMinutes: 5, keep: 30 });
    expect(readBackupSettings(app.state.dbPath)).toEqual({
      ...s.settings,
      device: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    const [entry] = await auditOf('backup.configure');
    expect(JSON.parse(entry!.beforeJson!)).toEqual({
      folder: defaultFolder(),
      intervalMinutes: 10,
      keep: 20,
    });
    expect(JSON.parse(entry!.afterJson!)).toEqual(s.settings);
  });

  it('refuse bad input with Swedish words at each field, and save nothing', async () => {
    const result = await app.call('backup.configure', {
      folder: 'Säkerhetskopior',
      intervalMinutes: '0',
      keep: 'tjugo',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          folder: expect.stringContaining('Ange hela sökvägen'),
          intervalMinutes: 'Minst 1.',
          keep: expect.stringContaining('med siffror'),
        },
      },
    });
    const tooMany = await app.call('backup.configure', {
      folder: join(dir, 'x\u0000y'),
      intervalMinutes: '241',
      keep: '501',
    });
    expect(tooMany).toMatchObject({
      ok: false,
      error: {
        fields: {
          folder: 'Sökvägen innehåller tecken som inte kan finnas i ett mappnamn.',
          intervalMinutes: 'Högst 240 minuter.',
          keep: 'Högst 500 säkerhetskopior.',
        },
      },
    });
    const missing = await app.call('backup.configure', {
      folder: join(dir, 'finns-inte'),
      intervalMinutes: '10',
      keep: '20',
    });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        fields: { folder: expect.stringMatching(/^Mappen för säkerhetskopior går inte att nå/) },
      },
    });
    expect(readBackupSettings(app.state.dbPath).folder).toBe(defaultFolder());
    expect(await auditOf('backup.configure')).toEqual([]);
  });

  it('take the folder from the folder dialog, or nothing when it is cancelled', async () => {
    app.desktop.nextFolder = join(dir, 'vald');
    expect(await app.ok('backup.chooseFolder')).toEqual({ folder: join(dir, 'vald') });
    app.desktop.nextFolder = null;
    expect(await app.ok('backup.chooseFolder')).toEqual({ folder: null });
  });
});

describe('who may', () => {
  it('the enhetschef sets where backups go; anyone signed in may make one and see the status', async () => {
    for (const username of ['kalle', 'ebba']) {
      await app.signInAs(username);
      expect(
        await app.call('backup.configure', { folder: dir, intervalMinutes: '10', keep: '20' }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await app.call('backup.chooseFolder')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      advance(1);
      expect(await app.call('backup.now')).toMatchObject({ ok: true });
      expect(await app.call('backup.status')).toMatchObject({ ok: true });
    }
    await app.ok('session.signOut');
    expect(await app.call('backup.now')).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    expect(await app.call('backup.status')).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
  });
});

describe('the schedule', () => {
  let schedule: BackupSchedule;
  let timers: ReturnType<typeof fakeTimers>;
  beforeEach(() => {
    timers = fakeTimers();
    schedule = startBackupSchedule(app.state, timers, (task) => app.router.exclusive(task));
  });
  afterEach(() => schedule.stop());

  const fire = async () => {
    timers.callbacks[0]!();
    // The tick runs in line behind calls; one call after it has waited for it.
    await app.ok('app.status');
  };
  const count = () => listBackups(defaultFolder()).length;

  it('backs up only while an outage is active by the app clock, every interval', async () => {
    // Hours pass in this test; the auto-lock (and its sign-out backup) is another test's.
    app.state.session.autoLockMinutes = 24 * 60;
    await fire();
    expect(await schedule.tick()).toBeNull();
    expect(readdirSync(dir)).not.toContain('Säkerhetskopior');

    // Planned for 11:00: not active yet at 10:30.
    await app.ok('outages.plan', {
      level: 'II',
      affectedSystems: [],
      note: '',
      startsAt: localToInstant('2026-11-23T11:00')!,
      endsAt: localToInstant('2026-11-23T12:00')!,
    });
    advance(30);
    expect(await schedule.tick()).toBeNull();

    advance(31); // 11:01, active
    await fire();
    expect(count()).toBe(1);
    advance(5);
    expect(await schedule.tick()).toBeNull();
    await app.ok('users.create', {
      ...CASE_WORKER,
      username: 'kalle2',
      fullName: 'Kalle Två',
      initials: 'KT',
    });
    advance(5); // 10 minutes after the first
    expect((await schedule.tick())?.kind).toBe('made');
    expect(count()).toBe(2);
    advance(10);
    // Nothing written since: the same copy again would push an older one out.
    expect(await schedule.tick()).toEqual({ kind: 'skipped', why: 'unchanged' });
    // Unless that copy is no longer there (another stick at the same path).
    rmSync(listBackups(defaultFolder())[0]!.path);
    expect((await status()).lastBackup?.madeAt).toBe('2026-11-23T10:01:00.000Z');
    advance(10);
    expect((await schedule.tick())?.kind).toBe('made');
    expect(count()).toBe(2);
    advance(50); // 12:21, ended at 12:00
    expect(await schedule.tick()).toBeNull();
    expect(count()).toBe(2);
  });

  it('backs up at sign-out and at the inactivity lock, and stops with the schedule', async () => {
    await app.ok('session.signOut');
    await app.ok('app.status');
    expect(count()).toBe(1);
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    advance(11); // past the 10 minutes' auto-lock
    expect(await app.call('backup.status')).toMatchObject({ error: { code: 'SESSION_LOCKED' } });
    await app.ok('app.status');
    expect(count()).toBe(2);
    schedule.stop();
    expect(timers.cleared).toBe(1);
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    await app.ok('session.signOut');
    await app.ok('app.status');
    expect(count()).toBe(2);
  });

  it('reports an unreachable folder at sign-out instead of throwing, and audits it once', async () => {
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    await app.ok('backup.configure', { folder: stick, intervalMinutes: '10', keep: '20' });
    // The stick is pulled: its mount point becomes a file nothing can be written under.
    rmSync(stick, { recursive: true });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(stick, 'inte en mapp');
    expect(await app.call('session.signOut')).toMatchObject({ ok: true });
    await app.ok('session.signIn', { username: 'maja', password: MANAGER.password });
    const s = await status();
    expect(s.folderProblem).toMatch(/är inte en mapp/);
    expect(s.lastFailure?.message).toMatch(/^Mappen för säkerhetskopior går inte att nå/);
    expect(s.lastBackup).toBeNull();
    // The same failure again (another sign-out) is not a second entry.
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'maja', password: MANAGER.password });
    const failures = await auditOf('backup.failed');
    expect(failures).toHaveLength(1);
    expect(JSON.parse(failures[0]!.afterJson!)).toMatchObject({ reason: 'signOut', folder: stick });
  });
});

describe('a pulled stick', () => {
  it('still shows the backup made on it, with the folder problem', async () => {
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    await app.ok('backup.configure', { folder: stick, intervalMinutes: '10', keep: '20' });
    const made = (await app.ok('backup.now')) as BackupStatus;
    rmSync(stick, { recursive: true });
    const s = await status();
    expect(s.folderProblem).toMatch(/går inte att nå/);
    expect(s.lastBackup).toEqual(made.lastBackup);
    expect(s.latest).toEqual([]);
  });
});

describe('the low-battery backup', () => {
  it('is made once when the window reports the battery below 20 % and not charging', async () => {
    const count = () => (existsFolder() ? listBackups(defaultFolder()).length : 0);
    const existsFolder = () => readdirSync(dir).includes('Säkerhetskopior');
    await app.ok('backup.power', { level: 0.5, charging: false });
    expect(count()).toBe(0);
    await app.ok('backup.power', { level: 0.15, charging: true });
    expect(count()).toBe(0);
    await app.ok('backup.power', { level: 0.15, charging: false });
    expect(count()).toBe(1);
    advance(1);
    await app.ok('backup.power', { level: 0.14, charging: false });
    expect(count()).toBe(1);
    expect(await app.call('backup.power', { level: 1.5, charging: 'nej' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('the battery report', () => {
  it('does not count as the person working: the inactivity lock still comes', async () => {
    advance(6);
    await app.ok('backup.power', { level: 0.8, charging: true });
    advance(5); // 11 minutes since the last own call
    expect(await app.call('backup.status')).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
  });
});
