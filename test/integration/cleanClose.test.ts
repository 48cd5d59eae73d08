import { closeSync, existsSync, openSync, statSync, utimesSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedCleanly } from '../../main/app/db/cleanClose';
import { CASE_WORKER, createTestApp, PASSPHRASE, SETUP, type TestApp } from '../support/app';
import { makeTempDir } from '../support/tempDir';

let dir: string;
let cleanup: () => void;
let app: TestApp;

beforeEach(async () => {
  ({ dir, cleanup } = makeTempDir());
  app = createTestApp(dir);
  await app.ok('unit.setup', SETUP);
  await app.ok('users.create', CASE_WORKER);
});
afterEach(async () => {
  await app.state.close();
  cleanup();
});

const dbPath = () => app.state.dbPath;

/** Overwrites one page (counted from 0) with zeros: same size, damaged. */
function zeroPage(path: string, page: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(4096), 0, 4096, page * 4096);
  } finally {
    closeSync(fd);
  }
}

describe('the open after a clean close', () => {
  it('is vouched for by the close, and used up by the next open', async () => {
    expect(closedCleanly(dbPath())).toBe(false);
    await app.state.close();
    expect(closedCleanly(dbPath())).toBe(true);
    await app.ok('unit.unlock', { passphrase: PASSPHRASE });
    // Open again: a crash from now on leaves no record, and the next open checks in full.
    expect(closedCleanly(dbPath())).toBe(false);
  });

  it('a wrong passphrase keeps the record for the right one', async () => {
    await app.state.close();
    expect((await app.call('unit.unlock', { passphrase: 'fel lösenfras här' })).ok).toBe(false);
    expect(closedCleanly(dbPath())).toBe(true);
  });

  it('a page damaged after the close, size and modification time kept, is still found at open', async () => {
    // The users table's root page: one the check is sure to read (a free page may not be).
    const [{ rootpage }] = (await app.state
      .db()
      .query(`SELECT rootpage FROM sqlite_master WHERE name = 'users'`)) as [{ rootpage: number }];
    await app.state.close();
    const closedAt = statSync(dbPath());
    const { atime, mtime } = closedAt;
    // Past the clock tick of the close, so the change time can move (coarse on some kernels).
    await new Promise((resolve) => setTimeout(resolve, 20));
    zeroPage(dbPath(), rootpage - 1);
    utimesSync(dbPath(), atime, mtime);
    const after = statSync(dbPath());
    expect(Math.abs(after.mtimeMs - mtime.getTime())).toBeLessThan(1);
    expect(after.ctimeMs).not.toBe(closedAt.ctimeMs);
    // The change time moved: the file is not the one closed, so it is checked in full.
    expect(closedCleanly(dbPath())).toBe(false);
    const unlock = await app.call('unit.unlock', { passphrase: PASSPHRASE });
    expect(unlock.ok).toBe(false);
    if (!unlock.ok) expect(unlock.error.code).toBe('CORRUPT');
  });

  it('a session in which SQLite met a damaged page is not vouched for at close', async () => {
    app.state.doubtIntegrity();
    await app.state.close();
    expect(closedCleanly(dbPath())).toBe(false);
  });

  it('a session that ends without a close (a crash) leaves no record', async () => {
    // The open session's file, as a kill would leave it: no close, so no record.
    expect(existsSync(`${dbPath()}-wal`)).toBe(true);
    expect(closedCleanly(dbPath())).toBe(false);
  });
});
