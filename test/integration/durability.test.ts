import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../shared/contract';
import { connectionOf } from '../../main/app/db/open';
import { createTestApp, PASSPHRASE } from '../support/app';
import { makeTempDir } from '../support/tempDir';

describe('a crash', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('loses no acknowledged save when the process is killed mid-write', async () => {
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
});
