import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InitialSchema } from '../../main/app/db/migrations/0001-initial-schema';
import { migrations } from '../../main/app/db/migrations';
import { SwedishSearch } from '../../main/app/db/migrations/0006-swedish-search';
import { openUnitDatabase } from '../../main/app/db/open';
import { listRecords } from '../../main/app/registers/registerQueries';
import { registers } from '../../shared/registers';
import { registerListInput } from '../../shared/registers/schemas';
import { readWithSqlcipher } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

const PASS = 'rätt häst batteri';

describe('migrations on a database that has data in it', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('0002 keeps the unit and its users, and turns patch Wednesday on', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const v1 = await openUnitDatabase(path, PASS, { create: true, migrations: [InitialSchema] });
    await v1.query(
      `INSERT INTO unit (id, name, department, auto_lock_minutes, created_at, updated_at)
       VALUES (1, 'Enhet Äldre', 'Soc', 15, 't', 't')`,
    );
    await v1.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'maja', 'Maja', 'MA', 'unitManager', 'h', 1, 't', 't')`,
    );
    await v1.destroy();

    const v2 = await openUnitDatabase(path, PASS, { create: false });
    expect(await v2.query('SELECT name, auto_lock_minutes, patch_wednesday FROM unit')).toEqual([
      { name: 'Enhet Äldre', auto_lock_minutes: 15, patch_wednesday: 1 },
    ]);
    expect(await v2.query('SELECT username FROM users')).toEqual([{ username: 'maja' }]);
    expect(await v2.query('SELECT count(*) AS n FROM outages')).toEqual([{ n: 0 }]);
    await v2.destroy();
  });

  it('0006 folds and keys the names already there: found, sorted, and still SQLCipher 4', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const upTo5 = migrations.slice(0, migrations.indexOf(SwedishSearch));
    const v5 = await openUnitDatabase(path, PASS, { create: true, migrations: upTo5 });
    await v5.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'maja', 'Maja', 'MA', 'unitManager', 'h', 1, 't', 't')`,
    );
    await v5.query(
      `INSERT INTO outages (id, kind, level, starts_at, created_by_id, created_at, updated_at)
       VALUES ('o1', 'unplanned', 'II', '2026-11-20T08:00:00.000Z', 'u1', 't', 't')`,
    );
    const names = ['Örjan Åström', 'Åsa Berg', 'Asa Lind', 'René Ek', 'Zoran Zec', 'Ärla Öst'];
    for (const [i, name] of names.entries()) {
      await v5.query(
        `INSERT INTO decisions (id, outage_id, client_name, personnummer, reserve_identity,
           created_by_id, created_by_name, created_at, updated_at, purpose, case_worker,
           decision_maker, decision_date)
         VALUES (?, 'o1', ?, '191212121212', 0, 'u1', 'Maja', ?, ?, 'Bistånd', 'Maja', 'Maja', '2026-11-20')`,
        [`d${i}`, name, `2026-11-20T09:0${i}:00.000Z`, `2026-11-20T09:0${i}:00.000Z`],
      );
    }
    await v5.query(
      `INSERT INTO payouts (id, outage_id, client_name, personnummer, reserve_identity,
         created_by_id, created_by_name, created_at, updated_at, payout_date,
         verification_number, purpose, amount, decision_maker)
       VALUES ('p1', 'o1', 'Östen Öberg', '191212121212', 0, 'u1', 'Maja', 't', 't',
         '2026-11-20', 'V1', 'Mat', 10000, 'Maja')`,
    );
    await v5.destroy();

    const v6 = await openUnitDatabase(path, PASS, { create: false });
    const list = async (key: 'decisions' | 'payouts', filter: object) =>
      (
        await listRecords(
          v6,
          registers[key],
          registerListInput.parse({ limit: 50, ...filter }),
          new Date('2026-11-23T09:00:00Z'),
        )
      ).rows.map((r) => r.clientName);
    expect(await list('decisions', { search: 'örjan' })).toEqual(['Örjan Åström']);
    expect(await list('decisions', { search: 'åsa' })).toEqual(['Åsa Berg']);
    expect(await list('decisions', { search: 'rene' })).toEqual(['René Ek']);
    expect(await list('decisions', { search: 'é' })).toEqual(['Zoran Zec', 'René Ek', 'Åsa Berg']);
    expect(await list('payouts', { search: 'ÖSTEN' })).toEqual(['Östen Öberg']);
    expect(await list('decisions', { sort: 'clientName', direction: 'asc' })).toEqual([
      'Asa Lind',
      'René Ek',
      'Zoran Zec',
      'Åsa Berg',
      'Ärla Öst',
      'Örjan Åström',
    ]);
    // A writer that leaves out the folded name is refused rather than left unfindable.
    await expect(
      v6.query(
        `INSERT INTO decisions (id, outage_id, client_name, personnummer, reserve_identity,
           created_by_id, created_by_name, created_at, updated_at, purpose, case_worker,
           decision_maker, decision_date)
         VALUES ('x', 'o1', 'Ny Person', '191212121212', 0, 'u1', 'Maja', 't', 't', 'B', 'M', 'M', '2026-11-20')`,
      ),
    ).rejects.toThrow(/client_fold/);
    await v6.destroy();

    // The official SQLCipher 4 build reads the index and finds the schema sound: no
    // function of ours is needed to check or search it.
    expect(await readWithSqlcipher(path, PASS, 'PRAGMA integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
    expect(
      await readWithSqlcipher(
        path,
        PASS,
        `SELECT d.client_name FROM decisions d JOIN decisions_name_search s
           ON s.rowid = d.search_rowid WHERE decisions_name_search MATCH '"åström"'`,
      ),
    ).toEqual([{ client_name: 'Örjan Åström' }]);
  });
});
