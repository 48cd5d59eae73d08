import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionOf, openUnitDatabase } from '../../main/app/db/open';
import { AppError } from '../../shared/result';
import { containsPlainText, snapshotFolder } from '../support/files';
import { sqlcipherTableNames } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

const PASS = 'rätt häst batteri';

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('the unit database file', () => {
  let dir: string;
  let cleanup: () => void;
  let path: string;

  beforeEach(() => {
    ({ dir, cleanup } = makeTempDir());
    path = join(dir, 'unit.db');
  });
  afterEach(() => cleanup());

  async function createWithRow(name = 'Enhet Hemlig') {
    const ds = await openUnitDatabase(path, PASS, { create: true });
    await ds.query(
      `INSERT INTO unit (id, name, department, created_at, updated_at) VALUES (1, ?, 'Soc', 'x', 'x')`,
      [name],
    );
    return ds;
  }

  it('is SQLCipher 4 that the official SQLCipher build opens with the passphrase', async () => {
    const ds = await createWithRow();
    await ds.destroy();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const tables = await sqlcipherTableNames(path, PASS);
    expect(tables).toEqual(expect.arrayContaining(['unit', 'users', 'audit_log', 'migrations']));
    await expect(sqlcipherTableNames(path, 'fel lösenfras')).rejects.toThrow(/not a database/);
  });

  it('holds no plain text in the file or its write-ahead log, even before a checkpoint', async () => {
    const ds = await createWithRow('Enhet Klartextkontroll');
    // The row is committed to the WAL at this point, not yet checkpointed.
    expect(containsPlainText(path, 'Enhet Klartextkontroll')).toBe(false);
    await ds.destroy();
    expect(containsPlainText(path, 'Enhet Klartextkontroll')).toBe(false);
  });

  it('runs in WAL mode with synchronous=FULL, no memory mapping and no temporary files', async () => {
    const ds = await createWithRow();
    const db = connectionOf(ds);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    await ds.destroy();
  });

  it('refuses a wrong passphrase and leaves every file byte-for-byte as it was', async () => {
    const ds = await createWithRow();
    await ds.destroy();
    const before = snapshotFolder(dir);
    const error = await expectAppError(
      openUnitDatabase(path, 'inte rätt lösenfras', { create: false }),
      'WRONG_PASSPHRASE',
    );
    expect(error.message).toMatch(/Fel lösenfras/);
    expect(snapshotFolder(dir)).toEqual(before);
    // And the right one still opens it afterwards.
    const again = await openUnitDatabase(path, PASS, { create: false });
    await again.destroy();
  });

  // After a crash the WAL still holds commits. SQLite opens the WAL before it can decrypt
  // anything, so a wrong key makes it create the WAL's shared-memory index (-shm): a
  // scratch file of frame numbers and checksums, no content. The database and the WAL
  // themselves must stay byte-for-byte the same, and the right key must recover the WAL.
  it('leaves the database and an un-checkpointed WAL untouched on a wrong passphrase, then recovers it', async () => {
    const ds = await createWithRow('Enhet I Loggen');
    // Simulate a crash: copy the files while the WAL still holds the commit.
    const crashed = makeTempDir();
    try {
      const copy = join(crashed.dir, 'unit.db');
      for (const suffix of ['', '-wal']) {
        const bytes = readFileSync(path + suffix);
        const fd = openSync(copy + suffix, 'w');
        writeSync(fd, bytes);
        closeSync(fd);
      }
      await ds.destroy();
      const before = snapshotFolder(crashed.dir);
      expect(Object.keys(before)).toContain('unit.db-wal');
      await expectAppError(
        openUnitDatabase(copy, 'fel fel fel fel', { create: false }),
        'WRONG_PASSPHRASE',
      );
      const { 'unit.db-shm': _index, ...after } = snapshotFolder(crashed.dir);
      expect(after).toEqual(before);

      const recovered = await openUnitDatabase(copy, PASS, { create: false });
      expect(await recovered.query('SELECT name FROM unit')).toEqual([{ name: 'Enhet I Loggen' }]);
      await recovered.destroy();
    } finally {
      crashed.cleanup();
    }
  });

  it('refuses a database written by a newer version without changing it', async () => {
    const ds = await createWithRow();
    await ds.query(
      `INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')`,
    );
    await ds.destroy();
    const before = snapshotFolder(dir);
    await expectAppError(openUnitDatabase(path, PASS, { create: false }), 'NEWER_SCHEMA');
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('reports a damaged file as corrupt and deletes nothing', async () => {
    const ds = await createWithRow();
    // Enough rows to span several pages, so damage can hit a page other than the first.
    await ds.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
       INSERT INTO audit_log (at, action, entity) SELECT 'x', 'filler', printf('%0200d', i) FROM n`,
    );
    await ds.destroy();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 4096 * 3 + 100);
    closeSync(fd);
    const before = snapshotFolder(dir);
    const error = await expectAppError(openUnitDatabase(path, PASS, { create: false }), 'CORRUPT');
    expect(error.message).toMatch(/skadad/);
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('will not create a database over an existing file, nor open a missing one', async () => {
    const ds = await createWithRow();
    await ds.destroy();
    await expectAppError(openUnitDatabase(path, PASS, { create: true }), 'ALREADY_SETUP');
    await expectAppError(
      openUnitDatabase(join(dir, 'missing.db'), PASS, { create: false }),
      'NOT_SETUP',
    );
  });
});
