import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnitDatabase, SETUP_TEMPORARY_SUFFIX } from '../../main/app/db/create';
import type { Status } from '../../shared/contract';
import { createTestApp, PASSPHRASE, SETUP } from '../support/app';
import { makeTempDir } from '../support/tempDir';

let dir: string;
let cleanup: () => void;
let path: string;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  path = join(dir, 'unit.db');
});
afterEach(() => cleanup());

describe('first run, crash-safe', () => {
  it('builds the database under a temporary name: nothing at the final path until it committed', async () => {
    const seen: { final: boolean; temporary: boolean }[] = [];
    const { dataSource } = await createUnitDatabase(path, PASSPHRASE, async (em) => {
      await em.query(
        `INSERT INTO unit (id, name, department, created_at, updated_at) VALUES (1, 'E', 'S', 'x', 'x')`,
      );
      seen.push({ final: existsSync(path), temporary: existsSync(path + SETUP_TEMPORARY_SUFFIX) });
    });
    expect(seen).toEqual([{ final: false, temporary: true }]);
    expect(await dataSource.query('SELECT name FROM unit')).toEqual([{ name: 'E' }]);
    await dataSource.destroy();
    expect(readdirSync(dir)).toEqual(['unit.db']);
  });

  it('leaves nothing behind when the setup transaction fails', async () => {
    await expect(
      createUnitDatabase(path, PASSPHRASE, () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a crash mid-setup leaves no "set up" unit; the next setup clears the half-made file and succeeds', async () => {
    // What a power cut during the setup transaction leaves: the half-made file, its WAL.
    const crash = join(dir, 'crash');
    await createUnitDatabase(path, PASSPHRASE, async (em) => {
      await em.query(
        `INSERT INTO unit (id, name, department, created_at, updated_at) VALUES (1, 'Halv', 'S', 'x', 'x')`,
      );
      for (const suffix of ['', '-wal']) {
        const file = path + SETUP_TEMPORARY_SUFFIX + suffix;
        if (existsSync(file)) copyFileSync(file, crash + suffix);
      }
      throw new Error('power cut');
    }).catch(() => undefined);
    for (const suffix of ['', '-wal']) {
      if (existsSync(crash + suffix))
        copyFileSync(crash + suffix, path + SETUP_TEMPORARY_SUFFIX + suffix);
    }
    expect(existsSync(path + SETUP_TEMPORARY_SUFFIX)).toBe(true);
    expect(existsSync(path)).toBe(false);

    const app = createTestApp(dir);
    try {
      const status = (await app.ok('app.status')) as Status;
      expect(status.phase).toBe('setup');
      await app.ok('unit.setup', SETUP);
      expect(readdirSync(dir).filter((name) => name.includes(SETUP_TEMPORARY_SUFFIX))).toEqual([]);
      await app.state.close();
      await app.ok('unit.unlock', { passphrase: PASSPHRASE });
      const unlocked = (await app.ok('app.status')) as Status;
      expect(unlocked.unit?.name).toBe(SETUP.unitName);
    } finally {
      await app.state.close();
    }
  });

  it('never builds over a database that is there', async () => {
    const { dataSource } = await createUnitDatabase(path, PASSPHRASE, () => Promise.resolve());
    await dataSource.destroy();
    await expect(
      createUnitDatabase(path, PASSPHRASE, () => Promise.resolve()),
    ).rejects.toMatchObject({
      code: 'ALREADY_SETUP',
    });
  });

  it('after a restart and unlock, the office still writes a laptop setup file (it attaches a new file)', async () => {
    const app = createTestApp(dir);
    try {
      await app.ok('unit.setup', SETUP);
      await app.state.close();
      await app.ok('unit.unlock', { passphrase: PASSPHRASE });
      await app.ok('session.signIn', {
        username: SETUP.manager.username,
        password: SETUP.manager.password,
      });
      const written = (await app.ok('transfer.writeSetupFile', { laptopName: 'Bärbar 1' })) as {
        savedAs: string | null;
      };
      expect(written.savedAs).not.toBeNull();
      expect(existsSync(written.savedAs!)).toBe(true);
    } finally {
      await app.state.close();
    }
  });
});
