import { describe, expect, it } from 'vitest';
import {
  buildFilledRegister,
  buildRegisterSections,
  loadPrintRecords,
  type PrintRecord,
  type RegisterSection,
} from '../../main/app/print';
import { listReconciliations } from '../../main/app/payouts/reconciliations';
import type { Reconciliation } from '../../shared/cashCard';
import { formatAmount } from '../../shared/money';
import { registerKeys, registers } from '../../shared/registers';
import { printTitle } from '../../shared/registers/headings';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { clockFrom, createTestApp, FINANCIAL_AID_MANAGER, SETUP } from '../support/app';
import { keepAndRead, renderFirstPage } from '../support/pdf';
import { printRecord } from '../support/printRecords';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';
import { localToInstant } from '../../shared/time';
import { insertBulkDecisions } from '../../scripts/demo/bulk';

const context = {
  unit: 'Enhet Söder – Äldreomsorg',
  printedBy: 'Zoltán Kővári',
  printedAt: '2026-11-25T08:05:00.000Z',
};
/** pdftotext's text with any run of spaces (no-break ones too) as one space. */
const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

const decision = (client: string, overrides: Partial<PrintRecord> = {}) =>
  printRecord(
    {
      purpose: 'Ekonomiskt bistånd, livsmedel',
      caseWorker: 'Kalle Handläggare',
      decisionMaker: 'Maja Enhetschef',
      decisionDate: '2026-11-23',
    },
    { clientName: client, ...overrides },
  );

describe('filled registers', () => {
  it('lists the records with reference, entry status, struck voided rows and totals', async () => {
    const records = [
      decision('Zoltán Kővári', {
        paperReference: 'SOD000001',
        enteredOn: '2026-11-24',
        enteredByInitials: 'KH',
        transcribedFromPaper: true,
      }),
      decision('Łukasz Wołek', { personnummer: null, reserveIdentity: true }),
      decision('Åsa Öberg', {
        voidedAt: '2026-11-23T12:00:00.000Z',
        voidReason: 'Fel person',
      }),
      decision('Ärla Ödmark', {
        changedAfterEntry: {
          at: '2026-11-24T10:00:00.000Z',
          byName: 'Kalle Handläggare',
          previousEnteredOn: '2026-11-24',
          previousEnteredByInitials: 'KH',
          changes: [],
        },
      }),
    ];
    const pdf = await keepAndRead(
      'register-decisions',
      await buildFilledRegister({
        ...context,
        subtitle: 'Avbrott 2026-11-23 08:00 – 2026-11-24 16:00',
        register: 'decisions',
        records,
      }),
    );
    const raw = squash(pdf.raw);
    expect(raw).toContain('Manuell förteckning av fattade beslut');
    for (const heading of [
      'Blankettens referens',
      'Klientens namn',
      'Personnummer',
      'Ändamål/insats',
      'Beslutsfattare',
      'Beslutsdatum',
      'Inregistrerad i verksamhetssystemet, datum och sign.',
    ]) {
      expect(raw).toContain(heading);
    }
    for (const name of ['Zoltán Kővári', 'Łukasz Wołek', 'Åsa Öberg', 'Ärla Ödmark']) {
      expect(raw).toContain(name);
    }
    expect(raw).toContain('SOD000001');
    expect(raw).toContain('19121212-1212');
    expect(raw).toContain('Reservidentitet');
    expect(raw).toContain('Införd 2026-11-24 KH Efterregistrerad från papper');
    expect(raw).toContain('Ej införd');
    expect(raw).toContain('Ändrad efter införing (införd 2026-11-24 KH)');
    expect(raw).toContain('Makulerad 2026-11-23: Fel person');
    expect(raw).toContain('Totalt: 3 poster, 1 makulerad');
    expect(squash(pdf.text)).toContain('Utskriven 2026-11-25 09:05 av Zoltán Kővári');
    expect(squash(pdf.text)).toContain('Sida 1 av 1');
    expect(renderFirstPage(pdf.path).variance).toBeGreaterThan(100);
  });

  it('draws lines through a voided row, and only through it', async () => {
    const bytes = await buildFilledRegister({
      ...context,
      register: 'decisions',
      records: [decision('Åsa Öberg', { voidedAt: '2026-11-23T12:00:00.000Z', voidReason: 'Fel' })],
    });
    const live = await buildFilledRegister({
      ...context,
      register: 'decisions',
      records: [decision('Åsa Öberg')],
    });
    // The strikes are the black lines of 0.8 pt: the grid is grey and thinner.
    const strikes = async (pdf: Uint8Array) => {
      const { PDFDocument, PDFRawStream, decodePDFRawStream } = await import('pdf-lib');
      const doc = await PDFDocument.load(pdf);
      let count = 0;
      for (const [, object] of doc.context.enumerateIndirectObjects()) {
        if (!(object instanceof PDFRawStream)) continue;
        const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
        count += (text.match(/0 0 0 RG\s+0\.8 w/g) ?? []).length;
      }
      return count;
    };
    // One stroke through each line of text in each of the row's cells: name, personnummer,
    // purpose (two lines), case worker, decision maker, date, the void reason…
    expect(await strikes(bytes)).toBeGreaterThanOrEqual(7);
    expect(await strikes(live)).toBe(0);
  });

  it('gives journal notes their deadline column', async () => {
    const note = (law: string, overrides: Partial<PrintRecord>) =>
      printRecord(
        {
          occurredAt: '2026-11-23T08:15:00.000Z',
          law,
          text: 'Fysiskt tillsynsbesök: kameran låg nere.',
          author: 'Kalle Handläggare',
        },
        overrides,
      );
    const pdf = await keepAndRead(
      'register-journalNotes',
      await buildFilledRegister({
        ...context,
        register: 'journalNotes',
        records: [
          note('HSL', { deadline: '2026-12-01' }),
          note('SoL', { deadline: '2026-11-24', deadlineStatus: 'overdue' }),
        ],
      }),
    );
    const raw = squash(pdf.raw);
    expect(raw).toContain('Ska vara införd senast');
    expect(raw).toContain('2026-12-01');
    expect(raw).toContain('2026-11-24 (passerad)');
    expect(raw).toContain('2026-11-23 09:15');
    expect(raw).toContain('Fysiskt tillsynsbesök: kameran låg nere.');
  });

  it('prints the ICA register by period, with running totals, period sums and the reconciliation', async () => {
    const { dir, cleanup } = makeTempDir();
    const app = createTestApp(dir, { clock: clockFrom('2026-11-23T10:00') });
    try {
      await app.ok('unit.setup', SETUP);
      await app.ok('users.create', FINANCIAL_AID_MANAGER);
      await app.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
      await app.ok('session.signOut');
      await app.ok('session.signIn', { username: 'ebba', password: 'kalle-123' });
      let verification = 0;
      const pay = async (amount: string, clientName = 'Tolvan Tolvansson') =>
        (await app.ok(
          'payouts.create',
          sampleInput('payouts', {
            clientName,
            values: {
              ...sampleInput('payouts').values,
              amount,
              verificationNumber: `V-${++verification}`,
            },
          }) as never,
        )) as RegisterRecord;
      await pay('1 500,50', 'Zoltán Kővári');
      const voided = await pay('20 000');
      await pay('2 250');
      await app.ok('payouts.void', { id: voided.id, reason: 'Fel belopp' });
      await app.ok('cashCard.reconcile', {
        reconciledOn: '2026-11-23',
        financeContact: 'Per Ekonom, serviceförvaltningen',
        refill: '3 750,50',
        balance: '3 750,50',
        note: '',
      });
      await pay('400', 'Łukasz Wołek');
      await pay('99,95');

      const db = app.state.db();
      const records = await loadPrintRecords(
        db,
        registers.payouts,
        { sort: 'createdAt', direction: 'asc', voided: 'include' },
        app.state.now(),
      );
      const reconciliations: Reconciliation[] = await listReconciliations(db);
      expect(records).toHaveLength(5);
      const pdf = await keepAndRead(
        'register-payouts',
        await buildFilledRegister({
          ...context,
          register: 'payouts',
          records,
          reconciliations,
          cardProvider: 'ICA',
        }),
      );
      const raw = squash(pdf.raw);
      expect(raw).toContain('Utförda utbetalningar via ICA-kort');
      expect(raw).toContain('Totalt utbetalt från ICA-kontot');
      expect(raw).toContain('Period 1, avstämd 2026-11-23');
      // Period 1: 1 500,50 + 2 250 (the voided 20 000 struck, not counted).
      expect(raw).toContain(
        `Summa perioden (2 poster, 1 makulerad) ${formatAmount(375050).replace('\u00a0', ' ')}`.replace(
          '\u00a0',
          ' ',
        ),
      );
      expect(raw).toContain('Makulerad');
      expect(raw).toContain(
        'Avstämning 2026-11-23 med Per Ekonom, serviceförvaltningen: 2 utbetalningar, avstämt belopp 3 750,50 kr, påfyllning 3 750,50 kr.',
      );
      expect(raw).toContain('Pågående period, ännu inte avstämd');
      expect(raw).toContain('Summa perioden (2 poster) 499,95 kr');
      expect(raw).toContain('Totalt: 4 poster, 1 makulerad 4 250,45 kr');
      // Running totals, per row, as the account counts them.
      for (const total of ['1 500,50 kr', '3 750,50 kr', '400 kr', '499,95 kr'])
        expect(raw).toContain(total);
      for (const name of ['Zoltán Kővári', 'Łukasz Wołek']) expect(raw).toContain(name);
    } finally {
      await app.state.close();
      cleanup();
    }
  });

  it('reads every record a list shows, page after page, in the list’s order', async () => {
    const { dir, cleanup } = makeTempDir();
    const app = createTestApp(dir, { clock: clockFrom('2026-11-23T10:00') });
    try {
      await app.ok('unit.setup', SETUP);
      const outage = (await app.ok('outages.start', {
        level: 'II',
        affectedSystems: [],
        note: '',
      })) as { id: string; startsAt: string };
      const db = app.state.db();
      // More than two of the loader's pages of 500.
      const [author] = (await db.query(
        `SELECT id, full_name AS fullName, initials FROM users LIMIT 1`,
      )) as { id: string; fullName: string; initials: string }[];
      insertBulkDecisions(db, 1_234, outage, author!);
      const records = await loadPrintRecords(
        db,
        registers.decisions,
        { sort: 'clientName', direction: 'asc' },
        app.state.now(),
      );
      expect(records).toHaveLength(1_234);
      expect(new Set(records.map((r) => r.id)).size).toBe(1_234);
      const first = (await app.ok('decisions.list', {
        sort: 'clientName',
        direction: 'asc',
        limit: 3,
      } as never)) as { rows: RegisterRecord[] };
      expect(records.slice(0, 3).map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    } finally {
      await app.state.close();
      cleanup();
    }
  });

  it('prints names in any script without failing: what the font lacks becomes "?"', async () => {
    const pdf = await keepAndRead(
      'register-scripts',
      await buildFilledRegister({
        ...context,
        register: 'decisions',
        records: [decision('Zoltán Kővári'), decision('Łukasz Wołek'), decision('王小明 Ng')],
      }),
    );
    const raw = squash(pdf.raw);
    expect(raw).toContain('Zoltán Kővári');
    expect(raw).toContain('Łukasz Wołek');
    expect(raw).toContain('??? Ng');
  });

  it('prints every register of an outage as sections, each from a new page, one numbering', async () => {
    const sample: Record<string, Record<string, string | number | boolean | null>> = {
      decisions: {
        purpose: 'Bistånd',
        caseWorker: 'Kalle',
        decisionMaker: 'Maja',
        decisionDate: '2026-11-23',
      },
      orders: {
        provider: 'Hemtjänst Norr',
        service: 'Inköp',
        urgent: true,
        providerCalledAt: '2026-11-23T08:00:00.000Z',
        sentVia: 'fax',
        sentAt: '2026-11-23T08:30:00.000Z',
        confirmedAt: null,
        confirmedBy: null,
        registeredOn: null,
        activatedOn: null,
      },
      journalNotes: {
        occurredAt: '2026-11-23T08:15:00.000Z',
        law: 'HSL',
        text: 'Tillsyn.',
        author: 'Kalle',
      },
      otherDocuments: {
        documentDate: '2026-11-23',
        documentType: 'utredning',
        description: null,
        signature: 'KH',
        storage: 'usb',
        storageDetail: 'USB 7',
      },
      payouts: {
        payoutDate: '2026-11-23',
        verificationNumber: 'V-1',
        purpose: 'Mat',
        amount: 50000,
        decisionMaker: 'Ebba',
        runningTotal: 50000,
        overLimitReason: null,
      },
    };
    const sections: RegisterSection[] = registerKeys.map((register) => ({
      register,
      // Enough orders to take more than a page.
      records: Array.from({ length: register === 'orders' ? 45 : 3 }, () =>
        printRecord(sample[register]!, { clientName: 'Åke Ärlig' }),
      ),
    }));
    const pdf = await keepAndRead(
      'register-outage',
      await buildRegisterSections(
        { ...context, subtitle: 'Avbrott 2026-11-23 – 2026-11-24' },
        sections,
      ),
    );
    const titles = registerKeys.map((key) => printTitle(registers[key], { cardProvider: 'ICA' }));
    const firstPages = titles.map((title) =>
      pdf.pageTexts.findIndex((t) => squash(t).includes(title)),
    );
    expect(firstPages[0]).toBe(0);
    // Each section starts on a page after the previous section's last one.
    for (let i = 1; i < firstPages.length; i++)
      expect(firstPages[i]!).toBeGreaterThan(firstPages[i - 1]!);
    expect(firstPages[2]! - firstPages[1]!).toBeGreaterThan(1);
    expect(pdf.pages).toBe(firstPages.at(-1)! + 1);
    pdf.pageTexts.forEach((text, index) => {
      expect(squash(text)).toContain(`Sida ${index + 1} av ${pdf.pages}`);
      expect(squash(text)).toContain('Klientens namn');
    });
    expect(squash(pdf.raw)).toContain('Mottagen av utföraren');
  });

  it('splits a note longer than a page across pages, every word kept, header on each', async () => {
    const words = Array.from({ length: 2_500 }, (_, i) => `ord${i + 1}`);
    const pdf = await keepAndRead(
      'register-long-note',
      await buildFilledRegister({
        ...context,
        register: 'journalNotes',
        records: [
          printRecord(
            {
              occurredAt: '2026-11-23T08:15:00.000Z',
              law: 'SoL',
              text: words.join(' '),
              author: 'Kalle',
            },
            { clientName: 'Åke Ärlig' },
          ),
        ],
      }),
    );
    expect(pdf.pages).toBeGreaterThan(1);
    const found = [...pdf.raw.matchAll(/ord(\d+)/g)].map((m) => Number(m[1]));
    expect(found).toEqual(words.map((_, i) => i + 1));
    pdf.pageTexts.forEach((text, index) => {
      expect(text).toContain('Anteckning');
      if (index > 0) expect(text).toContain('(forts.)');
    });
  });

  it('prints 10 000 rows on the right number of pages, each with its header row', async () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      decision(`Åsa Öberg ${String(i + 1).padStart(5, '0')}`),
    );
    const pdf = await keepAndRead(
      'register-10000',
      await buildFilledRegister({ ...context, register: 'decisions', records }),
    );
    const perPage = pdf.pageTexts.map((text) => (text.match(/Åsa Öberg \d{5}/g) ?? []).length);
    expect(perPage.reduce((a, b) => a + b, 0)).toBe(10_000);
    // Every row once, in order.
    const numbers = pdf.pageTexts.flatMap((t) =>
      [...t.matchAll(/Åsa Öberg (\d{5})/g)].map((m) => Number(m[1])),
    );
    expect(numbers).toEqual(records.map((_, i) => i + 1));
    // Full pages of the same number of rows; the last one holds the rest and the totals.
    const full = perPage[0]!;
    expect(perPage.slice(0, -1).every((n) => n === full)).toBe(true);
    expect(pdf.pages).toBe(Math.ceil((10_000 + 1) / full));
    pdf.pageTexts.forEach((text, index) => {
      for (const heading of ['Klientens namn', 'Personnummer', 'Beslutsdatum'])
        expect(text).toContain(heading);
      expect(squash(text)).toContain(`Sida ${index + 1} av ${pdf.pages}`);
    });
  });
});

describe('a filtered ICA register', () => {
  let now = new Date(localToInstant('2026-11-20T08:00')!);
  const at = (local: string) => (now = new Date(localToInstant(local)!));
  type Pdf = { fileName: string; pdfBase64: string };

  it('prints only the periods shown, by payout date, summed over the printed rows', async () => {
    const { dir, cleanup } = makeTempDir();
    const app = createTestApp(dir, { clock: () => now });
    try {
      await app.ok('unit.setup', SETUP);
      app.state.session.autoLockMinutes = 60 * 24 * 30;
      await app.ok('users.create', FINANCIAL_AID_MANAGER);
      const signIn = async (username: string, password: string) => {
        await app.ok('session.signOut');
        await app.ok('session.signIn', { username, password });
      };
      const pay = (
        verificationNumber: string,
        payoutDate: string,
        amount: string,
        clientName: string,
      ) =>
        app.ok(
          'payouts.create',
          sampleInput('payouts', {
            clientName,
            values: { ...sampleInput('payouts').values, verificationNumber, payoutDate, amount },
          }) as never,
        ) as Promise<RegisterRecord>;
      const startOutage = async (level: 'I' | 'II') =>
        (await app.ok('outages.start', { level, affectedSystems: [], note: '' })) as { id: string };
      const outageA = await startOutage('II');
      await signIn('ebba', 'kalle-123');
      at('2026-11-22T10:00');
      // Registered in another order than paid: Bilaga 5 runs by payout date.
      await pay('V-1', '2026-11-22', '1 000', 'Anna Andersson');
      await pay('V-2', '2026-11-21', '300', 'Bertil Berg');
      await app.ok('cashCard.reconcile', {
        reconciledOn: '2026-11-22',
        financeContact: 'Per Ekonom',
        refill: '1 300',
        balance: '1 300',
        note: '',
      });
      at('2026-11-23T08:00');
      await pay('V-3', '2026-11-23', '200', 'Cecilia Carlsson');
      const voided = await pay('V-9', '2026-11-23', '50', 'Cecilia Carlsson');
      await app.ok('payouts.void', { id: voided.id, reason: 'Fel kort' });
      // The next outage's payout falls in the same open period.
      at('2026-11-23T09:00');
      await signIn(SETUP.manager.username, SETUP.manager.password);
      await app.ok('outages.end', { id: outageA.id });
      at('2026-11-23T10:00');
      const outageB = await startOutage('I');
      await signIn('ebba', 'kalle-123');
      at('2026-11-23T11:00');
      await pay('V-4', '2026-11-23', '400', 'Doris Dahl');

      const print = async (name: string, filter: object) =>
        squash(
          (
            await keepAndRead(
              name,
              new Uint8Array(
                Buffer.from(
                  (
                    (await app.ok('print.register', {
                      register: 'payouts',
                      filter,
                    } as never)) as Pdf
                  ).pdfBase64,
                  'base64',
                ),
              ),
            )
          ).raw,
        );

      // Outage A: period 1 and its part of the open period, V-4 left out.
      const a = await print('register-payouts-outage-a', {
        outageId: outageA.id,
        voided: 'include',
        sort: 'clientName',
        direction: 'asc',
      });
      expect(a).toContain('Period 1, avstämd 2026-11-22');
      expect(a.indexOf('Bertil Berg')).toBeLessThan(a.indexOf('Anna Andersson'));
      expect(a).toContain('V-2 Livsmedel 300 kr Ebba Ekonomi 300 kr');
      expect(a).toContain('V-1 Livsmedel 1 000 kr Ebba Ekonomi 1 300 kr');
      expect(a).toContain('Summa perioden, utskrivna rader (2 poster) 1 300 kr');
      expect(a).toContain('Avstämning 2026-11-22 med Per Ekonom');
      expect(a).toContain('Summa perioden, utskrivna rader (1 post, 1 makulerad) 200 kr');
      expect(a).toContain('Totalt, utskrivna rader: 3 poster, 1 makulerad 1 500 kr');
      expect(a).toContain(
        'Urval: summorna och ”Totalt utbetalt från ICA-kontot” är räknade över de utskrivna raderna. 1 utbetalning i samma perioder ingår inte i urvalet',
      );
      expect(a).not.toContain('Doris Dahl');

      // Outage B: only the open period, no reconciled period nor its reconciliation; V-4's
      // running total is the printed rows' (400), not the account's (600).
      const b = await print('register-payouts-outage-b', { outageId: outageB.id });
      expect(b).not.toContain('Period 1');
      expect(b).not.toContain('Avstämning');
      expect(b).toContain('Pågående period, ännu inte avstämd');
      expect(b).toContain('V-4 Livsmedel 400 kr Ebba Ekonomi 400 kr');
      expect(b).not.toContain('600 kr');
      expect(b).toContain('Totalt, utskrivna rader: 1 post 400 kr');

      // Nothing left out: the account's running totals, no words about a selection.
      const all = await print('register-payouts-all', {});
      expect(all).toContain('V-4 Livsmedel 400 kr Ebba Ekonomi 600 kr');
      expect(all).not.toContain('utskrivna rader');
      expect(all).not.toContain('Urval');
      expect(all).toContain('Totalt: 4 poster 1 900 kr');
    } finally {
      await app.state.close();
      cleanup();
    }
  });
});
