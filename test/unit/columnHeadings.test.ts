import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { custodianSection, usbReceiptSection } from '../../main/app/print/filledLists';
import { recordSheetColumns } from '../../main/app/export/recordColumns';
import { registerTable } from '../../main/app/print/filledRegister';
import { RecordList } from '../../renderer/pages/registers/RecordList';
import { SessionContext } from '../../renderer/app/session';
import type { Unit } from '../../shared/contract';
import { custodianColumns } from '../../shared/custodians';
import { usbReceiptColumns, usbReceiptHeading } from '../../shared/usbReceipts';
import { registerKeys, registers, type RegisterKey } from '../../shared/registers';
import { blankFormColumns, columnHeadings, registerColumns } from '../../shared/registers/headings';
import { printRecord } from '../support/printRecords';

const unit: Unit = {
  name: 'Enhet Test',
  department: 'Socialförvaltningen',
  autoLockMinutes: 10,
  patchWednesday: false,
  cardProvider: 'Coop',
  referencePrefix: 'ET',
};
const words = { cardProvider: unit.cardProvider };

/** The column headings of the register list as the screen renders them. */
function screenHeadings(key: RegisterKey): string[] {
  const html = renderToStaticMarkup(
    createElement(
      SessionContext.Provider,
      { value: { user: null as never, unit, activeOutage: null, deviceKind: 'office' } },
      createElement(RecordList, {
        definition: registers[key],
        total: 0,
        rowAt: () => undefined,
        ensure: () => undefined,
        selected: new Set<string>(),
        whyNotSelectable: () => null,
        onSelect: () => undefined,
        onOpen: () => undefined,
      }),
    ),
  );
  const head = /<thead>(.*)<\/thead>/s.exec(html)![1]!;
  return [...head.matchAll(/<th[^>]*>(.*?)<\/th>/gs)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, ''))
    .filter((text) => text !== 'Vald');
}

/** The workbook's headings of a register's sheet, those the list has (the rest are the app's). */
function excelHeadings(key: RegisterKey): string[] {
  return recordSheetColumns(registers[key], words, () => '')
    .map((c) => c.header)
    .slice(0, registerColumns(registers[key], words).length);
}

/** The column headings of the filled register as printed (a record with a reference). */
function paperHeadings(key: RegisterKey): string[] {
  const record = printRecord({}, { paperReference: 'ET000001' });
  return registerTable({ register: key, records: [record] }, words).columns.map((c) => c.header);
}

describe('column headings', () => {
  it.each(registerKeys)(
    '%s: the list on screen, the filled register and the workbook share every heading',
    (key) => {
      const screen = screenHeadings(key);
      const paper = paperHeadings(key);
      // Both are the register's columns, word for word: paper all of them, the screen those
      // it has room for, in the same order.
      const columns = registerColumns(registers[key], words);
      expect(paper).toEqual(columns.map((c) => c.heading));
      expect(excelHeadings(key)).toEqual(paper);
      expect(screen).toEqual(columns.filter((c) => c.onScreen).map((c) => c.heading));
      expect(screen).toEqual(paper.filter((heading) => screen.includes(heading)));
      expect(screen).toContain(columnHeadings.entry);
      expect(screen).toContain(columnHeadings.reference);
      expect(screen.includes(columnHeadings.deadline)).toBe(registers[key].hasDeadline);
    },
  );

  it('the blank forms use the same headings as the lists', () => {
    for (const key of registerKeys) {
      const definition = registers[key];
      if (!definition.blankForm) continue;
      const listed = new Set(registerColumns(definition, words).map((c) => c.heading));
      for (const column of blankFormColumns(definition, words)) {
        // Bilaga 5 has one column for personnummer and name; the list has two.
        if (column.kind === 'common' && column.column === 'clientIdentity') continue;
        expect(listed, `${key}: ${column.heading}`).toContain(column.heading);
      }
    }
  });

  it('has one heading per field: the unit’s words filled in, the same on screen and paper', () => {
    // The running total is on paper; on screen the account's total stands above the list.
    expect(paperHeadings('payouts')).toContain('Totalt utbetalt från Coop-kontot');
    expect(screenHeadings('payouts')).toContain('Belopp till klient');
    for (const key of registerKeys) expect(screenHeadings(key).join(' ')).not.toContain('{');
    for (const definition of Object.values(registers)) {
      for (const field of definition.fields) {
        expect(field).not.toHaveProperty('printLabel');
        // A placeholder only where no form or message shows the label as is.
        if (field.label.includes('{')) {
          expect(field.label.replaceAll('{cardProvider}', '')).not.toContain('{');
          expect(field.computed, field.key).toBe(true);
        }
      }
    }
  });

  it('Bilaga 1 and 2 filled in have their blank forms’ columns and headings', () => {
    expect(custodianSection([]).columns.map((c) => c.header)).toEqual(
      custodianColumns.map((c) => c.label),
    );
    expect(usbReceiptSection([]).columns.map((c) => c.header)).toEqual(
      usbReceiptColumns.map((c) => c.label),
    );
    expect(usbReceiptHeading('returned')).toBe('Infört och rensat, datum/signatur');
  });
});
