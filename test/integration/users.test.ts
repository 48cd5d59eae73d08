import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { User } from '../../shared/contract';
import { createTestApp, SETUP, type TestApp } from '../support/app';
import { makeTempDir } from '../support/tempDir';

const KALLE = {
  fullName: 'Kalle Handläggare',
  initials: 'kh',
  username: 'kalle',
  role: 'caseWorker',
  password: 'kalle-123',
  passwordConfirm: 'kalle-123',
} as const;

describe('users, roles and sign-in', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    now = new Date('2026-11-22T09:00:00Z');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  async function addKalle(): Promise<User> {
    return (await app.ok('users.create', KALLE)) as User;
  }

  it('adds a user with upper-case initials and lets them sign in with their password', async () => {
    const kalle = await addKalle();
    expect(kalle).toMatchObject({ initials: 'KH', role: 'caseWorker', active: true });
    expect(kalle).not.toHaveProperty('passwordHash');
    await app.ok('session.signOut');
    const wrong = await app.call('session.signIn', { username: 'kalle', password: 'fel-lösen' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_FAILED', message: 'Fel användarnamn eller lösenord.' },
    });
    // Usernames are case-insensitive, as people type them.
    const status = await app.ok('session.signIn', { username: 'KALLE', password: 'kalle-123' });
    expect(status).toMatchObject({ phase: 'signedIn', user: { username: 'kalle' } });
    const actions = (await listAudit(app.state.db(), 0, 20)).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['session.signInFailed', 'session.signIn']));
    expect(JSON.stringify((await listAudit(app.state.db(), 0, 20)).entries)).not.toContain(
      'fel-lösen',
    );
  });

  it('refuses a taken username, at the field', async () => {
    await addKalle();
    const again = await app.call('users.create', { ...KALLE, username: 'Kalle' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { username: 'Användarnamnet är redan upptaget.' } },
    });
  });

  it('refuses user administration to a handläggare in main, and logs the attempt', async () => {
    await addKalle();
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
    for (const [channel, input] of [
      ['users.list', undefined],
      ['users.create', { ...KALLE, username: 'olle' }],
      [
        'unit.changePassphrase',
        { current: 'x', next: 'y'.repeat(12), nextConfirm: 'y'.repeat(12) },
      ],
      ['audit.list', { offset: 0, limit: 10 }],
    ] as const) {
      const result = await app.call(channel, input as never);
      expect(result, channel).toMatchObject({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Din roll (Handläggare) får inte göra detta. Kontakta enhetschefen.',
        },
      });
    }
    const denied = (await listAudit(app.state.db(), 0, 50)).entries.filter(
      (e) => e.action === 'access.denied',
    );
    expect(denied.map((e) => e.entityId)).toEqual([
      'audit.list',
      'unit.changePassphrase',
      'users.create',
      'users.list',
    ]);
  });

  it('changes a role and records before and after in the audit log', async () => {
    const kalle = await addKalle();
    const updated = await app.ok('users.update', {
      id: kalle.id,
      fullName: 'Kalle Karlsson',
      initials: 'KK',
      role: 'financialAidManager',
    });
    expect(updated).toMatchObject({ fullName: 'Kalle Karlsson', role: 'financialAidManager' });
    const [entry] = (await listAudit(app.state.db(), 0, 1)).entries;
    expect(entry).toMatchObject({
      action: 'user.update',
      actorName: 'Maja Enhetschef',
      entityId: kalle.id,
      before: { fullName: 'Kalle Handläggare', role: 'caseWorker' },
      after: { fullName: 'Kalle Karlsson', role: 'financialAidManager' },
    });
  });

  it('deactivates a user, who can then not sign in', async () => {
    const kalle = await addKalle();
    await app.ok('users.setActive', { id: kalle.id, active: false });
    await app.ok('session.signOut');
    const refused = await app.call('session.signIn', { username: 'kalle', password: 'kalle-123' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
  });

  it('applies a role change to a signed-in person at their next call', async () => {
    const kalle = await addKalle();
    await app.ok('users.update', { ...kalle, role: 'unitManager' });
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
    const maja = ((await app.ok('users.list')) as User[]).find((u) => u.username === 'maja')!;
    // Kalle demotes Maja; the change applies to her next call, not her next sign-in.
    await app.ok('users.update', { ...maja, role: 'caseWorker' });
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'maja', password: SETUP.manager.password });
    expect(await app.call('users.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never leaves the unit without an active enhetschef', async () => {
    const me = ((await app.ok('users.list')) as User[])[0]!;
    const deactivate = await app.call('users.setActive', { id: me.id, active: false });
    expect(deactivate).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { active: expect.any(String) } },
    });
    const demote = await app.call('users.update', { ...me, role: 'caseWorker' });
    expect(demote).toMatchObject({
      ok: false,
      error: { fields: { role: expect.stringMatching(/minst en aktiv enhetschef/) } },
    });
    // Nothing half-saved: still a manager.
    expect(await app.ok('users.list')).toMatchObject([{ role: 'unitManager', active: true }]);
  });

  it('resets a password: the old stops working, the new works, the hash is not audited', async () => {
    const kalle = await addKalle();
    await app.ok('users.resetPassword', {
      id: kalle.id,
      password: 'nytt-lösen',
      passwordConfirm: 'nytt-lösen',
    });
    await app.ok('session.signOut');
    expect(
      await app.call('session.signIn', { username: 'kalle', password: 'kalle-123' }),
    ).toMatchObject({ ok: false });
    await app.ok('session.signIn', { username: 'kalle', password: 'nytt-lösen' });
    const audit = JSON.stringify((await listAudit(app.state.db(), 0, 50)).entries);
    expect(audit).not.toMatch(/scrypt\$/);
  });

  it('locks the session after ten minutes without activity, and activity keeps it open', async () => {
    now = new Date(now.getTime() + 9 * 60_000);
    await app.ok('session.touch');
    now = new Date(now.getTime() + 9 * 60_000);
    expect(await app.ok('users.list')).toHaveLength(1);
    now = new Date(now.getTime() + 10 * 60_000 + 1);
    const locked = await app.call('users.list');
    expect(locked).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await app.ok('app.status')).toMatchObject({
      phase: 'signedOut',
      signedOutReason: 'inactivity',
    });
  });

  it('rejects malformed calls with a Swedish message and an unknown channel outright', async () => {
    const bad = await app.call('users.setActive', { id: 'inte-ett-id', active: 'ja' } as never);
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { id: 'Ogiltigt id.' } },
    });
    // A wrong type is said in the field's own Swedish words, not zod's generic ones.
    expect((bad as { error: { fields: Record<string, string> } }).error.fields.active).toBe(
      'Ange om kontot ska vara aktivt.',
    );
    expect(await app.router.handle('fs.readFile', '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });
});
