import type { DataSource } from 'typeorm';
import { allows } from '../../../shared/access';
import {
  currentCustodians,
  custodianColumns,
  custodianReaders,
  type Custodian,
} from '../../../shared/custodians';
import { appendixLists } from '../../../shared/printing';
import type { Role } from '../../../shared/roles';
import {
  inIssueOrder,
  usbReceiptCell,
  usbReceiptColumns,
  usbReceiptKeepers,
  type UsbReceipt,
} from '../../../shared/usbReceipts';
import { listCustodians } from '../custodians/custodianService';
import { listUsbReceipts } from '../usbReceipts/usbService';
import { dateCell, textCell } from './cells';
import type { ExportScope } from './scope';
import type { SheetColumn } from './sheet';
import { columnWidth, type ColumnContent } from './widths';
import type { ExportWorkbook } from './workbook';

/**
 * Bilaga 1 and 2 as the workbook holds them, each for those who may read the list (as its
 * channel and its print): null for the others.
 */
export interface UnitLists {
  custodians: Custodian[] | null;
  receipts: UsbReceipt[] | null;
}

/**
 * The unit's lists, read before the workbook is written (they are short, and their rows
 * count in its progress): the cash custodians of now, as Bilaga 1 is printed; the USB
 * receipts in the order the sticks were lent, of the outage when the export is one
 * outage's, and of the sticks out at some time within the dates when it has dates. They
 * are nobody's records, so a workbook of one person's records has neither.
 */
export async function loadUnitLists(
  dataSource: DataSource,
  { filter }: ExportScope,
  role: Role,
  now: Date,
): Promise<UnitLists> {
  if (filter.createdById) return { custodians: null, receipts: null };
  const custodians = allows(custodianReaders, role)
    ? currentCustodians(await listCustodians(dataSource))
    : null;
  const receipts = allows(usbReceiptKeepers, role)
    ? inIssueOrder(
        await listUsbReceipts(dataSource, { outageId: filter.outageId, onlyOut: false }, now),
      ).filter(
        (receipt) =>
          (!filter.to || receipt.issuedOn <= filter.to) &&
          (!filter.from || !receipt.returnedOn || receipt.returnedOn >= filter.from),
      )
    : null;
  return { custodians, receipts };
}

/** The rows the lists add to the workbook. */
export const unitListRows = ({ custodians, receipts }: UnitLists): number =>
  (custodians?.length ?? 0) + (receipts?.length ?? 0);

const custodianWidths: Record<(typeof custodianColumns)[number]['key'], ColumnContent> = {
  name: 'name',
  unitName: { text: 24 },
  phone: { text: 16 },
  email: { text: 30 },
};

const receiptWidths: Record<(typeof usbReceiptColumns)[number]['key'], ColumnContent> = {
  issuedOn: 'date',
  receiver: 'name',
  workplace: { text: 24 },
  returned: { text: 30 },
  stickNumber: { text: 12 },
};

/** Bilaga 1 and 2, each as on paper: the blank forms' columns and headings. */
export async function writeUnitListSheets(
  workbook: ExportWorkbook,
  { custodians, receipts }: UnitLists,
): Promise<void> {
  if (custodians) {
    const columns: SheetColumn[] = custodianColumns.map((c) => ({
      header: c.label,
      width: columnWidth(c.label, custodianWidths[c.key]),
    }));
    const sheet = workbook.addSheet(appendixLists.custodians.title, columns, {
      kind: 'custodians',
    });
    for (const custodian of custodians) {
      sheet.add(custodianColumns.map((c) => textCell(custodian[c.key])));
    }
    if (sheet.rows === 0) sheet.addTotals([[textCell('Inga kassaförvaltare registrerade.')]]);
    sheet.finish();
    await workbook.drain();
  }
  if (receipts) {
    const columns: SheetColumn[] = usbReceiptColumns.map((c) => ({
      header: c.label,
      width: columnWidth(c.label, receiptWidths[c.key]),
      wrap: c.key === 'returned',
    }));
    const sheet = workbook.addSheet(appendixLists.usbReceipts.title, columns, {
      kind: 'usbReceipts',
    });
    for (const receipt of receipts) {
      // The day lent as a date; the rest as the page and paper say it.
      sheet.add(
        usbReceiptColumns.map((c) =>
          c.key === 'issuedOn'
            ? dateCell(receipt.issuedOn)
            : textCell(usbReceiptCell(receipt, c.key)),
        ),
      );
    }
    if (sheet.rows === 0) sheet.addTotals([[textCell('Inga USB-minnen utlämnade.')]]);
    sheet.finish();
    await workbook.drain();
  }
}
