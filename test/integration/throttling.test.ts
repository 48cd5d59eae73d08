import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { localToInstant } from '../../shared/time';
import { CASE_WORKER, createTestApp, PASSPHRASE, SETUP, type TestApp } from '../support/app';
import { makeTempDir } from '../support/tempDir';

/** Item 11: repeated failures delay the next attempt, with a countdown, audited, never for good. */
describe('throttling of sign-in and unlock', () => {
  let dir: string;
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;
  const later = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    now = new Date(localToInstant('2026-11-23T10:00')!);
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    await app.ok('users.create', CASE_WORKER);
    await app.ok('session.signOut');
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const signIn = (username: string, password: string) =>
    app.call('session.signIn', { username, password });
  const actions = async () =>
    (await listAudit(app.state.db(), 0, 200)).entries.map((e) => e.action).reverse();

  it('delays sign-in after the third failure, doubling, and lets the right password in after the wait', async () => {
    expect(await signIn('kalle', 'fel-lösen-1')).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_FAILED', message: 'Fel användarnamn eller lösenord.' },
    });
    expect((await signIn('kalle', 'fel-lösen-2')).ok).toBe(false);
    expect(await signIn('Kalle', 'fel-lösen-3')).toMatchObject({
      ok: false,
      error: {
        code: 'SIGN_IN_FAILED',
        message: 'Fel användarnamn eller lösenord. Vänta 1 sekund innan du försöker igen.',
        retryAfterSeconds: 1,
      },
    });
    // During the wait even the right password is not tried.
    expect(await signIn('kalle', CASE_WORKER.password)).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED', retryAfterSeconds: 1 },
    });
    later(1);
    expect(await signIn('kalle', 'fel-lösen-4')).toMatchObject({
      error: { retryAfterSeconds: 2 },
    });
    later(2);
    expect(await signIn('kalle', 'fel-lösen-5')).toMatchObject({
      error: { retryAfterSeconds: 4 },
    });
    // Another person at the same PC is not held up by Kalle's mistakes.
    await app.ok('session.signIn', { username: 'maja', password: SETUP.manager.password });
    await app.ok('session.signOut');
    later(4);
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    // A success starts the count again.
    await app.ok('session.signOut');
    expect(await signIn('kalle', 'fel-lösen-6')).toMatchObject({
      error: { code: 'SIGN_IN_FAILED' },
    });
    expect((await signIn('kalle', 'fel-lösen-6')) as object).not.toHaveProperty(
      'error.retryAfterSeconds',
    );

    const log = await actions();
    expect(log.filter((a) => a === 'session.signInFailed')).toHaveLength(7);
    expect(log).toContain('session.signInThrottled');
    expect(JSON.stringify(await listAudit(app.state.db(), 0, 200))).not.toMatch(/fel-lösen/);
  });

  it('writes one row per wait, not one per attempt, when sign-in is hammered', async () => {
    for (const password of ['fel-1', 'fel-2', 'fel-3']) await signIn('kalle', password);
    const before = (await listAudit(app.state.db(), 0, 1)).total;
    // One wait of 1 s: a script sends 100 attempts before it is over.
    for (let i = 0; i < 100; i++) {
      expect(await signIn('kalle', `fel-${i}`)).toMatchObject({
        ok: false,
        error: { code: 'THROTTLED', retryAfterSeconds: 1 },
      });
    }
    expect((await listAudit(app.state.db(), 0, 1)).total - before).toBe(1);
    // The next wait gets its own row, once.
    later(1);
    await signIn('kalle', 'fel-4');
    for (let i = 0; i < 100; i++) await signIn('kalle', `fel-${i}`);
    expect((await listAudit(app.state.db(), 0, 1)).total - before).toBe(3);
    const log = await actions();
    expect(log.filter((a) => a === 'session.signInFailed')).toHaveLength(4);
    expect(log.filter((a) => a === 'session.signInThrottled')).toHaveLength(2);
  });

  it('never locks out for good: the wait stops growing at five minutes', async () => {
    let wait = 0;
    for (let i = 0; i < 15; i++) {
      later(wait);
      const result = await signIn('kalle', 'fel-lösen');
      wait = result.ok ? 0 : (result.error.retryAfterSeconds ?? 0);
    }
    expect(wait).toBe(300);
    later(300);
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
  });

  it('counts a wrong current password in "Byt lösenord" with the sign-ins', async () => {
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    const change = (current: string) =>
      app.call('session.changePassword', {
        current,
        password: 'nytt-lösen-9',
        passwordConfirm: 'nytt-lösen-9',
      });
    await change('fel-1');
    await change('fel-2');
    expect(await change('fel-3')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', retryAfterSeconds: 1 },
    });
    expect(await change(CASE_WORKER.password)).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED', fields: { current: expect.any(String) } },
    });
    later(1);
    await app.ok('session.signOut');
    expect(await signIn('kalle', 'fel-4')).toMatchObject({ error: { retryAfterSeconds: 2 } });
  });

  it('delays and audits a wrong current passphrase in "Byt lösenfras", counted with the unlocks', async () => {
    await app.ok('session.signIn', { username: 'maja', password: SETUP.manager.password });
    const next = 'en helt ny lösenfras';
    const change = (current: string) =>
      app.call('unit.changePassphrase', { current, next, nextConfirm: next });
    expect(await change('fel lösenfras 1')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { current: 'Nuvarande lösenfras är fel.' } },
    });
    await change('fel lösenfras 2');
    expect(await change('fel lösenfras 3')).toMatchObject({
      ok: false,
      error: {
        code: 'WRONG_PASSPHRASE',
        message: 'Nuvarande lösenfras är fel. Vänta 1 sekund innan du försöker igen.',
        retryAfterSeconds: 1,
      },
    });
    // During the wait even the right passphrase is not tried, and hammering is logged once.
    for (let i = 0; i < 20; i++) {
      expect(await change(PASSPHRASE)).toMatchObject({
        ok: false,
        error: { code: 'THROTTLED', retryAfterSeconds: 1, fields: { current: expect.any(String) } },
      });
    }
    const entries = (await listAudit(app.state.db(), 0, 4)).entries.reverse();
    expect(entries.map((e) => [e.action, e.actorName, e.after])).toEqual([
      ['unit.changePassphraseWrongCurrent', 'Maja Enhetschef', { waitSeconds: 0 }],
      ['unit.changePassphraseWrongCurrent', 'Maja Enhetschef', { waitSeconds: 0 }],
      ['unit.changePassphraseWrongCurrent', 'Maja Enhetschef', { waitSeconds: 1 }],
      ['unit.changePassphraseThrottled', 'Maja Enhetschef', { waitSeconds: 1 }],
    ]);
    expect(JSON.stringify(await listAudit(app.state.db(), 0, 200))).not.toMatch(/fel lösenfras/);

    // The same secret, the same count: locking and unlocking does not start it over.
    await app.state.close();
    expect(await app.call('unit.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED', retryAfterSeconds: 1 },
    });
    later(1);
    expect(await app.call('unit.unlock', { passphrase: 'fel lösenfras 4' })).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE', retryAfterSeconds: 2 },
    });
    later(2);
    await app.ok('unit.unlock', { passphrase: PASSPHRASE });
  });

  it('delays unlocks too, and writes the failed unlocks to the log once the file opens', async () => {
    await app.state.close();
    app = createTestApp(dir, { clock: () => now });
    const unlock = (passphrase: string) => app.call('unit.unlock', { passphrase });
    expect(await unlock('fel lösenfras 1')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { passphrase: 'Fel lösenfras.' } },
    });
    await unlock('fel lösenfras 2');
    expect(await unlock('fel lösenfras 3')).toMatchObject({
      error: { code: 'WRONG_PASSPHRASE', retryAfterSeconds: 1 },
    });
    expect(await unlock(PASSPHRASE)).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED', retryAfterSeconds: 1 },
    });
    later(1);
    await app.ok('unit.unlock', { passphrase: PASSPHRASE });
    // Written once the file opened, each at the time it happened.
    const entries = (await listAudit(app.state.db(), 0, 4)).entries.reverse();
    expect(entries.map((e) => [e.action, e.at, e.after])).toEqual([
      ['unit.unlockFailed', '2026-11-23T09:00:00.000Z', { waitSeconds: 0 }],
      ['unit.unlockFailed', '2026-11-23T09:00:00.000Z', { waitSeconds: 0 }],
      ['unit.unlockFailed', '2026-11-23T09:00:00.000Z', { waitSeconds: 1 }],
      ['unit.unlockThrottled', '2026-11-23T09:00:00.000Z', { waitSeconds: 1 }],
    ]);
  });
});
