import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { connectionOf } from '../../main/app/db/open';
import type { Handlers } from '../../main/app/handler';
import { handlers } from '../../main/app/handlers';
import type { User } from '../../shared/contract';
import {
  CASE_WORKER,
  clockFrom,
  createTestApp,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from '../support/app';
import { makeTempDir } from '../support/tempDir';

/** An error after the commit must say the change was saved; before it, that nothing was. */
describe('honest errors', () => {
  let dir: string;
  let cleanup: () => void;
  let app: TestApp;
  const clock = clockFrom('2026-11-23T10:00');
  const internal: string[] = [];

  function appWith(overrides: Partial<Handlers>): TestApp {
    return createTestApp(dir, {
      clock,
      handlers: { ...handlers, ...overrides } as Handlers,
      onInternalError: (channel) => internal.push(channel),
    });
  }

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    internal.length = 0;
    app = createTestApp(dir, { clock });
    await app.ok('unit.setup', SETUP);
    await app.state.close();
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  async function signInAsManager(): Promise<void> {
    await app.ok('unit.unlock', { passphrase: PASSPHRASE });
    await app.ok('session.signIn', { username: 'maja', password: SETUP.manager.password });
  }

  const usernames = async () =>
    ((await app.ok('users.list')) as User[]).map((u) => u.username).sort();

  it('says the change was saved when the output check fails after the commit', async () => {
    app = appWith({
      // A handler whose answer breaks the contract, after its transaction committed.
      'users.create': async (input, context) => {
        const user = await handlers['users.create'](input, context);
        return { ...user, role: 'ingen sådan roll' } as never;
      },
    });
    await signInAsManager();
    const result = await app.call('users.create', CASE_WORKER);
    expect(result).toMatchObject({ ok: false, error: { code: 'SAVED_WITH_ERROR' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Ändringen sparades/);
    expect(result.error.message).not.toMatch(/Ingenting sparades/);
    expect(internal).toEqual(['users.create']);
    expect(await usernames()).toEqual(['kalle', 'maja']);
  });

  it('says the change was saved when the handler fails after its transaction', async () => {
    app = appWith({
      'users.create': async (input, context) => {
        await handlers['users.create'](input, context);
        throw new Error('the printer caught fire');
      },
    });
    await signInAsManager();
    const result = await app.call('users.create', CASE_WORKER);
    expect(result).toMatchObject({ ok: false, error: { code: 'SAVED_WITH_ERROR' } });
    expect(await usernames()).toEqual(['kalle', 'maja']);
  });

  it('says nothing was saved when the failure comes before any commit', async () => {
    app = appWith({
      'users.create': () => Promise.reject(new Error('before the transaction')),
    });
    await signInAsManager();
    const result = await app.call('users.create', CASE_WORKER);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/Ingenting sparades/) },
    });
    expect(await usernames()).toEqual(['maja']);
  });

  describe('a passphrase change', () => {
    const next = 'ny lösenfras för enheten';
    const change = () =>
      app.call('unit.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next });

    /** Makes one pragma of the open connection fail, as a disk error would. */
    function failPragma(match: string): void {
      const db = connectionOf(app.state.db());
      const pragma = db.pragma.bind(db);
      db.pragma = ((source: string, options?: never) => {
        if (source.replace(/\s/g, '') === match) throw new Error(`injected: ${source}`);
        return pragma(source, options);
      }) as typeof db.pragma;
    }

    async function reopenWith(passphrase: string): Promise<string[]> {
      await app.state.close();
      app = createTestApp(dir, { clock });
      await app.ok('unit.unlock', { passphrase });
      return (await listAudit(app.state.db(), 0, 50)).entries.map((e) => e.action);
    }

    it('tells the enhetschef the new passphrase is in force when a step after the rekey fails', async () => {
      await signInAsManager();
      failPragma('journal_mode=WAL');
      const result = await change();
      expect(result).toMatchObject({ ok: false, error: { code: 'SAVED_WITH_ERROR' } });
      if (result.ok) return;
      expect(result.error.message).toMatch(/nya lösenfrasen gäller nu/);
      expect(result.error.message).not.toMatch(/Ingenting sparades/);

      // The audit entry went into the file before the rekey; the new passphrase reads it.
      const actions = await reopenWith(next);
      expect(actions).toContain('unit.changePassphrase');
      expect(actions).not.toContain('unit.changePassphraseFailed');
    });

    it('says the old passphrase still holds when the rekey itself fails, and logs both', async () => {
      await signInAsManager();
      const db = connectionOf(app.state.db());
      db.rekey = () => {
        throw new Error('injected: rekey failed');
      };
      const result = await change();
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'INTERNAL',
          message: expect.stringMatching(/gamla lösenfrasen gäller fortfarande/),
        },
      });
      const actions = await reopenWith(PASSPHRASE);
      expect(actions.slice(0, 2)).toEqual(['unit.changePassphraseFailed', 'unit.changePassphrase']);
    });
  });
});
