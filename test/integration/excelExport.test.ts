import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEntryWorklist, writeRegisterWorkbook, type ExportActor } from '../../main/app/export';
import { columnLetter } from '../../main/app/export/sheet';
import type { SessionUser } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import type { PrintedReference } from '../../shared/references';
import type { RegisterKey } from '../../shared/registers';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { localToInstant } from '../../shared/time';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  MANAGER,
  SETUP,
  type TestApp,
} from '../support/app';
import {
  keepWorkbook,
  libreOfficePdf,
  libreOfficeSheets,
  convertWithLibreOffice,
  readWorkbook,
  sheetRows,
  soffice,
  worklistHeadings,
} from '../support/excel';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

const ASA = {
  ...CASE_WORKER,
  fullName: 'Åsa Öberg-Ström',
  initials: 'ÅÖ',
  username: 'asa',
} as const;

/** Any run of spaces (LibreOffice groups thousands with a no-break space) as one space. */
const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The date exceljs reads back from a date cell, as the office date it stands for. */
const day = (value: ExcelJS.CellValue) => (value as Date).toISOString().slice(0, 10);
const minute = (value: ExcelJS.CellValue) =>
  (value as Date).toISOString().slice(0, 16).replace('T', ' ');

/** A register sheet's first headings, the client and the paper's reference, as on screen… */
const client = ['Klientens namn', 'Personnummer', 'Blankettens referens'];
/** …the entry column, as on screen and paper… */
const entry = 'Inregistrerad i verksamhetssystemet, datum och sign.';
/** …and last, what the app knows about each record. */
const status = [
  'Status',
  'Införd (datum)',
  'Införd av',
  'Registrerad av',
  'Registrerad (datum och tid)',
  'Efterregistrerad från papper av',
  'Makulerad',
];

const decisionHeadings = [
  ...client,
  'Ändamål/insats',
  'Handläggare',
  'Beslutsfattare',
  'Beslutsdatum',
  entry,
  ...status,
];

/** Every sheet of an enhetschef's workbook. */
const registerSheets = [
  'Beslut',
  'Beställningar',
  'Journalanteckningar',
  'Övriga handlingar',
  'Utbetalningar',
  'Kassaförvaltare',
  'Kvittenslista för USB-minnen',
  'Om exporten',
];

/** LibreOffice starts for each conversion: seconds, more on a busy machine. */
const LIBREOFFICE_TIMEOUT = 120_000;
const withLibreOffice = soffice ? it : it.skip;
if (!soffice) {
  console.warn(
    'LibreOffice (soffice) is missing: the workbooks are not opened in LibreOffice. ' +
      '.ci/run installs libreoffice-calc-nogui.',
  );
}

/**
 * A sheet's table: these headings in the first row, which is frozen, and the filter's
 * buttons over the headings and the table's rows.
 */
function expectTable(sheet: ExcelJS.Worksheet, rows: number, headings: string[]) {
  expect(sheetRows(sheet)[0]).toEqual(headings);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBe(`A1:${columnLetter(headings.length)}${rows + 1}`);
}

/** Issue 9: the registers as a workbook, and the worklist for later entry. */
describe('Excel export', () => {
  let app: TestApp;
  let cleanup: () => void;
  let dir: string;
  let now: Date;
  let outage: Outage;
  const people: Record<'maja' | 'kalle' | 'asa' | 'ebba', SessionUser> = {} as never;
  const records: Record<string, RegisterRecord> = {};
  /** Sets the clock to an office time ("2026-03-29T12:00"). */
  const at = (local: string) => {
    now = new Date(localToInstant(local)!);
  };
  const create = async (
    register: RegisterKey,
    name: string,
    overrides: Record<string, unknown> = {},
    values: Record<string, unknown> = {},
  ) => {
    // A minute on for each record, so that the order they were registered in is clear.
    now = new Date(now.getTime() + 60_000);
    const sample = sampleInput(register);
    records[name] = (await app.ok(`${register}.create`, {
      ...sample,
      ...overrides,
      values: { ...sample.values, ...values },
    } as never)) as RegisterRecord;
    return records[name]!;
  };
  const actor = (who: keyof typeof people): ExportActor => people[who];
  const path = (name: string) => join(dir, `${name}.xlsx`);

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    at('2026-03-27T10:00'); // a Friday; summer time starts on Sunday the 29th
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    app.state.session.autoLockMinutes = 60 * 24 * 365;
    people.kalle = (await app.ok('users.create', CASE_WORKER)) as SessionUser;
    people.asa = (await app.ok('users.create', ASA)) as SessionUser;
    people.ebba = (await app.ok('users.create', FINANCIAL_AID_MANAGER)) as SessionUser;
    people.maja = ((await app.ok('users.list')) as SessionUser[]).find(
      (u) => u.username === MANAGER.username,
    )!;
    outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;
    await app.ok('usbReceipts.issue', {
      stickNumber: 'USB 7',
      issuedOn: '2026-03-27',
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      workplace: 'Tensta',
      outageId: null,
    });

    await app.signInAs('kalle');
    const { documentId } = (await app.ok('print.blankTemplate', {
      key: 'decisionList',
      pages: 1,
    })) as { documentId: string };
    await app.ok('documents.print', { documentId });
    const [reference] = (
      (await app.ok('references.listUnused', { outageId: null })) as { rows: PrintedReference[] }
    ).rows;
    await create(
      'decisions',
      'rent',
      { clientName: 'Örjan Ångström', personnummer: '19811218-9876' },
      { purpose: 'Ekonomiskt bistånd, hyra', decisionDate: '2026-03-27' },
    );
    const wrong = await create(
      'decisions',
      'wrong',
      { clientName: 'Zoltán Kővári', personnummer: '20050607-1232' },
      { decisionDate: '2026-03-27' },
    );
    await app.ok('decisions.void', { id: wrong.id, reason: 'Fel person' });
    await create('decisions', 'entered', {}, { decisionDate: '2026-03-27' });

    at('2026-03-29T12:00');
    await create(
      'decisions',
      'paper',
      {
        clientName: 'Åsa Öberg',
        personnummer: '19450505-0551',
        transcribedFromPaper: true,
        paperReference: reference!.reference,
      },
      { decisionDate: '2026-03-28' },
    );
    await create(
      'decisions',
      'changed',
      { clientName: 'Ärla Ödmark' },
      { purpose: 'Ekonomiskt bistånd, livsmedel', decisionDate: '2026-03-29' },
    );
    // Before summer time (01:30 winter time) and after (03:30 summer time), the same night.
    await create('journalNotes', 'hsl', {}, { occurredAt: '2026-03-29T00:30:00.000Z' });
    await create(
      'journalNotes',
      'sol',
      {},
      { occurredAt: '2026-03-29T01:30:00.000Z', law: 'SoL', text: 'Samtal med klienten.' },
    );

    await app.signInAs('asa');
    await create(
      'journalNotes',
      'asaNote',
      { clientName: 'Östen Åkesson' },
      { occurredAt: '2026-03-28T09:00:00.000Z', author: ASA.fullName },
    );
    await create('decisions', 'asaDecision', {}, { decisionDate: '2026-03-28' });

    await app.signInAs('ebba');
    await app.ok('custodians.create', {
      name: 'Lisa Kassa',
      unitName: 'Enhet Test',
      phone: '08-508 000 00',
      email: 'lisa.kassa@kommun.se',
    });
    let verification = 0;
    const pay = (name: string, amount: string, clientName = 'Tolvan Tolvansson') =>
      create(
        'payouts',
        name,
        { clientName },
        { amount, payoutDate: '2026-03-29', verificationNumber: `V-${++verification}` },
      );
    await pay('p1', '1 500,50', 'Zoltán Kővári');
    const voided = await pay('p2', '20 000');
    await pay('p3', '2 250');
    await app.ok('payouts.void', { id: voided.id, reason: 'Fel belopp' });
    await app.ok('cashCard.reconcile', {
      reconciledOn: '2026-03-29',
      financeContact: 'Per Ekonom',
      refill: '3 750,50',
      balance: '3 750,50',
      note: '',
    });
    await pay('p4', '400', 'Łukasz Wołek');
    await pay('p5', '99,95');

    at('2026-03-30T09:00');
    await app.signInAs(MANAGER.username, MANAGER.password);
    await app.ok('outages.end', { id: outage.id });
    await app.signInAs('kalle');
    await app.ok('decisions.markEntered', {
      ids: [records.entered!.id, records.changed!.id],
      enteredOn: '2026-03-30',
    });
    at('2026-03-30T11:00');
    await app.ok('decisions.update', {
      id: records.changed!.id,
      input: {
        ...sampleInput('decisions'),
        clientName: 'Ärla Ödmark',
        values: {
          ...sampleInput('decisions').values,
          purpose: 'Ekonomiskt bistånd, hyra',
          decisionDate: '2026-03-29',
        },
      },
    } as never);
    // After the HSL note's deadline (a week, past Easter Monday), before the SoL note's.
    at('2026-04-08T10:00');
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const registerWorkbook = async (name: string, who: keyof typeof people, filter = {}) => {
    const summary = await writeRegisterWorkbook(
      app.state.db(),
      { actor: actor(who), filter, now },
      path(name),
    );
    return { summary, path: keepWorkbook(path(name), name), book: await readWorkbook(path(name)) };
  };

  it('writes every register the enhetschef reads: headings, dates, amounts, personnummer, voided rows', async () => {
    const { summary, book } = await registerWorkbook('registers-outage', 'maja', {
      outageId: outage.id,
    });
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(registerSheets);
    // The name LibreOffice finds a sheet's filter by (exceljs reads them as one).
    expect(book.definedNames.model.map((n) => n.name)).toContain('_xlnm._FilterDatabase');
    expect(summary.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Beslut', 6],
      ['Beställningar', 0],
      ['Journalanteckningar', 3],
      ['Övriga handlingar', 0],
      ['Utbetalningar', 5],
      ['Kassaförvaltare', 1],
      ['Kvittenslista för USB-minnen', 1],
      ['Om exporten', 13],
    ]);
    expect(summary.rows).toBe(16);

    const decisions = book.getWorksheet('Beslut')!;
    const rows = sheetRows(decisions);
    expectTable(decisions, 6, decisionHeadings);

    const byName = (name: string) => {
      const index = rows.findIndex((row) => row[0] === name);
      return { row: rows[index]!, cell: (col: number) => decisions.getRow(index + 1).getCell(col) };
    };
    const rent = byName('Örjan Ångström');
    expect(rent.row[1]).toBe('19811218-9876');
    expect(rent.cell(2).numFmt).toBe('@');
    expect(day(rent.row[6]!)).toBe('2026-03-27');
    expect(rent.cell(7).numFmt).toBe('yyyy-mm-dd');
    expect(rent.row[7]).toBe('Ej införd');
    expect(rent.row[8]).toBe('Ej införd');
    expect(minute(rent.row[12]!)).toBe('2026-03-27 10:01');
    expect(rent.cell(13).numFmt).toBe('yyyy-mm-dd hh:mm');

    const wrong = byName('Zoltán Kővári');
    expect(wrong.row[1]).toBe('20050607-1232');
    expect(wrong.row[7]).toBe('Makulerad 2026-03-27: Fel person');
    expect(wrong.row[8]).toBe('Makulerad');
    expect(wrong.row[14]).toBe('2026-03-27: Fel person');
    expect(wrong.cell(2).font?.strike).toBe(true);
    expect(rent.cell(2).font?.strike).toBeFalsy();

    const paper = byName('Åsa Öberg');
    expect(paper.row[2]).toMatch(/^ET\d{6}$/);
    expect(paper.row[7]).toBe('Ej införd\nEfterregistrerad från papper');
    expect(paper.row[13]).toBe('Kalle Handläggare');

    const entered = byName('Tolvan Tolvansson');
    expect(entered.row[7]).toBe('Införd 2026-03-30 KH');
    expect(entered.row[8]).toBe('Införd');
    expect(day(entered.row[9]!)).toBe('2026-03-30');
    expect(entered.row[10]).toBe('Kalle Handläggare (KH)');
    expect(byName('Ärla Ödmark').row[7]).toBe('Ändrad efter införing (införd 2026-03-30 KH)');
    expect(byName('Ärla Ödmark').row[8]).toBe('Ändrad efter införing');

    // Journal notes: their deadline, and times in office time on the night summer time starts.
    const notes = sheetRows(book.getWorksheet('Journalanteckningar')!);
    expect(notes[0]).toContain('Ska vara införd senast');
    expect(notes[0]).toContain('Datum och tid');
    const when = notes.slice(1).map((row) => minute(row[3]!));
    expect(when).toEqual(['2026-03-29 01:30', '2026-03-29 03:30', '2026-03-28 10:00']);
    const deadlineColumn = notes[0]!.indexOf('Ska vara införd senast');
    expect(notes.slice(1).map((row) => day(row[deadlineColumn]!))).toEqual([
      '2026-04-07',
      '2026-04-15',
      '2026-04-07',
    ]);

    // Bilaga 5: the account's order, running totals per period, the totals below.
    const payouts = book.getWorksheet('Utbetalningar')!;
    const paid = sheetRows(payouts);
    expectTable(payouts, 5, [
      ...client,
      'Datum',
      'Verifikationsnummer',
      'Ändamål',
      'Belopp till klient',
      'Beslutsfattare',
      'Totalt utbetalt från ICA-kontot',
      entry,
      'Period',
      ...status,
    ]);
    const table = paid.slice(1, 6);
    expect(table.map((row) => row[4])).toEqual(['V-1', 'V-2', 'V-3', 'V-4', 'V-5']);
    expect(table.map((row) => day(row[3]!))).toEqual(Array(5).fill('2026-03-29'));
    expect(table.map((row) => row[6])).toEqual([1500.5, 20000, 2250, 400, 99.95]);
    expect(table.map((row) => row[8] ?? null)).toEqual([1500.5, null, 3750.5, 400, 499.95]);
    expect(table.map((row) => row[10])).toEqual([
      'Period 1, avstämd 2026-03-29',
      'Period 1, avstämd 2026-03-29',
      'Period 1, avstämd 2026-03-29',
      'Pågående period, ännu inte avstämd',
      'Pågående period, ännu inte avstämd',
    ]);
    expect(payouts.getRow(2).getCell(7).numFmt).toBe('#,##0.00 "kr"');
    expect(payouts.getRow(3).getCell(7).font?.strike).toBe(true);
    expect(table[1]![17]).toBe('2026-03-29: Fel belopp');
    // An empty row, then the totals: outside the filter.
    expect(paid[6] ?? []).toEqual([]);
    expect(paid[7]![0]).toBe('Totalt: 4 poster, 1 makulerad');
    expect(paid[7]![6]).toBe(4250.45);
    expect(paid[8]![0]).toBe('Period 1, avstämd 2026-03-29: 2 poster, 1 makulerad');
    expect(paid[8]![6]).toBe(3750.5);
    expect(paid[9]![0]).toBe('Pågående period, ännu inte avstämd: 2 poster');
    expect(paid[9]![6]).toBe(499.95);

    const custodians = sheetRows(book.getWorksheet('Kassaförvaltare')!);
    expect(custodians[0]).toEqual(['Namn', 'Enhet', 'Telefonnummer', 'E-post']);
    expect(custodians[1]).toEqual([
      'Lisa Kassa',
      'Enhet Test',
      '08-508 000 00',
      'lisa.kassa@kommun.se',
    ]);
    const usb = sheetRows(book.getWorksheet('Kvittenslista för USB-minnen')!);
    expect(usb[0]).toEqual([
      'Datum utlämning',
      'Namn och signatur',
      'Arbetsplats',
      'Infört och rensat, datum/signatur',
      'USB-minnets nummer',
    ]);
    expect(usb[1]!.slice(1)).toEqual([
      'Kalle Handläggare (KH)',
      'Tensta',
      'Ej återlämnat',
      'USB 7',
    ]);
    expect(day(usb[1]![0]!)).toBe('2026-03-27');

    const about = sheetRows(book.getWorksheet('Om exporten')!);
    expect(about).toContainEqual([
      'Urval',
      expect.stringMatching(/^Avbrott nivå II, 2026-03-27 10:00 – 2026-03-30 09:00/),
    ]);
    expect(about).toContainEqual(['Blad ”Utbetalningar”', '5 poster']);
  });

  withLibreOffice(
    'opens in LibreOffice as a Swede reads it: dates, kronor, personnummer, the filter, the printed pages',
    async () => {
      const { path: kept } = await registerWorkbook('registers-outage-lo', 'maja', {
        outageId: outage.id,
      });
      const sheets = libreOfficeSheets(kept);
      expect(Object.keys(sheets)).toEqual(expect.arrayContaining(registerSheets));
      const lo = (sheet: string) => sheets[sheet]!.map((row) => row.map(squash));
      expect(lo('Beslut')[0]).toEqual(decisionHeadings);
      const loRent = lo('Beslut').find((row) => row[0] === 'Örjan Ångström')!;
      expect(loRent.slice(1, 13)).toEqual([
        '19811218-9876',
        '',
        'Ekonomiskt bistånd, hyra',
        'Kalle Handläggare',
        'Maja Enhetschef',
        '2026-03-27',
        'Ej införd',
        'Ej införd',
        '',
        '',
        'Kalle Handläggare',
        '2026-03-27 10:01',
      ]);
      expect(lo('Beslut').find((row) => row[0] === 'Zoltán Kővári')).toContain(
        '2026-03-27: Fel person',
      );
      const loPaid = lo('Utbetalningar');
      expect(loPaid[1]!.slice(3, 11)).toEqual([
        '2026-03-29',
        'V-1',
        'Livsmedel',
        '1 500,50 kr',
        'Ebba Ekonomi',
        '1 500,50 kr',
        'Ej införd',
        'Period 1, avstämd 2026-03-29',
      ]);
      expect(loPaid[5]![8]).toBe('499,95 kr');
      expect(loPaid[7]!.slice(0, 7)).toEqual([
        'Totalt: 4 poster, 1 makulerad',
        '',
        '',
        '',
        '',
        '',
        '4 250,45 kr',
      ]);
      expect(lo('Journalanteckningar').map((row) => row[3])).toContain('2026-03-29 03:30');

      // The filter as LibreOffice understood it: saved again by it. (Headless, it keeps no
      // view of a sheet, so the frozen header is checked in the file itself, above.)
      const [resaved] = convertWithLibreOffice(kept, 'xlsx:Calc MS Excel 2007 XML');
      const again = await readWorkbook(resaved!);
      expect(again.getWorksheet('Utbetalningar')!.autoFilter).toBe('A1:R6');
      expect(again.getWorksheet('Beslut')!.autoFilter).toBe('A1:O7');

      // Printed from LibreOffice: the page header and footer, and pages to look at.
      const printed = libreOfficePdf(kept);
      const text = squash(printed.text);
      expect(text).toContain('Utförda utbetalningar via ICA-kort');
      expect(text).toContain('Manuell förteckning av fattade beslut');
      expect(text).toContain('Exporterad 2026-04-08 10:00 av Maja Enhetschef');
      expect(text).toMatch(/Sida 1 av \d+/);
      expect(printed.pngs.length).toBeGreaterThan(0);
    },
    LIBREOFFICE_TIMEOUT,
  );

  it('selects by date and by person', async () => {
    const day29 = await registerWorkbook('registers-2026-03-29', 'maja', {
      from: '2026-03-29',
      to: '2026-03-29',
    });
    const rows = Object.fromEntries(day29.summary.sheets.map((s) => [s.name, s.rows]));
    expect(rows).toMatchObject({ Beslut: 1, Journalanteckningar: 2, Utbetalningar: 5 });
    expect(sheetRows(day29.book.getWorksheet('Övriga handlingar')!)[2]).toEqual(['Inga poster.']);

    const asa = await registerWorkbook('registers-asa', 'maja', { createdById: people.asa.id });
    expect(asa.summary.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Beslut', 1],
      ['Beställningar', 0],
      ['Journalanteckningar', 1],
      ['Övriga handlingar', 0],
      ['Utbetalningar', 0],
      ['Om exporten', 11],
    ]);
    expect(sheetRows(asa.book.getWorksheet('Om exporten')!)).toContainEqual([
      'Urval',
      'Registrerade av Åsa Öberg-Ström',
    ]);
  });

  it('writes the worklist: what is not entered, per person, by deadline, with a box to tick', async () => {
    const summary = await writeEntryWorklist(
      app.state.db(),
      { actor: actor('maja'), filter: { outageId: outage.id }, now },
      path('worklist'),
    );
    const kept = keepWorkbook(path('worklist'), 'worklist');
    const book = await readWorkbook(kept);
    // By name the Swedish way: Å after Z.
    expect(summary.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Ebba Ekonomi', 4],
      ['Kalle Handläggare', 5],
      ['Åsa Öberg-Ström', 2],
      ['Om exporten', 9],
    ]);
    expect(summary.sheets[1]!.content).toEqual({ kind: 'person', personId: people.kalle.id });

    const kalle = book.getWorksheet('Kalle Handläggare')!;
    const rows = sheetRows(kalle);
    expectTable(kalle, 5, worklistHeadings);
    const list = rows.slice(1);
    // The HSL note is late; the SoL note is due later; decisions have no deadline.
    expect(list.map((row) => [row[0] ? day(row[0]) : null, row[1] ?? null, row[2]])).toEqual([
      ['2026-04-07', 'Försenad', 'Journalanteckningar'],
      ['2026-04-15', null, 'Journalanteckningar'],
      [null, null, 'Beslut'],
      [null, null, 'Beslut'],
      [null, null, 'Beslut'],
    ]);
    expect(kalle.getRow(2).getCell(1).font).toMatchObject({ bold: true });
    expect(list.slice(2).map((row) => row[5])).toEqual([
      'Örjan Ångström',
      'Åsa Öberg',
      'Ärla Ödmark',
    ]);
    expect(minute(list[0]![3]!)).toBe('2026-03-29 01:30');
    expect(day(list[2]![3]!)).toBe('2026-03-27');
    expect(list[0]![7]).toBe(
      'Lagrum: HSL\nAnteckning: Fysiskt tillsynsbesök: kameran fungerade inte under avbrottet.\nFörfattare: Kalle Handläggare',
    );
    // Three lines of details: the row is as tall as they are, whoever opens it.
    expect(kalle.getRow(2).height).toBeGreaterThanOrEqual(45);
    expect(list[3]![4]).toMatch(/^ET\d{6}$/);
    expect(list[2]![8]).toBe('Ej införd');
    expect(list[4]![8]).toBe(
      'Ändrad efter införing (införd 2026-03-30 KH)\nÄndamål/insats: Ekonomiskt bistånd, livsmedel → Ekonomiskt bistånd, hyra',
    );
    // Nothing voided (Zoltán) or entered (Tolvan's decision) on it.
    expect(list.map((row) => row[5])).not.toContain('Zoltán Kővári');
    // The box: empty, with a "Ja" list over the rows.
    expect(list.map((row) => row[9] ?? null)).toEqual(Array(5).fill(null));
    expect(kalle.getRow(2).getCell(10).border?.top).toBeTruthy();
    const validation = (
      kalle as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(Object.values(validation)[0]).toMatchObject({ type: 'list', formulae: ['"Ja"'] });
    expect(Object.keys(validation).join(' ')).toMatch(/J2/);

    const ebba = sheetRows(book.getWorksheet('Ebba Ekonomi')!).slice(1);
    expect(ebba.map((row) => row[7])).toEqual([
      expect.stringContaining('Verifikationsnummer: V-1'),
      expect.stringContaining('Verifikationsnummer: V-3'),
      expect.stringContaining('Verifikationsnummer: V-4'),
      expect.stringContaining('Verifikationsnummer: V-5'),
    ]);
    expect(squash(String(ebba[0]![7]))).toContain('Belopp till klient: 1 500,50 kr');
  });

  withLibreOffice(
    'opens the worklist in LibreOffice: each person’s sheet, a line for each field',
    async () => {
      await writeEntryWorklist(
        app.state.db(),
        { actor: actor('maja'), filter: { outageId: outage.id }, now },
        path('worklist-lo'),
      );
      const kept = keepWorkbook(path('worklist-lo'), 'worklist-lo');
      const sheets = libreOfficeSheets(kept);
      const asa = sheets['Åsa Öberg-Ström']!.map((row) => row.map(squash));
      expect(asa[1]!.slice(0, 7)).toEqual([
        '2026-04-07',
        'Försenad',
        'Journalanteckningar',
        '2026-03-28 10:00',
        '',
        'Östen Åkesson',
        '19121212-1212',
      ]);
      const printed = libreOfficePdf(kept);
      // Each field on a line of its own, short or long.
      expect(printed.text).not.toContain('SoLAnteckning');
      expect(printed.text).toContain('Att föra in – Kalle Handläggare');
      expect(printed.pngs.length).toBeGreaterThan(0);
    },
    LIBREOFFICE_TIMEOUT,
  );

  it('gives a case worker their own worklist, and an empty one says so', async () => {
    const own = await writeEntryWorklist(
      app.state.db(),
      { actor: actor('kalle'), filter: { createdById: people.kalle.id }, now },
      path('worklist-kalle'),
    );
    expect(own.sheets.map((s) => s.name)).toEqual(['Kalle Handläggare', 'Om exporten']);
    // Payouts are not a handläggare's to read: Ebba's work is not on any sheet.
    const all = await writeEntryWorklist(app.state.db(), { actor: actor('kalle'), now }, path('w'));
    expect(all.sheets.map((s) => s.name)).toEqual([
      'Kalle Handläggare',
      'Åsa Öberg-Ström',
      'Om exporten',
    ]);

    const none = await writeEntryWorklist(
      app.state.db(),
      { actor: actor('maja'), filter: { createdById: people.maja.id }, now },
      path('worklist-empty'),
    );
    expect(none.sheets.map((s) => [s.name, s.rows])).toEqual([
      ['Att föra in', 0],
      ['Om exporten', 7],
    ]);
    const book = await readWorkbook(path('worklist-empty'));
    expect(sheetRows(book.getWorksheet('Att föra in')!)[2]).toEqual(['Inga poster att föra in.']);
  });

  it('tells its progress after each page: rows written of how many, known unless dates pick', async () => {
    const calls: [number, number | null][] = [];
    const onProgress = (done: number, total: number | null) => calls.push([done, total]);
    const summary = await writeRegisterWorkbook(
      app.state.db(),
      { actor: actor('maja'), filter: { outageId: outage.id }, now, onProgress },
      path('progress'),
    );
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.map(([, total]) => total)).toEqual(Array(calls.length).fill(summary.rows));
    const done = calls.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(calls.at(-1)).toEqual([summary.rows, summary.rows]);

    calls.length = 0;
    await writeRegisterWorkbook(
      app.state.db(),
      { actor: actor('maja'), filter: { from: '2026-03-29' }, now, onProgress },
      path('progress-dates'),
    );
    expect(calls.slice(0, -1).every(([, total]) => total === null)).toBe(true);

    calls.length = 0;
    const worklist = await writeEntryWorklist(
      app.state.db(),
      { actor: actor('maja'), filter: { outageId: outage.id }, now, onProgress },
      path('progress-worklist'),
    );
    expect(calls.map(([, total]) => total)).toEqual(Array(calls.length).fill(worklist.rows));
    expect(calls.at(-1)).toEqual([worklist.rows, worklist.rows]);
  });

  it('writes to a stream, and leaves nothing behind when it fails', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const summary = await writeRegisterWorkbook(
      app.state.db(),
      { actor: actor('ebba'), now },
      stream,
    );
    expect(summary.rows).toBeGreaterThan(0);
    const { default: ExcelJSModule } = await import('exceljs');
    const book = new ExcelJSModule.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as never);
    expect(book.worksheets.map((s) => s.name)).toContain('Utbetalningar');

    // A full USB stick: the write fails part way.
    let written = 0;
    const full = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        callback(written > 2_000 ? Object.assign(new Error('no space'), { code: 'ENOSPC' }) : null);
      },
    });
    await expect(
      writeRegisterWorkbook(app.state.db(), { actor: actor('maja'), now }, full),
    ).rejects.toThrow('Det finns inte plats för filen');

    await expect(
      writeRegisterWorkbook(
        app.state.db(),
        { actor: actor('maja'), now },
        join(dir, 'gone', 'x.xlsx'),
      ),
    ).rejects.toThrow('Mappen finns inte längre');
    await expect(
      writeRegisterWorkbook(
        app.state.db(),
        { actor: actor('maja'), filter: { outageId: crypto.randomUUID() }, now },
        path('unknown'),
      ),
    ).rejects.toThrow('Avbrottet finns inte.');
    await expect(
      writeRegisterWorkbook(
        app.state.db(),
        { actor: actor('maja'), filter: { from: '2026-04-02', to: '2026-04-01' }, now },
        path('backwards'),
      ),
    ).rejects.toThrow('Slutdatumet kan inte vara före startdatumet.');
    expect(readdirSync(dir).filter((f) => f.includes('.xlsx'))).toEqual([]);
    expect(existsSync(path('unknown'))).toBe(false);
  });
});
