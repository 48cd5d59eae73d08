import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../shared/contract';
import { connectionOf } from '../../main/app/db/open';
import { clockFrom, createTestApp, PASSPHRASE, SETUP } from '../support/app';
import { makeTempDir } from '../support/tempDir';

/**
 * What survives a crash. A killed process and a power loss are different: after SIGKILL
 * the operating system still writes out what the process had handed it, so the kill test
 * proves the app acknowledges a save only once SQLite has committed it and that the file
 * opens cleanly afterwards. It cannot prove the data reached the disk. That is what
 * synchronous=FULL is for (fsync at every commit; this build's WAL default, NORMAL, can lose
 * the last commits at power loss), so the guard below checks FULL on every connection.
 */
describe('durability', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('a killed process loses no acknowledged save and the file opens cleanly', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../support/crashWriter.ts'), temp.dir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acknowledged: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          if (line.startsWith('ACK ')) acknowledged.push(line.slice(4));
          // Kill without warning once a few saves are through: no close, no checkpoint.
          if (acknowledged.length === 5) child.kill('SIGKILL');
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    const app = createTestApp(temp.dir);
    await app.ok('unit.unlock', { passphrase: PASSPHRASE });
    expect(connectionOf(app.state.db()).pragma('integrity_check', { simple: true })).toBe('ok');
    await app.ok('session.signIn', { username: 'maja', password: 'chef-lösen-1' });
    const usernames = ((await app.ok('users.list')) as User[]).map((u) => u.username);
    for (const username of acknowledged) expect(usernames).toContain(username);
    await app.state.close();
  });

  it('power-loss guard: synchronous reads back FULL on every connection the app opens', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const durabilityOf = (app: ReturnType<typeof createTestApp>) => {
      const db = connectionOf(app.state.db());
      return [
        db.pragma('synchronous', { simple: true }),
        db.pragma('journal_mode', { simple: true }),
      ];
    };
    let app = createTestApp(temp.dir, { clock: clockFrom('2026-11-23T10:00') });
    await app.ok('unit.setup', SETUP);
    expect(durabilityOf(app), 'at first-run setup').toEqual([2, 'wal']);
    // The rekey leaves WAL for DELETE and comes back: FULL must come back with it.
    const next = 'ny lösenfras för enheten';
    await app.ok('unit.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next });
    expect(durabilityOf(app), 'after a passphrase change').toEqual([2, 'wal']);
    await app.state.close();
    app = createTestApp(temp.dir);
    await app.ok('unit.unlock', { passphrase: next });
    expect(durabilityOf(app), 'after unlocking').toEqual([2, 'wal']);
    await app.state.close();
  });
});
