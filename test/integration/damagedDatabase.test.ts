import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionOf, openUnitDatabase } from '../../main/app/db/open';
import { AppError } from '../../shared/result';
import { snapshotFolder } from '../support/files';
import { makeTempDir } from '../support/tempDir';

const PASS = 'rätt häst batteri';

async function openError(path: string, passphrase = PASS): Promise<AppError> {
  const error = await openUnitDatabase(path, passphrase, { create: false }).then(
    async (ds) => {
      await ds.destroy();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A file of several pages, closed (the WAL checkpointed into it). */
async function createDatabase(path: string): Promise<void> {
  const ds = await openUnitDatabase(path, PASS, { create: true });
  await ds.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
     INSERT INTO audit_log (at, action, entity) SELECT 'x', 'filler', printf('%0200d', i) FROM n`,
  );
  await ds.destroy();
}

function overwrite(path: string, bytes: Buffer, at: number): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

describe('a damaged or cut-short database file at open', () => {
  let dir: string;
  let cleanup: () => void;
  let path: string;

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    path = join(dir, 'unit.db');
    await createDatabase(path);
  });
  afterEach(() => cleanup());

  /** CORRUPT, with the reason, and every file in the folder byte for byte as before. */
  async function expectCorruptAndUntouched(reason: RegExp): Promise<void> {
    const before = snapshotFolder(dir);
    const error = await openError(path);
    expect(error.code).toBe('CORRUPT');
    expect(error.message).toMatch(/skadad/);
    expect(error.message).toMatch(reason);
    expect(snapshotFolder(dir)).toEqual(before);
  }

  it('refuses a 0-byte file without taking it for a new database or writing into it', async () => {
    truncateSync(path, 0);
    await expectCorruptAndUntouched(/tom \(0 byte\)/);
    expect(statSync(path).size).toBe(0);
  });

  it('refuses a 0-byte file with a WAL beside it, and keeps the WAL (SQLite would delete it)', async () => {
    writeFileSync(`${path}-wal`, randomBytes(4096 + 32));
    truncateSync(path, 0);
    await expectCorruptAndUntouched(/tom/);
  });

  it('refuses a file cut off inside a page', async () => {
    truncateSync(path, statSync(path).size - 1000);
    await expectCorruptAndUntouched(/avkortad/);
  });

  it('refuses a file cut off at a page boundary (pages missing)', async () => {
    truncateSync(path, statSync(path).size - 4096 * 3);
    await expectCorruptAndUntouched(/./);
  });

  it('refuses a file whose first page was zeroed', async () => {
    overwrite(path, Buffer.alloc(4096), 0);
    await expectCorruptAndUntouched(/nollställd/);
  });

  it('refuses a file with a zeroed page in the middle', async () => {
    overwrite(path, Buffer.alloc(4096), 4096 * 5);
    await expectCorruptAndUntouched(/./);
  });

  it('refuses short garbage and an unencrypted SQLite file', async () => {
    writeFileSync(path, 'inte en databas alls');
    await expectCorruptAndUntouched(/avkortad/);
    const plain = Buffer.alloc(4096);
    plain.write('SQLite format 3\0', 'latin1');
    writeFileSync(path, plain);
    await expectCorruptAndUntouched(/inte krypterad/);
  });

  it('says that random bytes of whole pages cannot be told from a wrong passphrase', async () => {
    writeFileSync(path, randomBytes(4096 * 4));
    const before = snapshotFolder(dir);
    const error = await openError(path);
    expect(error.code).toBe('WRONG_PASSPHRASE');
    expect(error.message).toMatch(/^Fel lösenfras\./);
    expect(error.message).toMatch(/kan början av filen vara skadad/);
    expect(error.fields).toEqual({ passphrase: 'Fel lösenfras.' });
    const { 'unit.db-shm': _index, ...after } = snapshotFolder(dir);
    expect(after).toEqual(before);
  });

  it('leaves a damaged file and its un-checkpointed WAL as they were', async () => {
    // A crash with commits still in the WAL: the files copied while the database was open.
    const ds = await openUnitDatabase(path, PASS, { create: false });
    await ds.query(`INSERT INTO audit_log (at, action, entity) VALUES ('y', 'in the wal', 'z')`);
    const crashed = makeTempDir();
    try {
      const copy = join(crashed.dir, 'unit.db');
      copyFileSync(path, copy);
      writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`));
      await ds.destroy();
      overwrite(copy, Buffer.alloc(4096), 4096 * 5);
      const before = snapshotFolder(crashed.dir);
      const error = await openError(copy);
      expect(error.code).toBe('CORRUPT');
      const { 'unit.db-shm': _index, ...after } = snapshotFolder(crashed.dir);
      expect(after).toEqual(before);
    } finally {
      crashed.cleanup();
    }
  });
});

describe('a healthy database with a large WAL', () => {
  it('opens with every commit the WAL holds, though the file itself is small', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const path = join(dir, 'unit.db');
      const ds = await openUnitDatabase(path, PASS, { create: true });
      connectionOf(ds).pragma('wal_autocheckpoint = 0');
      await ds.query(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
         INSERT INTO audit_log (at, action, entity) SELECT 'x', 'wal', printf('%0200d', i) FROM n`,
      );
      const copy = join(dir, 'copy.db');
      copyFileSync(path, copy);
      writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`));
      await ds.destroy();
      expect(statSync(`${copy}-wal`).size).toBeGreaterThan(statSync(copy).size);
      const reopened = await openUnitDatabase(copy, PASS, { create: false });
      expect(
        await reopened.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'wal'`),
      ).toEqual([{ n: 2000 }]);
      await reopened.destroy();
    } finally {
      cleanup();
    }
  });
});
