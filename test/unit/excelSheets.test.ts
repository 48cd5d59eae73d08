import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerFooter, MAX_HEADER_FOOTER } from '../../main/app/export/pageText';
import { recordSheetColumns } from '../../main/app/export/recordColumns';
import { inDateRange, recordDate } from '../../main/app/export/scope';
import { columnLetter } from '../../main/app/export/sheet';
import { MAX_SHEET_NAME, sheetName, SheetNames } from '../../main/app/export/sheetNames';
import { rowHeight, wrappedLines } from '../../main/app/export/widths';
import { xlsxFileName } from '../../shared/exports';
import { registers } from '../../shared/registers';
import { entryState, entryStateText, entryText } from '../../shared/registers/entryState';
import { blankFormColumns, recordHeadings, registerColumns } from '../../shared/registers/headings';
import {
  countText,
  countWords,
  OPEN_PERIOD,
  payoutPeriods,
  RUNNING_TOTAL,
} from '../../main/app/print/payoutPeriods';
import { printRecord } from '../support/printRecords';

const forbidden = /[[\]:*?/\\]/;

describe('sheet names', () => {
  it('makes any text a name Excel accepts', () => {
    expect(sheetName('Övriga handlingar')).toBe('Övriga handlingar');
    expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a-b-c-d-e-f-g-h');
    expect(sheetName("Anna O'Brien")).toBe('Anna O’Brien');
    expect(sheetName("'quoted'")).toBe('’quoted’');
    expect(sheetName('  \n ')).toBe('Blad');
    expect(sheetName('Kvittenslista för USB-minnen, Bilaga 2')).toBe(
      'Kvittenslista för USB-minnen, B',
    );
    // 31 UTF-16 units: an emoji that would straddle the limit goes whole.
    expect(sheetName(`${'x'.repeat(30)}😀`)).toBe('x'.repeat(30));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const name = sheetName(text);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
        expect(name).not.toMatch(forbidden);
        expect(name).not.toContain("'");
        expect(name).toBe(name.trim());
        // No half of a surrogate pair left at the cut.
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });

  it('numbers names already taken, without regard to case, and keeps Excel’s own', () => {
    const names = new SheetNames();
    expect(names.add('Åsa Öberg')).toBe('Åsa Öberg');
    expect(names.add('åsa öberg')).toBe('åsa öberg (2)');
    expect(names.add('ÅSA ÖBERG')).toBe('ÅSA ÖBERG (3)');
    expect(names.add('History')).toBe('History (2)');
    const long = 'Kristina Margareta Andersson-Lindqvist';
    expect(names.add(long)).toBe('Kristina Margareta Andersson-Li');
    expect(names.add(long)).toBe('Kristina Margareta Andersso (2)');
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (texts) => {
        const sheetNames = new SheetNames();
        const added = texts.map((text) => sheetNames.add(text));
        const keys = added.map((name) => name.toLocaleUpperCase('sv-SE'));
        expect(new Set(keys).size).toBe(added.length);
        for (const name of added) {
          expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
          expect(name).not.toMatch(forbidden);
        }
      }),
    );
  });
});

describe('page header and footer', () => {
  const context = {
    unit: 'Enhet Söder & Äldreomsorg',
    scope: '2026-03-29 – 2026-03-30',
    exportedBy: 'Zoltán Kővári',
    exportedAt: new Date('2026-11-23T09:05:00Z'),
  };

  it('says where the page comes from, "&" as text and a leading digit not read as a size', () => {
    expect(headerFooter('Att föra in – Åsa', context)).toEqual({
      oddHeader:
        '&L&8 Enhet Söder && Äldreomsorg&C&BAtt föra in – Åsa&B&R&8 2026-03-29 – 2026-03-30',
      oddFooter: '&L&8 Exporterad 2026-11-23 10:05 av Zoltán Kővári&R&8 Sida &P av &N',
    });
  });

  it('stays within Excel’s 255 characters, whatever the names', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (unit, title, scope, who) => {
        const { oddHeader, oddFooter } = headerFooter(title, {
          ...context,
          unit,
          scope,
          exportedBy: who,
        });
        expect(oddHeader.length).toBeLessThanOrEqual(MAX_HEADER_FOOTER);
        expect(oddFooter.length).toBeLessThanOrEqual(MAX_HEADER_FOOTER);
      }),
    );
    expect(headerFooter('x', { ...context, unit: '&'.repeat(300) }).oddHeader).toContain(
      `&L&8 ${'&&'.repeat(24)}…&C`,
    );
  });
});

describe('register sheets', () => {
  it('head the columns as the list and the filled register do, then what the app knows', () => {
    const words = { cardProvider: 'Coop' };
    for (const definition of Object.values(registers)) {
      const period = definition.key === 'payouts' ? () => '' : undefined;
      const headers = recordSheetColumns(definition, words, period).map((c) => c.header);
      const listed = registerColumns(definition, words).map((c) => c.heading);
      expect(headers.slice(0, listed.length)).toEqual(listed);
      expect(headers.slice(listed.length)).toEqual([
        ...(period ? [recordHeadings.period] : []),
        recordHeadings.entryState,
        recordHeadings.enteredOn,
        recordHeadings.enteredBy,
        recordHeadings.createdBy,
        recordHeadings.createdAt,
        recordHeadings.transcribedBy,
        recordHeadings.voided,
      ]);
      expect(new Set(headers).size).toBe(headers.length);
    }
    const payouts = recordSheetColumns(registers.payouts, words, () => '').map((c) => c.header);
    // Bilaga 5's own headings, all there, in the unit's words.
    for (const column of blankFormColumns(registers.payouts, words)) {
      if (column.kind === 'field') expect(payouts).toContain(column.heading);
    }
    expect(payouts).toContain('Totalt utbetalt från Coop-kontot');
    expect(payouts).not.toContain('Skäl att betala ut över gränsen');
  });

  it('tells the entry status in one word, and as the paper’s entry column', () => {
    const record = printRecord({});
    expect(entryState(record)).toBe('notEntered');
    expect(entryStateText(record)).toBe('Ej införd');
    const entered = { ...record, enteredOn: '2026-11-24', enteredByInitials: 'KH' };
    expect(entryState(entered)).toBe('entered');
    expect(entryStateText(entered)).toBe('Införd 2026-11-24 KH');
    const voided = { ...entered, voidedAt: '2026-11-25T08:00:00Z', voidReason: 'Fel person' };
    expect(entryState(voided)).toBe('voided');
    expect(entryStateText(voided)).toBe('Makulerad 2026-11-25: Fel person');
    const changed = {
      ...record,
      changedAfterEntry: {
        at: '2026-11-24T08:00:00Z',
        byName: 'Kalle',
        previousEnteredOn: '2026-11-23',
        previousEnteredByInitials: 'KH',
        changes: [],
      },
    };
    expect(entryState(changed)).toBe('changedAfterEntry');
    expect(entryStateText(changed)).toBe('Ändrad efter införing (införd 2026-11-23 KH)');
    expect(entryText({ ...record, transcribedFromPaper: true })).toBe(
      'Ej införd\nEfterregistrerad från papper',
    );
  });

  it('dates a record by its own date in office time, else by the day it was registered', () => {
    const note = printRecord({ occurredAt: '2026-11-22T23:30:00.000Z' });
    expect(recordDate(registers.journalNotes, note)).toBe('2026-11-23');
    const order = printRecord(
      { sentAt: null },
      { createdAt: '2026-03-28T23:30:00.000Z' }, // 00:30 on the 29th, winter time
    );
    expect(recordDate(registers.orders, order)).toBe('2026-03-29');
    expect(recordDate(registers.decisions, printRecord({ decisionDate: '2026-03-27' }))).toBe(
      '2026-03-27',
    );
    expect(inDateRange('2026-03-29', { from: '2026-03-29', to: '2026-03-29' })).toBe(true);
    expect(inDateRange('2026-03-30', { from: '2026-03-29', to: null })).toBe(true);
    expect(inDateRange('2026-03-28', { from: '2026-03-29', to: null })).toBe(false);
    expect(inDateRange('2026-03-30', { from: null, to: '2026-03-29' })).toBe(false);
  });

  it('orders payouts as the account does: by period, payout date, then as registered', () => {
    const reconciliation = {
      id: 'r1',
      reconciledOn: '2026-03-29',
      financeContact: 'Per',
      totalOre: 0,
      refillOre: 0,
      note: '',
      payoutCount: 0,
      createdByName: 'Ebba',
      createdAt: '2026-03-29T12:00:00.000Z',
      balanceOre: null,
      periodFrom: null,
    };
    const payout = (date: string, createdAt: string, reconciliationId: string | null) =>
      printRecord({ payoutDate: date, amount: 10_000 }, { createdAt, reconciliationId });
    const open = payout('2026-03-01', '2026-03-30T08:00:00.000Z', null);
    const late = payout('2026-03-28', '2026-03-29T08:00:00.000Z', 'r1');
    const early = payout('2026-03-27', '2026-03-29T09:00:00.000Z', 'r1');
    const periods = payoutPeriods([open, late, early], [reconciliation]);
    expect(periods.map((p) => [p.heading, p.records.map((r) => r.id)])).toEqual([
      ['Period 1, avstämd 2026-03-29', [early.id, late.id]],
      [OPEN_PERIOD, [open.id]],
    ]);
    expect(periods[0]!.records.map((r) => r.values[RUNNING_TOTAL])).toEqual([10_000, 20_000]);
    expect(() => payoutPeriods([payout('2026-03-01', 'x', 'unknown')], [])).toThrow();
    expect(countWords(1)).toBe('1 post');
    expect(countWords(4, 1)).toBe('4 poster, 1 makulerad');
    expect(countWords(0, 2)).toBe('0 poster, 2 makulerade');
    expect(countText([early, { ...late, voidedAt: '2026-03-30T08:00:00.000Z' }])).toBe(
      '1 post, 1 makulerad',
    );
  });
});

describe('sizes and names', () => {
  it('counts the lines of wrapped text, and makes the row as tall', () => {
    expect(wrappedLines('kort', 20)).toBe(1);
    expect(wrappedLines('Lagrum: HSL\nAnteckning: text\nFörfattare: Kalle', 60)).toBe(3);
    expect(wrappedLines('ett två tre fyra', 9)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 11)).toBe(3);
    expect(wrappedLines('', 10)).toBe(1);
    expect(rowHeight(1)).toBeUndefined();
    expect(rowHeight(3)).toBe(45);
    expect(rowHeight(1000)).toBe(409);
  });

  it('names columns and files', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(xlsxFileName('worklist', '2026-11-23')).toBe('Att-fora-in-2026-11-23.xlsx');
    expect(xlsxFileName('registers', '2026-11-23')).toBe('Registerutdrag-2026-11-23.xlsx');
  });
});
