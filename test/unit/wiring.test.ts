import { describe, expect, it } from 'vitest';
import { createApi } from '../../shared/api';
import { channelNames } from '../../shared/channels';
import { contract } from '../../shared/contract';
import { handlers } from '../../main/app/handlers';
import { resolveDbPath } from '../../main/app/dbPath';
import { migrationName } from '../../main/app/db/migrations/name';
import { migrations } from '../../main/app/db/migrations';

describe('the IPC contract', () => {
  it('has exactly one schema and one handler per channel name', () => {
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
  });

  it('builds the renderer api from channel names, passing input through unchanged', async () => {
    const calls: unknown[] = [];
    const api = createApi(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: null };
    });
    await api.users.create({
      fullName: 'A',
      initials: 'AA',
      username: 'a',
      role: 'caseWorker',
      password: 'x',
      passwordConfirm: 'x',
    });
    await api.app.status();
    expect(calls).toEqual([
      ['users.create', expect.objectContaining({ username: 'a' })],
      ['app.status', undefined],
    ]);
  });
});

describe('database location', () => {
  it('prefers --db, then RESERVPARM_DB, then the user-data folder', () => {
    expect(resolveDbPath(['electron', '.', '--db=/usb/enhet.db'], {}, '/home/u')).toBe(
      '/usb/enhet.db',
    );
    expect(resolveDbPath(['--db', '/usb/b.db'], { RESERVPARM_DB: '/x.db' }, '/h')).toBe(
      '/usb/b.db',
    );
    expect(resolveDbPath([], { RESERVPARM_DB: '/x.db' }, '/h')).toBe('/x.db');
    expect(resolveDbPath([], {}, '/home/u/.config/Reservpärm')).toBe(
      '/home/u/.config/Reservpärm/reservparm.db',
    );
  });
});

describe('migrations', () => {
  it('are numbered in order with the sequence where TypeORM reads it', () => {
    expect(migrationName(1, 'InitialSchema')).toBe('InitialSchema0000000000001');
    const sequences = migrations.map((M) => Number(new M().name.slice(-13)));
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
  });
});
