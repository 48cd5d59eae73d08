import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InitialSchema } from '../../main/app/db/migrations/0001-initial-schema';
import { migrations } from '../../main/app/db/migrations';
import { RecordRules } from '../../main/app/db/migrations/0007-record-rules';
import { PaperReferences } from '../../main/app/db/migrations/0008-paper-references';
import { Outages } from '../../main/app/db/migrations/0002-outages';
import { Registers } from '../../main/app/db/migrations/0003-registers';
import { openUnitDatabase } from '../../main/app/db/open';
import { registers } from '../../shared/registers';
import { rowToRecord } from '../../main/app/registers/table';
import { SwedishSearch } from '../../main/app/db/migrations/0006-swedish-search';
import { listRecords } from '../../main/app/registers/registerQueries';
import { registerListInput } from '../../shared/registers/schemas';
import { foldName, swedishSortKey } from '../../shared/swedishText';
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

  it('0007 keeps records and outages, and adds the change-after-entry and end-note columns', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const before = migrations.slice(0, migrations.indexOf(RecordRules));
    const v6 = await openUnitDatabase(path, PASS, { create: true, migrations: before });
    await v6.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'kalle', 'Kalle', 'KH', 'caseWorker', 'h', 1, 't', 't')`,
    );
    await v6.query(
      `INSERT INTO outages (id, kind, level, starts_at, ends_at, created_by_id, created_at, updated_at)
       VALUES ('o1', 'unplanned', 'II', '2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', 'u1', 't', 't')`,
    );
    await v6.query(
      `INSERT INTO decisions (id, outage_id, client_name, personnummer, created_by_id, created_by_name,
         created_at, updated_at, entered_on, entered_by_initials, purpose, case_worker, decision_maker,
         decision_date, client_fold, client_sort)
       VALUES ('d1', 'o1', 'Tolvan', '191212121212', 'u1', 'Kalle', 't', 't', '2026-11-25', 'KH',
         'Livsmedel', 'Kalle', 'Maja', '2026-11-23', ?, ?)`,
      [foldName('Tolvan'), swedishSortKey('Tolvan')],
    );
    await v6.destroy();

    const v7 = await openUnitDatabase(path, PASS, { create: false });
    const [row] = (await v7.query(`SELECT * FROM decisions`)) as Record<string, string | null>[];
    expect(rowToRecord(registers.decisions, row!)).toMatchObject({
      clientName: 'Tolvan',
      enteredOn: '2026-11-25',
      enteredByInitials: 'KH',
      values: { purpose: 'Livsmedel', decisionDate: '2026-11-23' },
      changedAfterEntry: null,
    });
    expect(
      await v7.query('SELECT id, ends_at, ended_by_id, ended_by_name, end_note FROM outages'),
    ).toEqual([
      {
        id: 'o1',
        ends_at: '2026-11-24T09:00:00.000Z',
        ended_by_id: null,
        ended_by_name: null,
        end_note: '',
      },
    ]);
    expect(row).toMatchObject({ previous_entered_by_id: null, previous_entered_by_name: null });
    expect(await v7.query('PRAGMA foreign_key_check')).toEqual([]);
    await v7.destroy();
  });

  it('0008 keeps the unit and records, derives a prefix and adds the reference columns', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const before = migrations.slice(0, migrations.indexOf(PaperReferences));
    const v7 = await openUnitDatabase(path, PASS, { create: true, migrations: before });
    await v7.query(
      `INSERT INTO unit (id, name, department, auto_lock_minutes, created_at, updated_at)
       VALUES (1, 'Socialtjänst Östra', 'Soc', 15, 't', 't')`,
    );
    await v7.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'kalle', 'Kalle', 'KH', 'caseWorker', 'h', 1, 't', 't')`,
    );
    await v7.query(
      `INSERT INTO outages (id, kind, level, starts_at, ends_at, created_by_id, created_at, updated_at)
       VALUES ('o1', 'unplanned', 'II', '2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', 'u1', 't', 't')`,
    );
    for (const id of ['d1', 'd2']) {
      await v7.query(
        `INSERT INTO decisions (id, outage_id, client_name, personnummer, created_by_id, created_by_name,
           created_at, updated_at, transcribed_from_paper, purpose, case_worker, decision_maker,
           decision_date, client_fold, client_sort)
         VALUES (?, 'o1', 'Tolvan', '191212121212', 'u1', 'Kalle', 't', 't', 1,
           'Livsmedel', 'Kalle', 'Maja', '2026-11-23', ?, ?)`,
        [id, foldName('Tolvan'), swedishSortKey('Tolvan')],
      );
    }
    await v7.destroy();

    const v8 = await openUnitDatabase(path, PASS, { create: false });
    expect(
      await v8.query(
        'SELECT name, auto_lock_minutes, reference_prefix, local_routines_json FROM unit',
      ),
    ).toEqual([
      {
        name: 'Socialtjänst Östra',
        auto_lock_minutes: 15,
        reference_prefix: 'SO',
        local_routines_json: null,
      },
    ]);
    const rows = (await v8.query(`SELECT * FROM decisions ORDER BY id`)) as Record<
      string,
      string | null
    >[];
    expect(rows.map((row) => rowToRecord(registers.decisions, row))).toMatchObject([
      { id: 'd1', clientName: 'Tolvan', transcribedFromPaper: true, paperReference: null },
      { id: 'd2', paperReference: null },
    ]);
    expect(await v8.query('SELECT count(*) AS n FROM printed_references')).toEqual([{ n: 0 }]);
    // Unique among records not voided: a second live record cannot take the same reference.
    await v8.query(`UPDATE decisions SET paper_reference = 'SO000001' WHERE id = 'd1'`);
    await expect(
      v8.query(`UPDATE decisions SET paper_reference = 'SO000001' WHERE id = 'd2'`),
    ).rejects.toThrow(/UNIQUE/);
    await v8.query(`UPDATE decisions SET voided_at = 't' WHERE id = 'd1'`);
    await v8.query(`UPDATE decisions SET paper_reference = 'SO000001' WHERE id = 'd2'`);
    expect(await v8.query('PRAGMA foreign_key_check')).toEqual([]);
    expect(await v8.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await v8.destroy();
  });

  it('0004 keeps the unit, its people, outages and decisions, and adds the payout settings', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const v3 = await openUnitDatabase(path, PASS, {
      create: true,
      migrations: [InitialSchema, Outages, Registers],
    });
    await v3.query(
      `INSERT INTO unit (id, name, department, auto_lock_minutes, patch_wednesday, created_at, updated_at)
       VALUES (1, 'Enhet Äldre', 'Soc', 15, 0, 't', 't')`,
    );
    await v3.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'maja', 'Maja', 'MA', 'unitManager', 'h', 1, 't', 't')`,
    );
    await v3.query(
      `INSERT INTO outages (id, kind, level, starts_at, created_by_id, created_at, updated_at)
       VALUES ('o1', 'unplanned', 'II', '2026-11-20T08:00:00.000Z', 'u1', 't', 't')`,
    );
    await v3.query(
      `INSERT INTO decisions (id, outage_id, client_name, personnummer, created_by_id,
         created_by_name, created_at, updated_at, purpose, case_worker, decision_maker, decision_date)
       VALUES ('d1', 'o1', 'Åsa Öberg', '194001019800', 'u1', 'Maja', 't', 't',
         'Livsmedel', 'Maja', 'Maja', '2026-11-20')`,
    );
    await v3.destroy();

    const v4 = await openUnitDatabase(path, PASS, { create: false });
    expect(
      await v4.query(
        `SELECT name, auto_lock_minutes, patch_wednesday, card_provider, payout_limit_ore,
           payout_warning_ore, payout_strong_warning_ore FROM unit`,
      ),
    ).toEqual([
      {
        name: 'Enhet Äldre',
        auto_lock_minutes: 15,
        patch_wednesday: 0,
        card_provider: 'ICA',
        payout_limit_ore: 7_500_000,
        payout_warning_ore: 6_000_000,
        payout_strong_warning_ore: 7_000_000,
      },
    ]);
    expect(await v4.query('SELECT username FROM users')).toEqual([{ username: 'maja' }]);
    expect(await v4.query('SELECT id, level FROM outages')).toEqual([{ id: 'o1', level: 'II' }]);
    expect(await v4.query('SELECT client_name, personnummer FROM decisions')).toEqual([
      { client_name: 'Åsa Öberg', personnummer: '194001019800' },
    ]);
    expect(await v4.query('SELECT count(*) AS n FROM payouts')).toEqual([{ n: 0 }]);
    expect(await v4.query('PRAGMA foreign_key_check')).toEqual([]);
    await v4.destroy();
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

    // The name index deletes for good (FTS5 secure-delete): a rename and a delete through
    // the triggers, then the official build still checks the file and searches it.
    const again = await openUnitDatabase(path, PASS, { create: false });
    await again.query(
      `UPDATE decisions SET client_name = 'Anna Berg', client_fold = ?, client_sort = ? WHERE id = 'd0'`,
      [foldName('Anna Berg'), swedishSortKey('Anna Berg')],
    );
    await again.query(`DELETE FROM decisions WHERE id = 'd1'`);
    await again.destroy();
    const sqlcipher = (sql: string) => readWithSqlcipher(path, PASS, sql);
    expect(
      await sqlcipher(
        `SELECT k, v FROM decisions_name_search_config WHERE k = 'secure-delete' UNION ALL
         SELECT k, v FROM payouts_name_search_config WHERE k = 'secure-delete'`,
      ),
    ).toEqual([
      { k: 'secure-delete', v: 1 },
      { k: 'secure-delete', v: 1 },
    ]);
    expect(await sqlcipher('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const found = (text: string) =>
      sqlcipher(
        `SELECT d.client_name FROM decisions d JOIN decisions_name_search s
           ON s.rowid = d.search_rowid WHERE decisions_name_search MATCH '"${text}"'
         ORDER BY d.client_name`,
      );
    expect(await found('berg')).toEqual([{ client_name: 'Anna Berg' }]);
    expect(await found('åström')).toEqual([]);
    expect(await found('åsa')).toEqual([]);
    expect(await found('öst')).toEqual([{ client_name: 'Ärla Öst' }]);
  });
});
