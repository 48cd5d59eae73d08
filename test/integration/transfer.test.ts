import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { renameThisDevice } from '../../main/app/devices/deviceService';
import { entryDeadline } from '../../main/app/domain/deadlines';
import { allocateReferences } from '../../main/app/references/referenceService';
import { rowToRecord } from '../../main/app/registers/table';
import {
  importTransferFile,
  inspectTransferFile,
} from '../../main/app/transfer/importTransferFile';
import { auditTable, devicesTable, mergedTables } from '../../main/app/transfer/tables';
import { writeTransferFile } from '../../main/app/transfer/writeTransferFile';
import type { Outage } from '../../shared/outages';
import { registers } from '../../shared/registers';
import type { HistoryEntry, RegisterRecord } from '../../shared/registers/schemas';
import type { TransferSummary } from '../../shared/transfer';
import { PASSPHRASE, type TestApp } from '../support/app';
import { containsPlainText } from '../support/files';
import {
  officeWithPeople,
  prepareLaptop,
  signedIn,
  signInAs,
  tableCounts,
  TestClock,
} from '../support/laptop';
import { sampleInput } from '../support/records';
import { readWithSqlcipher } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

type Counts = { added: number; skipped: number; updated: number; conflicts: number };
const counts = (summary: TransferSummary) =>
  Object.fromEntries(
    summary.tables.map(({ table, added, skipped, updated, conflicts }) => [
      table,
      { added, skipped, updated, conflicts },
    ]),
  ) as Record<string, Counts>;
const added = (n: number): Counts => ({ added: n, skipped: 0, updated: 0, conflicts: 0 });
const skipped = (n: number): Counts => ({ added: 0, skipped: n, updated: 0, conflicts: 0 });
const none: Counts = added(0);

/** Issue 9, part 4: a laptop's records come back to the office PC in a transfer file. */
describe('transfer files from a laptop to the office PC', () => {
  let dir: string;
  let cleanup: () => void;
  let officeClock: TestClock;
  let laptopClock: TestClock;
  let office: TestApp;
  let laptop: TestApp;

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    officeClock = new TestClock('2026-11-23T08:00');
    laptopClock = new TestClock('2026-11-23T08:15');
    office = await officeWithPeople(dir, officeClock.now);
  });
  afterEach(async () => {
    await laptop?.state.close();
    await office.state.close();
    cleanup();
  });

  const create = async (app: TestApp, key: string, input: object) =>
    (await app.ok(`${key}.create` as never, input as never)) as RegisterRecord;
  const update = async (app: TestApp, key: string, record: RegisterRecord, change: object) =>
    (await app.ok(
      `${key}.update` as never,
      {
        id: record.id,
        input: {
          clientName: record.clientName,
          personnummer: record.personnummer,
          reserveIdentity: record.reserveIdentity,
          transcribedFromPaper: record.transcribedFromPaper,
          values: record.values,
          ...change,
        },
      } as never,
    )) as RegisterRecord;
  const writeFile = async (outageId: string | null, name = 'bärbar-1.reservparm') => {
    const path = join(dir, name);
    await writeTransferFile(
      laptop.state.db(),
      { actor: await signedIn(laptop), now: laptopClock.now(), outageId },
      path,
    );
    return path;
  };
  const importFile = async (path: string, passphrase = PASSPHRASE) =>
    importTransferFile(
      office.state.db(),
      { actor: await signedIn(office), now: officeClock.now() },
      path,
      passphrase,
    );
  const row = async (app: TestApp, table: string, id: string) =>
    (
      (await app.state.db().query(`SELECT * FROM ${table} WHERE id = ?`, [id])) as Record<
        string,
        string | number | null
      >[]
    )[0]!;
  /** A decision and a journal note (09:20) by whoever is signed in. */
  const decisionAndNote = async (app: TestApp) => ({
    decision: await create(app, 'decisions', sampleInput('decisions')),
    note: await create(
      app,
      'journalNotes',
      sampleInput('journalNotes', {
        values: { ...sampleInput('journalNotes').values, occurredAt: '2026-11-23T08:20:00.000Z' },
      }),
    ),
  });
  const laptopDeviceId = async () =>
    (
      (await laptop.state.db().query('SELECT id FROM devices WHERE is_this = 1')) as {
        id: string;
      }[]
    )[0]!.id;

  it('brings the records of an outage home with their authors, times, voids and entry marks, once', async () => {
    ({ laptop } = await prepareLaptop(office, dir, laptopClock.now));
    // The office starts the outage after the laptop left: the laptop starts its own.
    officeClock.at('2026-11-23T09:00');
    const officeOutage = (await office.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;

    laptopClock.at('2026-11-23T09:02');
    await signInAs(laptop, 'kalle');
    const laptopOutage = (await laptop.ok('outages.start', {
      level: 'II',
      affectedSystems: [],
      note: 'Ute hos klient',
    })) as Outage;
    laptopClock.at('2026-11-23T09:30');
    const { decision, note } = await decisionAndNote(laptop);
    laptopClock.at('2026-11-23T09:40');
    await signInAs(laptop, 'ebba');
    const paid = await create(laptop, 'payouts', sampleInput('payouts'));
    const wrong = await create(
      laptop,
      'payouts',
      sampleInput('payouts', {
        values: { ...sampleInput('payouts').values, verificationNumber: 'V-1002' },
      }),
    );
    await laptop.ok('payouts.markEntered', { ids: [paid.id], enteredOn: '2026-11-23' });
    await laptop.ok('payouts.void', { id: wrong.id, reason: 'Fel belopp' });
    const reconciliation = (await laptop.ok('cashCard.reconcile', {
      reconciledOn: '2026-11-23',
      financeContact: 'Eva på ekonomi',
      refill: '1 500,00',
      balance: '1 500,00',
      note: '',
    })) as { id: string };
    const custodian = (await laptop.ok('custodians.create', {
      name: 'Ebba Ekonomi',
      unitName: 'Enhet Test',
      phone: '08-123 456',
      email: 'ebba@example.se',
    })) as { id: string };
    laptopClock.at('2026-11-23T09:45');
    await signInAs(laptop, 'maja');
    const stick = (await laptop.ok('usbReceipts.issue', {
      stickNumber: 'USB 7',
      issuedOn: '2026-11-23',
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      workplace: 'Hembesök',
      outageId: null,
    })) as { id: string; outageId: string };
    expect(stick.outageId).toBe(laptopOutage.id);
    const maja = await signedIn(laptop);
    const references = await laptop.state.db().transaction((manager) =>
      allocateReferences(manager, {
        kind: 'journalSheet',
        count: 2,
        actor: maja,
        now: laptopClock.now(),
      }),
    );
    expect(references).toEqual(['ET100000', 'ET100001']);

    laptopClock.at('2026-11-23T09:50');
    await signInAs(laptop, 'kalle');
    const laptopEntries = (await listAudit(laptop.state.db(), 0, 1)).total;
    const path = await writeFile(laptopOutage.id);

    // At the office the outage has ended by the time the laptop is back.
    officeClock.at('2026-11-23T10:00');
    await office.ok('outages.end', {
      id: officeOutage.id,
      endedAt: '2026-11-23T08:55:00.000Z',
      note: '',
    });
    officeClock.at('2026-11-23T10:05');
    const info = await inspectTransferFile(office.state.db(), path, PASSPHRASE);
    expect(info).toMatchObject({
      deviceName: 'Bärbar 1',
      createdByName: 'Kalle Handläggare',
      createdAt: '2026-11-23T08:50:00.000Z',
      scope: { outageId: laptopOutage.id, label: 'Avbrott nivå II, 2026-11-23 09:02 – pågår' },
    });
    const summary = await importFile(path);

    expect(counts(summary)).toEqual({
      users: skipped(3),
      // The laptop's own outage is the office's outage of that time.
      outages: skipped(1),
      reconciliations: added(1),
      decisions: added(1),
      orders: none,
      journalNotes: added(1),
      otherDocuments: none,
      payouts: added(2),
      custodians: added(1),
      usbReceipts: added(1),
      printedReferences: added(2),
      auditLog: added(laptopEntries),
    });
    expect(summary.mappedOutages).toEqual([
      {
        fromId: laptopOutage.id,
        toId: officeOutage.id,
        label: 'Avbrott nivå II, 2026-11-23 09:00 – 2026-11-23 09:55',
      },
    ]);
    expect(summary.warnings).toEqual([]);

    // Records keep their author, times and device; they belong to the office's outage, and a
    // journal note's deadline counts from its end.
    const deviceId = await laptopDeviceId();
    const kalle = (await row(office, 'users', decision.createdById)).full_name;
    expect(kalle).toBe('Kalle Handläggare');
    const officeDecision = await row(office, 'decisions', decision.id);
    expect(rowToRecord(registers.decisions, officeDecision)).toEqual({
      ...decision,
      outageId: officeOutage.id,
    });
    expect(officeDecision.device_id).toBe(deviceId);
    const officeNote = rowToRecord(
      registers.journalNotes,
      await row(office, 'journal_notes', note.id),
    );
    expect(officeNote).toMatchObject({
      createdByName: 'Kalle Handläggare',
      createdAt: '2026-11-23T08:30:00.000Z',
      outageId: officeOutage.id,
      deadline: entryDeadline('HSL', '2026-11-23'),
    });
    expect(rowToRecord(registers.payouts, await row(office, 'payouts', paid.id))).toMatchObject({
      createdByName: 'Ebba Ekonomi',
      enteredOn: '2026-11-23',
      enteredByInitials: 'EE',
      values: { amount: 150_000, verificationNumber: 'V-1001' },
    });
    expect(rowToRecord(registers.payouts, await row(office, 'payouts', wrong.id))).toMatchObject({
      voidedAt: '2026-11-23T08:40:00.000Z',
      voidedByName: 'Ebba Ekonomi',
      voidReason: 'Fel belopp',
    });
    // The laptop's reconciliation closed its payouts; the cash custodian and the stick it
    // lent (in its outage, now the office's) come too.
    expect(await row(office, 'reconciliations', reconciliation.id)).toMatchObject({
      finance_contact: 'Eva på ekonomi',
      total_ore: 150_000,
      refill_ore: 150_000,
      created_by_name: 'Ebba Ekonomi',
      device_id: deviceId,
    });
    expect((await row(office, 'payouts', paid.id)).reconciliation_id).toBe(reconciliation.id);
    expect(await row(office, 'custodians', custodian.id)).toMatchObject({
      name: 'Ebba Ekonomi',
      device_id: deviceId,
    });
    expect(await row(office, 'usb_receipts', stick.id)).toMatchObject({
      stick_number: 'USB 7',
      outage_id: officeOutage.id,
      issued_by_name: 'Maja Enhetschef',
      returned_on: null,
    });
    // Found by name at the office (its name index), listed in its outage.
    const found = (await office.ok('decisions.list', { search: 'tolvan', limit: 50 })) as {
      rows: RegisterRecord[];
    };
    expect(found.rows.map((r) => r.id)).toEqual([decision.id]);
    // The references the laptop printed are the office's to follow up too.
    expect(
      await office.state
        .db()
        .query(`SELECT reference, printed_by_name FROM printed_references ORDER BY serial`),
    ).toEqual([
      { reference: 'ET100000', printed_by_name: 'Maja Enhetschef' },
      { reference: 'ET100001', printed_by_name: 'Maja Enhetschef' },
    ]);

    // The laptop's audit entries, marked with the laptop, in the record's history too.
    const fromLaptop = (await office.state
      .db()
      .query(`SELECT action, actor_name, at FROM audit_log WHERE device_id = ? ORDER BY id`, [
        deviceId,
      ])) as { action: string; actor_name: string; at: string }[];
    expect(fromLaptop).toHaveLength(laptopEntries);
    expect(fromLaptop).toContainEqual({
      action: 'decisions.create',
      actor_name: 'Kalle Handläggare',
      at: '2026-11-23T08:30:00.000Z',
    });
    expect(fromLaptop.map((e) => e.action)).toEqual(
      expect.arrayContaining(['unit.setupFromFile', 'payouts.markEntered', 'payouts.void']),
    );
    const history = (await office.ok('decisions.history', { id: decision.id })) as HistoryEntry[];
    expect(history).toEqual([
      expect.objectContaining({ kind: 'created', actorName: 'Kalle Handläggare' }),
    ]);
    const officeAudit = (await listAudit(office.state.db(), 0, 500)).entries;
    expect(officeAudit.find((e) => e.action === 'transfer.import')).toMatchObject({
      actorName: 'Maja Enhetschef',
      entityId: summary.file.fileId,
      after: { deviceName: 'Bärbar 1', scope: { outageId: laptopOutage.id } },
    });
    expect(officeAudit.find((e) => e.action === 'transfer.outageMapped')).toMatchObject({
      entityId: officeOutage.id,
      after: { from: { id: laptopOutage.id } },
    });
    expect(
      await office.state
        .db()
        .query(`SELECT name, last_import_at FROM devices WHERE id = ?`, [deviceId]),
    ).toEqual([{ name: 'Bärbar 1', last_import_at: '2026-11-23T09:05:00.000Z' }]);

    // Read in again: nothing added, the same summary but all skipped, and it says so.
    const before = await tableCounts(office);
    officeClock.at('2026-11-23T10:10');
    const again = await importFile(path);
    expect(Object.values(counts(again)).every((c) => c.added + c.updated + c.conflicts === 0)).toBe(
      true,
    );
    expect(again.warnings).toEqual([
      'Filen har lästs in förut, 2026-11-23 10:05 av Maja Enhetschef. Det som redan fanns här ' +
        'har inte lästs in igen.',
    ]);
    expect(await tableCounts(office)).toEqual({ ...before, audit_log: before.audit_log! + 1 });

    // SQLCipher 4 under the unit passphrase, to the official build; nothing in plain text.
    expect(
      await readWithSqlcipher(path, PASSPHRASE, `SELECT count(*) AS n FROM decisions`),
    ).toEqual([{ n: 1 }]);
    await expect(
      readWithSqlcipher(path, 'fel lösenfras här', 'SELECT count(*) FROM decisions'),
    ).rejects.toThrow(/not a database/);
    for (const text of ['Tolvan', '191212121212', 'Kalle Handläggare', 'Fel belopp']) {
      expect(containsPlainText(path, text), text).toBe(false);
    }
  });

  it('keeps the later of two changes to the same record and the other in the audit log', async () => {
    officeClock.at('2026-11-23T09:00');
    await office.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
    // Prepared during the outage: the laptop works in the same outage.
    ({ laptop } = await prepareLaptop(office, dir, laptopClock.now));
    laptopClock.at('2026-11-23T09:30');
    await signInAs(laptop, 'kalle');
    const { decision, note } = await decisionAndNote(laptop);
    laptopClock.at('2026-11-23T09:40');
    officeClock.at('2026-11-23T10:00');
    expect(counts(await importFile(await writeFile(null, 'first.reservparm')))).toMatchObject({
      outages: skipped(1),
      decisions: added(1),
      journalNotes: added(1),
    });

    // The decision: changed at the office first, then on the laptop. The laptop's wins.
    officeClock.at('2026-11-23T10:30');
    const atOffice = await update(office, 'decisions', decision, { clientName: 'Tolvan Kontoret' });
    laptopClock.at('2026-11-23T11:00');
    const onLaptop = await update(laptop, 'decisions', decision, {
      values: { ...decision.values, purpose: 'Ändrat på bärbara' },
    });
    // The note: changed on the laptop first, then at the office. The office's stays.
    laptopClock.at('2026-11-23T11:10');
    await update(laptop, 'journalNotes', note, {
      values: { ...note.values, text: 'Bärbaras text' },
    });
    officeClock.at('2026-11-23T11:20');
    await update(office, 'journalNotes', note, {
      values: { ...note.values, text: 'Kontorets text' },
    });

    laptopClock.at('2026-11-23T11:30');
    officeClock.at('2026-11-23T11:40');
    const second = await importFile(await writeFile(null, 'second.reservparm'));
    expect(counts(second)).toMatchObject({
      outages: skipped(1),
      decisions: { added: 0, skipped: 0, updated: 1, conflicts: 0 },
      journalNotes: { added: 0, skipped: 0, updated: 0, conflicts: 1 },
    });
    const officeDecision = rowToRecord(
      registers.decisions,
      await row(office, 'decisions', decision.id),
    );
    expect(officeDecision).toEqual(onLaptop);
    expect(
      rowToRecord(registers.journalNotes, await row(office, 'journal_notes', note.id)).values.text,
    ).toBe('Kontorets text');

    const audit = (await listAudit(office.state.db(), 0, 500)).entries;
    const replaced = audit.find((e) => e.action === 'transfer.update')!;
    expect(replaced).toMatchObject({
      actorName: 'Maja Enhetschef',
      entity: 'decisions',
      entityId: decision.id,
      before: { clientName: atOffice.clientName, transfer: { deviceName: 'Bärbar 1' } },
      after: { values: { purpose: 'Ändrat på bärbara' } },
    });
    const setAside = audit.find((e) => e.action === 'transfer.conflict')!;
    expect(setAside).toMatchObject({
      entity: 'journalNotes',
      entityId: note.id,
      before: { values: { text: 'Bärbaras text' }, transfer: { deviceName: 'Bärbar 1' } },
      after: { values: { text: 'Kontorets text' } },
    });
    const history = (await office.ok('decisions.history', { id: decision.id })) as HistoryEntry[];
    expect(history.map((h) => h.summary)).toEqual(
      expect.arrayContaining([
        'Ändrad på Bärbar 1, inläst från överföringsfil: den ändringen var senare',
      ]),
    );

    // The note's history in the order things happened, wherever they were written.
    const noteHistory = (await office.ok('journalNotes.history', {
      id: note.id,
    })) as HistoryEntry[];
    expect(noteHistory.map((h) => [h.actorName, h.summary])).toEqual([
      ['Kalle Handläggare', 'Registrerad'],
      ['Kalle Handläggare', 'Ändrad'],
      ['Maja Enhetschef', 'Ändrad'],
      ['Maja Enhetschef', 'Ändring på Bärbar 1 lästes inte in: ändringen här var senare'],
    ]);

    // Entered at the office afterwards; a third file from the unchanged laptop is no conflict.
    officeClock.at('2026-11-23T12:00');
    await office.ok('decisions.markEntered', { ids: [decision.id], enteredOn: '2026-11-23' });
    laptopClock.at('2026-11-23T12:10');
    officeClock.at('2026-11-23T12:20');
    const third = await importFile(await writeFile(null, 'third.reservparm'));
    expect(counts(third)).toMatchObject({ decisions: skipped(1), journalNotes: skipped(1) });
    expect((await row(office, 'decisions', decision.id)).entered_on).toBe('2026-11-23');
  });

  it('refuses a payout whose verifikationsnummer the office already used, reading in nothing', async () => {
    officeClock.at('2026-11-23T09:00');
    await office.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
    ({ laptop } = await prepareLaptop(office, dir, laptopClock.now));
    laptopClock.at('2026-11-23T09:30');
    await signInAs(laptop, 'ebba');
    await create(laptop, 'payouts', sampleInput('payouts'));
    await signInAs(office, 'ebba');
    await create(office, 'payouts', sampleInput('payouts'));
    await signInAs(office, 'maja');
    const path = await writeFile(null);
    const before = await tableCounts(office);
    await expect(importFile(path)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Verifikationsnummer V-1001 finns både här och på Bärbar 1, för olika utbetalningar ' +
        '(Tolvan Tolvansson). Rätta posten på den ena datorn och skapa en ny överföringsfil. ' +
        'Ingenting har lästs in.',
    });
    expect(await tableCounts(office)).toEqual(before);
  });

  it('writes a file under the passphrase in force, even after it was changed on the laptop', async () => {
    ({ laptop } = await prepareLaptop(office, dir, laptopClock.now));
    await signInAs(laptop, 'maja');
    const next = 'ny lösenfras för bärbara';
    await laptop.ok('unit.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next });
    await renameThisDevice(
      laptop.state.db(),
      await signedIn(laptop),
      'Bärbar Norr',
      laptopClock.now(),
    );
    const path = await writeFile(null);
    await expect(importFile(path)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(counts(await importFile(path, next)).users).toEqual(skipped(3));
    // The office knows the laptop by the name it has now.
    expect(
      await office.state
        .db()
        .query('SELECT name FROM devices WHERE id = ?', [await laptopDeviceId()]),
    ).toEqual([{ name: 'Bärbar Norr' }]);
    await expect(readWithSqlcipher(path, PASSPHRASE, 'SELECT 1 FROM manifest')).rejects.toThrow();
    expect(await readWithSqlcipher(path, next, 'SELECT count(*) AS n FROM users')).toEqual([
      { n: 3 },
    ]);
  });

  it('carries every column of every table it transfers, or says why one stays', async () => {
    const local: Record<string, string[]> = {
      devices: ['is_this', 'last_import_at'],
      audit_log: ['id'],
      // Set by migration 0010 on receipts already out twice; new rows never are.
      usb_receipts: ['duplicate_out'],
      ...Object.fromEntries(
        Object.values(registers).map((d) => [
          mergedTables.find((t) => t.key === d.key)!.table,
          ['search_rowid'],
        ]),
      ),
    };
    for (const table of [...mergedTables, devicesTable, auditTable]) {
      const columns = (
        (await office.state.db().query(`PRAGMA table_info(${table.table})`)) as { name: string }[]
      ).map((c) => c.name);
      const carried = table.columns.map((c) => (c === 'seq' ? 'id' : c));
      expect([...new Set([...carried, ...(local[table.table] ?? [])])].sort(), table.table).toEqual(
        columns.sort(),
      );
    }
  });
});
