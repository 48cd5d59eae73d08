import { describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { hashPassword } from '../../main/app/domain/passwords';
import type { User } from '../../shared/contract';
import { CASE_WORKER, useUnitApp, SETUP, type TestApp } from '../support/app';

/** Item 9: a signature names one person; passwords of 8+; everyone changes their own. */
describe('signatures and personal passwords', () => {
  let app: TestApp;

  useUnitApp((ready) => {
    app = ready;
  });

  const KARIN = {
    fullName: 'Karin Berg',
    initials: 'KB',
    username: 'karin',
    role: 'caseWorker',
    password: 'karin-lösen',
    passwordConfirm: 'karin-lösen',
  } as const;
  const KLAS = { ...KARIN, fullName: 'Klas Bengtsson', username: 'klas' } as const;
  const taken = {
    ok: false,
    error: {
      code: 'CONFLICT',
      fields: { initials: expect.stringMatching(/^Signaturen KB används redan av Karin Berg\./) },
    },
  };

  it('refuses a signature an active user has, in any case, on create, edit and reactivation', async () => {
    const karin = (await app.ok('users.create', KARIN)) as User;
    expect(await app.call('users.create', { ...KLAS, initials: 'kb' })).toMatchObject(taken);
    const klas = (await app.ok('users.create', { ...KLAS, initials: 'KLB' })) as User;
    expect(await app.call('users.update', { ...klas, initials: 'Kb' })).toMatchObject(taken);

    // Once Karin is deactivated her signature is free; reactivating her then collides.
    await app.ok('users.setActive', { id: karin.id, active: false });
    await app.ok('users.update', { ...klas, initials: 'KB' });
    const back = await app.call('users.setActive', { id: karin.id, active: true });
    expect(back).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { initials: expect.stringMatching(/Klas Bengtsson/) } },
    });
    // Nothing half-saved: Karin is still inactive, and no audit entry claims otherwise.
    const users = (await app.ok('users.list')) as User[];
    expect(users.find((u) => u.id === karin.id)).toMatchObject({ active: false });
    const actions = (await listAudit(app.state.db(), 0, 50)).entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'user.activate')).toEqual([]);
  });

  it('asks for passwords of at least 8 characters wherever one is set', async () => {
    const short = { password: 'sju-tkn', passwordConfirm: 'sju-tkn' };
    const message = 'Lösenordet ska vara minst 8 tecken.';
    expect(await app.call('users.create', { ...KARIN, ...short })).toMatchObject({
      ok: false,
      error: { fields: { password: message } },
    });
    const karin = (await app.ok('users.create', KARIN)) as User;
    expect(await app.call('users.resetPassword', { id: karin.id, ...short })).toMatchObject({
      ok: false,
      error: { fields: { password: message } },
    });
    expect(
      await app.call('session.changePassword', { current: SETUP.manager.password, ...short }),
    ).toMatchObject({ ok: false, error: { fields: { password: message } } });
    await app.ok('users.create', {
      ...CASE_WORKER,
      password: '12345678',
      passwordConfirm: '12345678',
    });
  });

  it('still signs in an account whose older password is shorter than 8', async () => {
    const karin = (await app.ok('users.create', KARIN)) as User;
    // As a database from before the rule holds it: a 6-character password's hash.
    await app.state
      .db()
      .query('UPDATE users SET password_hash = ? WHERE id = ?', [
        await hashPassword('kort12'),
        karin.id,
      ]);
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'karin', password: 'kort12' });
  });

  it('lets a handläggare change her own password knowing the current one, audited', async () => {
    await app.ok('users.create', KARIN);
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'karin', password: KARIN.password });

    const wrong = await app.call('session.changePassword', {
      current: 'inte-mitt-lösen',
      password: 'nytt-lösen-9',
      passwordConfirm: 'nytt-lösen-9',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', fields: { current: 'Nuvarande lösenord är fel.' } },
    });
    expect(
      await app.call('session.changePassword', {
        current: KARIN.password,
        password: 'nytt-lösen-9',
        passwordConfirm: 'annat-lösen-9',
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { passwordConfirm: 'Lösenorden är inte lika.' } },
    });
    await app.ok('session.changePassword', {
      current: KARIN.password,
      password: 'nytt-lösen-9',
      passwordConfirm: 'nytt-lösen-9',
    });

    await app.ok('session.signOut');
    expect(
      await app.call('session.signIn', { username: 'karin', password: KARIN.password }),
    ).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    await app.ok('session.signIn', { username: 'karin', password: 'nytt-lösen-9' });

    const entries = (await listAudit(app.state.db(), 0, 50)).entries;
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.changePasswordFailed', 'user.changePassword']),
    );
    expect(entries.find((e) => e.action === 'user.changePassword')).toMatchObject({
      actorName: 'Karin Berg',
    });
    expect(JSON.stringify(entries)).not.toMatch(/nytt-lösen|karin-lösen|scrypt/);
  });
});
