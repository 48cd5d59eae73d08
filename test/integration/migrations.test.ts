import { dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { InitialSchema } from '../../main/app/db/migrations/0001-initial-schema';
import { migrations } from '../../main/app/db/migrations';
import { RecordRules } from '../../main/app/db/migrations/0007-record-rules';
import { PaperReferences } from '../../main/app/db/migrations/0008-paper-references';
import {
  DevicesAndTransfer,
  provenanceTables,
} from '../../main/app/db/migrations/0009-devices-and-transfer';
import { Outages } from '../../main/app/db/migrations/0002-outages';
import { AdminTasks } from '../../main/app/db/migrations/0010-admin-tasks';
import { listCustodians } from '../../main/app/custodians/custodianService';
import { listReconciliations } from '../../main/app/payouts/reconciliations';
import { issueUsb, listUsbReceipts } from '../../main/app/usbReceipts/usbService';
import type { SessionUser } from '../../shared/contract';
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

  /** A database in a fresh folder as the migrations before `migration` left it. */
  async function openBefore(migration: (typeof migrations)[number]) {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const before = migrations.slice(0, migrations.indexOf(migration));
    return { path, db: await openUnitDatabase(path, PASS, { create: true, migrations: before }) };
  }

  /** The unit "Socialtjänst Östra", Kalle (u1) and an outage that has ended (o1). */
  async function insertUnitKalleAndOutage(db: DataSource) {
    await db.query(
      `INSERT INTO unit (id, name, department, auto_lock_minutes, created_at, updated_at)
       VALUES (1, 'Socialtjänst Östra', 'Soc', 15, 't', 't')`,
    );
    await db.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'kalle', 'Kalle', 'KH', 'caseWorker', 'h', 1, 't', 't')`,
    );
    await db.query(
      `INSERT INTO outages (id, kind, level, starts_at, ends_at, created_by_id, created_at, updated_at)
       VALUES ('o1', 'unplanned', 'II', '2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', 'u1', 't', 't')`,
    );
  }

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
    const { path, db: v7 } = await openBefore(PaperReferences);
    await insertUnitKalleAndOutage(v7);
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

  it('0009 makes the existing database the office PC: a unit id, a device, every row and entry its own', async () => {
    const { path, db: v8 } = await openBefore(DevicesAndTransfer);
    await insertUnitKalleAndOutage(v8);
    await v8.query(
      `INSERT INTO decisions (id, outage_id, client_name, personnummer, created_by_id, created_by_name,
         created_at, updated_at, purpose, case_worker, decision_maker, decision_date, client_fold,
         client_sort, paper_reference)
       VALUES ('d1', 'o1', 'Tolvan', '191212121212', 'u1', 'Kalle', 't', 't2', 'Livsmedel', 'Kalle',
         'Maja', '2026-11-23', ?, ?, 'SO000002')`,
      [foldName('Tolvan'), swedishSortKey('Tolvan')],
    );
    await v8.query(
      `INSERT INTO custodians (id, name, unit_name, phone, email, created_at, updated_at)
       VALUES ('c1', 'Ebba', 'Östra', '08-1', 'e@x.se', 't', 't')`,
    );
    await v8.query(
      `INSERT INTO usb_receipts (id, stick_number, outage_id, issued_on, receiver_name,
         receiver_signature, workplace, issued_by_id, issued_by_name, created_at, updated_at)
       VALUES ('r1', 'USB 1', 'o1', '2026-11-23', 'Kalle', 'KH', 'Östra', 'u1', 'Kalle', 't', 't')`,
    );
    for (const [serial, usedAt, writtenOffAt] of [
      [1, null, '2026-11-25T10:00:00.000Z'],
      [2, '2026-11-24T10:00:00.000Z', null],
      [3, null, null],
    ] as const) {
      await v8.query(
        `INSERT INTO printed_references (reference, serial, kind, printed_at, printed_by_id,
           printed_by_name, used_register, used_record_id, used_at, written_off_at, write_off_reason)
         VALUES (?, ?, 'decisions', '2026-11-20T10:00:00.000Z', 'u1', 'Kalle', ?, ?, ?, ?, ?)`,
        [
          `SO00000${serial}`,
          serial,
          usedAt && 'decisions',
          usedAt && 'd1',
          usedAt,
          writtenOffAt,
          writtenOffAt && 'Blank rad',
        ],
      );
    }
    await v8.query(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id)
       VALUES ('t', 'u1', 'Kalle', 'decisions.create', 'decisions', 'd1'),
              ('t', 'u1', 'Kalle', 'usbReceipts.issue', 'usbReceipt', 'r1')`,
    );
    await v8.destroy();

    const v9 = await openUnitDatabase(path, PASS, { create: false });
    const [unit] = (await v9.query('SELECT uid, name FROM unit')) as { uid: string }[];
    expect(unit).toEqual({
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Socialtjänst Östra',
    });
    const devices = (await v9.query('SELECT * FROM devices')) as Record<string, unknown>[];
    expect(devices).toEqual([
      expect.objectContaining({
        kind: 'office',
        is_this: 1,
        serial_first: 1,
        serial_last: 99_999,
        setup_file_id: null,
        name: expect.stringMatching(/\S/),
      }),
    ]);
    const office = devices[0]!.id;
    for (const table of provenanceTables) {
      const rows = (await v9.query(`SELECT DISTINCT device_id FROM ${table}`)) as unknown[];
      expect(rows, table).toEqual(
        ['reconciliations', 'orders', 'journal_notes', 'other_documents', 'payouts'].includes(table)
          ? []
          : [{ device_id: office }],
      );
    }
    expect(await v9.query('SELECT id, device_id, origin_id FROM audit_log ORDER BY id')).toEqual([
      { id: 1, device_id: office, origin_id: 1 },
      { id: 2, device_id: office, origin_id: 2 },
    ]);
    // The change timestamp of a printed reference: its last print, use or write-off.
    expect(
      await v9.query('SELECT reference, updated_at FROM printed_references ORDER BY serial'),
    ).toEqual([
      { reference: 'SO000001', updated_at: '2026-11-25T10:00:00.000Z' },
      { reference: 'SO000002', updated_at: '2026-11-24T10:00:00.000Z' },
      { reference: 'SO000003', updated_at: '2026-11-20T10:00:00.000Z' },
    ]);
    const [row] = (await v9.query(`SELECT * FROM decisions`)) as Record<string, string | null>[];
    expect(rowToRecord(registers.decisions, row!)).toMatchObject({
      clientName: 'Tolvan',
      paperReference: 'SO000002',
      updatedAt: 't2',
    });

    // Writers that know nothing of devices still mark what they write as made here.
    await v9.query(
      `INSERT INTO decisions (id, outage_id, client_name, personnummer, created_by_id, created_by_name,
         created_at, updated_at, purpose, case_worker, decision_maker, decision_date, client_fold,
         client_sort)
       VALUES ('d2', 'o1', 'Ny', '191212121212', 'u1', 'Kalle', 't', 't', 'B', 'K', 'M', '2026-11-23', ?, ?)`,
      [foldName('Ny'), swedishSortKey('Ny')],
    );
    await v9.query(
      `INSERT INTO audit_log (at, action, entity) VALUES ('t', 'session.signIn', 'session')`,
    );
    await v9.query(
      `INSERT INTO printed_references (reference, serial, kind, printed_at, printed_by_id, printed_by_name)
       VALUES ('SO000004', 4, 'decisions', '2026-11-26T10:00:00.000Z', 'u1', 'Kalle')`,
    );
    expect(await v9.query(`SELECT device_id FROM decisions WHERE id = 'd2'`)).toEqual([
      { device_id: office },
    ]);
    expect(
      await v9.query(`SELECT device_id, origin_id FROM audit_log WHERE action = 'session.signIn'`),
    ).toEqual([{ device_id: office, origin_id: 3 }]);
    expect(await v9.query(`SELECT updated_at FROM printed_references WHERE serial = 4`)).toEqual([
      { updated_at: '2026-11-26T10:00:00.000Z' },
    ]);
    // An entry written elsewhere keeps its device and its id there; twice, it is refused.
    const imported = `INSERT INTO audit_log (at, action, entity, device_id, origin_id)
       VALUES ('t', 'session.signIn', 'session', 'laptop-1', 1)`;
    await v9.query(imported);
    await expect(v9.query(imported)).rejects.toThrow(/UNIQUE/);
    expect(await v9.query('PRAGMA foreign_key_check')).toEqual([]);
    await v9.destroy();

    // The triggers call only built-in SQL: the official SQLCipher 4 build checks the file.
    expect(await readWithSqlcipher(path, PASS, 'PRAGMA integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
    expect(await readWithSqlcipher(path, PASS, 'SELECT count(*) AS n FROM devices')).toEqual([
      { n: 1 },
    ]);
  });

  it('0009 widens the office range over serials it already printed; a new database gets no device', async () => {
    const { path, db: v8 } = await openBefore(DevicesAndTransfer);
    await insertUnitKalleAndOutage(v8);
    await v8.query(
      `INSERT INTO printed_references (reference, serial, kind, printed_at, printed_by_id, printed_by_name)
       VALUES ('SO123456', 123456, 'decisions', 't', 'u1', 'Kalle')`,
    );
    await v8.destroy();
    const v9 = await openUnitDatabase(path, PASS, { create: false });
    expect(await v9.query('SELECT serial_first, serial_last FROM devices')).toEqual([
      { serial_first: 1, serial_last: 129_999 },
    ]);
    await v9.destroy();

    const fresh = await openUnitDatabase(join(dirname(path), 'new.db'), PASS, { create: true });
    expect(await fresh.query('SELECT count(*) AS n FROM devices')).toEqual([{ n: 0 }]);
    await fresh.destroy();
  });

  it('0010 keys the USB sticks already there, keeps two out under one key, and leaves custodians and reconciliations as they were', async () => {
    const { path, db: v9 } = await openBefore(AdminTasks);
    await insertUnitKalleAndOutage(v9);
    await v9.query(
      `INSERT INTO custodians (id, name, unit_name, phone, email, active, created_at, updated_at)
       VALUES ('c1', 'Lisa Kassa', 'Enhet', '08-508 000 00', 'l@k.se', 1, 't', 't')`,
    );
    await v9.query(
      `INSERT INTO reconciliations (id, reconciled_on, finance_contact, total_ore, refill_ore,
         note, payout_count, created_by_id, created_by_name, created_at)
       VALUES ('r1', '2026-11-24', 'Per', 150000, 0, 'Avstämt per telefon', 1, 'u1', 'Kalle', 't')`,
    );
    const receipt = (id: string, stick: string, issued: string, returned: string | null) =>
      v9.query(
        `INSERT INTO usb_receipts (id, stick_number, outage_id, issued_on, receiver_name,
           receiver_signature, workplace, issued_by_id, issued_by_name, returned_on, created_at, updated_at)
         VALUES (?, ?, 'o1', ?, 'Olle', 'OL', 'Tensta', 'u1', 'Kalle', ?, ?, ?)`,
        [id, stick, issued, returned, issued, issued],
      );
    await receipt('a', 'USB10', '2026-11-23', null);
    // The old index compared case only: "usb 10" could go out beside "USB10".
    await receipt('b', 'usb 10', '2026-11-24', null);
    await receipt('c', 'USB-10', '2026-11-20', '2026-11-21');
    await receipt('d', 'USB 2', '2026-11-23', null);
    await v9.destroy();

    const v10 = await openUnitDatabase(path, PASS, { create: false });
    expect(
      await v10.query(
        'SELECT id, stick_number, stick_key, duplicate_out, receiver_user_id FROM usb_receipts ORDER BY id',
      ),
    ).toEqual([
      {
        id: 'a',
        stick_number: 'USB10',
        stick_key: 'USB10',
        duplicate_out: 0,
        receiver_user_id: null,
      },
      {
        id: 'b',
        stick_number: 'usb 10',
        stick_key: 'USB10',
        duplicate_out: 1,
        receiver_user_id: null,
      },
      {
        id: 'c',
        stick_number: 'USB-10',
        stick_key: 'USB10',
        duplicate_out: 0,
        receiver_user_id: null,
      },
      {
        id: 'd',
        stick_number: 'USB 2',
        stick_key: 'USB2',
        duplicate_out: 0,
        receiver_user_id: null,
      },
    ]);
    // Both are still out, flagged as outlasting their ended outage.
    const now = new Date('2026-11-25T10:00:00.000Z');
    const listed = await listUsbReceipts(v10, { outageId: null, onlyOut: true }, now);
    expect(listed.map((r) => [r.id, r.outlastsOutage]).sort()).toEqual([
      ['a', true],
      ['b', true],
      ['d', true],
    ]);
    // The index holds one stick out per key from now on.
    await expect(
      v10.query(
        `INSERT INTO usb_receipts (id, stick_number, stick_key, issued_on, receiver_name,
           receiver_signature, workplace, issued_by_id, issued_by_name, created_at, updated_at)
         VALUES ('e', 'USB 2', 'USB2', '2026-11-25', 'O', 'O', 'T', 'u1', 'K', 't', 't')`,
      ),
    ).rejects.toThrow(/UNIQUE/);
    const kalle: SessionUser = {
      id: 'u1',
      username: 'kalle',
      fullName: 'Kalle',
      initials: 'KH',
      role: 'unitManager',
    };
    const lend = () =>
      issueUsb(
        v10,
        kalle,
        {
          stickNumber: 'Usb10',
          issuedOn: '2026-11-25',
          receiverName: 'Olle',
          receiverSignature: 'OL',
          workplace: 'Tensta',
          outageId: null,
          receiverUserId: null,
        },
        now,
      );
    // Not again while either of the two is out.
    await expect(lend()).rejects.toThrow(/redan utlämnat/);
    await v10.query(`UPDATE usb_receipts SET returned_on = '2026-11-25' WHERE id = 'a'`);
    await expect(lend()).rejects.toThrow(/usb 10 är redan utlämnat/);
    await v10.query(`UPDATE usb_receipts SET returned_on = '2026-11-25' WHERE id = 'b'`);
    expect((await lend()).stickNumber).toBe('Usb10');

    expect(await listCustodians(v10)).toMatchObject([
      { name: 'Lisa Kassa', active: true, removedAt: null, removedByName: null },
    ]);
    expect(await listReconciliations(v10)).toMatchObject([
      {
        id: 'r1',
        totalOre: 150000,
        note: 'Avstämt per telefon',
        balanceOre: null,
        periodFrom: null,
      },
    ]);
    expect(await v10.query('PRAGMA foreign_key_check')).toEqual([]);
    expect(await v10.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await v10.destroy();
    expect(await readWithSqlcipher(path, PASS, 'SELECT count(*) AS n FROM usb_receipts')).toEqual([
      { n: 5 },
    ]);
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
