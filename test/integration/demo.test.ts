import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../scripts/demoData';
import { containsPlainText } from '../support/files';
import { createTestApp } from '../support/app';
import { sqlcipherTableNames } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

describe('the demo (training) database', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('is an encrypted SQLCipher 4 file with one working account per role', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const passphrase = 'rätt häst batteri';
    const accounts = await createDemo(temp.dir, passphrase);
    expect(accounts.map((a) => a.role)).toEqual([
      'unitManager',
      'caseWorker',
      'financialAidManager',
    ]);

    const path = join(temp.dir, 'demo.db');
    expect(await sqlcipherTableNames(path, passphrase)).toEqual(
      expect.arrayContaining(['unit', 'users', 'audit_log']),
    );
    await expect(sqlcipherTableNames(path, 'fel')).rejects.toThrow();
    for (const text of ['Enhet Demo', ...accounts.map((a) => a.fullName)]) {
      expect(containsPlainText(path, text), text).toBe(false);
    }

    const app = createTestApp(temp.dir, { fileName: 'demo.db' });
    await app.ok('unit.unlock', { passphrase });
    for (const account of accounts) {
      const status = await app.ok('session.signIn', {
        username: account.username,
        password: account.password,
      });
      expect(status).toMatchObject({ user: { role: account.role } });
      await app.ok('session.signOut');
    }
    await app.state.close();
    // A second run refuses to overwrite the existing file.
    await expect(createDemo(temp.dir, passphrase)).rejects.toThrow(/redan/);
  });
});
