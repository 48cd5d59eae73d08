import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Status } from '../../shared/contract';
import { localToInstant } from '../../shared/time';
import { createTestApp, MANAGER, SETUP, type TestApp } from '../support/app';
import { makeTempDir } from '../support/tempDir';

const instant = (local: string) => localToInstant(local)!;

describe('the inactivity lock time in the status', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;
  const moveTo = (local: string) => {
    now = new Date(instant(local));
  };
  const status = async () => (await app.ok('app.status')) as Status;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    moveTo('2026-11-23T10:00');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    await app.ok('session.signOut');
    moveTo('2026-11-23T10:02');
    await app.ok('session.signIn', { username: MANAGER.username, password: MANAGER.password });
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  it('is ten minutes after sign-in, counted on main clock, and says nothing when signed out', async () => {
    moveTo('2026-11-23T10:05');
    // Asking for the status is not activity: the countdown must not restart by itself.
    expect(await status()).toMatchObject({
      phase: 'signedIn',
      now: instant('2026-11-23T10:05'),
      autoLockAt: instant('2026-11-23T10:12'),
    });
    await app.ok('session.signOut');
    expect(await status()).toMatchObject({ phase: 'signedOut', autoLockAt: null });
  });

  it('moves with every reported activity and every call, and follows the unit setting', async () => {
    moveTo('2026-11-23T10:09');
    await app.ok('session.touch');
    expect((await status()).autoLockAt).toBe(instant('2026-11-23T10:19'));
    moveTo('2026-11-23T10:15');
    await app.ok('users.list');
    expect((await status()).autoLockAt).toBe(instant('2026-11-23T10:25'));
    app.state.session.autoLockMinutes = 5;
    expect((await status()).autoLockAt).toBe(instant('2026-11-23T10:20'));
  });

  it('is the moment main locks: still signed in at it, locked just after', async () => {
    moveTo('2026-11-23T10:12');
    expect(await status()).toMatchObject({ phase: 'signedIn' });
    now = new Date(now.getTime() + 1);
    expect(await status()).toMatchObject({
      phase: 'signedOut',
      signedOutReason: 'inactivity',
      autoLockAt: null,
    });
    expect(await app.call('session.touch')).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
  });
});
