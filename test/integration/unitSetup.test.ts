import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { containsPlainText } from '../support/files';
import {
  CASE_WORKER,
  createTestApp,
  MANAGER,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from '../support/app';
import { sqlcipherTableNames } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

describe('first run, unlock and the unit passphrase', () => {
  let dir: string;
  let cleanup: () => void;
  let app: TestApp;

  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    app = createTestApp(dir);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  it('goes from setup to signed in as the first enhetschef, audited', async () => {
    expect(await app.ok('app.status')).toMatchObject({ phase: 'setup', unit: null });
    const status = await app.ok('unit.setup', SETUP);
    expect(status).toMatchObject({
      phase: 'signedIn',
      unit: { name: 'Enhet Test', department: 'Socialförvaltningen', autoLockMinutes: 10 },
      user: { fullName: 'Maja Enhetschef', initials: 'ME', role: 'unitManager' },
    });
    const { entries } = await listAudit(app.state.db(), 0, 10);
    expect(entries.map((e) => e.action).sort()).toEqual(['unit.setup', 'user.create']);
    expect(JSON.stringify(entries)).not.toMatch(/scrypt|chef-lösen/);
  });

  it('explains every setup mistake in Swedish at its field and creates no file', async () => {
    const result = await app.call('unit.setup', {
      ...SETUP,
      unitName: '  ',
      passphrase: 'kort',
      passphraseConfirm: 'annan',
      manager: { ...MANAGER, initials: 'M', passwordConfirm: 'annat' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields).toEqual({
      unitName: 'Ange enhetens namn.',
      passphrase: 'Lösenfrasen ska vara minst 12 tecken.',
      passphraseConfirm: 'Lösenfraserna är inte lika.',
      'manager.initials': 'Signaturen ska vara 2–6 tecken.',
      'manager.passwordConfirm': 'Lösenorden är inte lika.',
    });
    expect(app.state.isSetUp).toBe(false);
  });

  it('cannot be set up twice', async () => {
    await app.ok('unit.setup', SETUP);
    const again = await app.call('unit.setup', SETUP);
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SETUP' } });
  });

  it('unlocks with the passphrase after a restart and asks each person to sign in', async () => {
    await app.ok('unit.setup', SETUP);
    await app.state.close();
    app = createTestApp(dir);
    expect(await app.ok('app.status')).toMatchObject({ phase: 'locked' });

    const wrong = await app.call('unit.unlock', { passphrase: 'fel lösenfras här' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { passphrase: 'Fel lösenfras.' } },
    });
    expect(await app.ok('unit.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      phase: 'signedOut',
      unit: { name: 'Enhet Test' },
    });
    // Sign-in needs the database open; before unlock it says so.
    const locked = createTestApp(dir);
    const early = await locked.call('session.signIn', { username: 'maja', password: 'x' });
    expect(early).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('keeps the unit and user names out of the file in plain text', async () => {
    await app.ok('unit.setup', SETUP);
    for (const text of ['Enhet Test', 'Maja Enhetschef', 'Socialförvaltningen', 'maja']) {
      expect(containsPlainText(app.state.dbPath, text), text).toBe(false);
    }
  });

  it('re-keys on a passphrase change: the new one opens it, the old one does not, nothing lost', async () => {
    await app.ok('unit.setup', SETUP);
    await app.ok('users.create', CASE_WORKER);
    const next = 'ny lösenfras för enheten';
    const wrongCurrent = await app.call('unit.changePassphrase', {
      current: 'inte den gamla',
      next,
      nextConfirm: next,
    });
    expect(wrongCurrent).toMatchObject({
      ok: false,
      error: { fields: { current: 'Nuvarande lösenfras är fel.' } },
    });
    await app.ok('unit.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next });
    // The open connection keeps working, in WAL again.
    expect(await app.ok('users.list')).toHaveLength(2);
    await app.state.close();

    app = createTestApp(dir);
    const old = await app.call('unit.unlock', { passphrase: PASSPHRASE });
    expect(old).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await app.ok('unit.unlock', { passphrase: next });
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
    const actions = (await listAudit(app.state.db(), 0, 50)).entries.map((e) => e.action);
    expect(actions).toContain('unit.changePassphrase');
    await app.state.close();

    // The official SQLCipher 4 build agrees.
    expect(await sqlcipherTableNames(app.state.dbPath, next)).toContain('users');
    await expect(sqlcipherTableNames(app.state.dbPath, PASSPHRASE)).rejects.toThrow();
  });
});
