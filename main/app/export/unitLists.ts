import type { DataSource } from 'typeorm';
import { contract, type Channel } from '../../../shared/contract';
import { custodianColumns, custodianListTitle } from '../../../shared/custodians';
import { recordColumnLabels } from '../../../shared/registers/print';
import type { Role } from '../../../shared/roles';
import {
  usbReceiptColumns,
  usbReceiptListTitle,
  type UsbReceipt,
} from '../../../shared/usbReceipts';
import { listCustodians } from '../custodians/custodianService';
import { listUsbReceipts } from '../usbReceipts/usbService';
import { dateCell, emptyCell, textCell, type ExcelCell } from './cells';
import type { ExportScope } from './scope';
import type { SheetColumn } from './sheet';
import { columnWidth, type ColumnContent } from './widths';
import type { ExportWorkbook } from './workbook';

/** Whether a role may read what a channel lists: the contract says, as for the screen. */
export function mayList(channel: Channel, role: Role): boolean {
  const access = contract[channel].access;
  return access === 'signedIn' || (Array.isArray(access) && access.includes(role));
}

/**
 * Bilaga 1, the cash custodians, as on paper; those no longer custodians say so. The
 * unit's list, not anyone's records: it has no outage or date, so it is the whole list.
 */
export async function writeCustodianSheet(
  workbook: ExportWorkbook,
  dataSource: DataSource,
): Promise<void> {
  const widths: Record<(typeof custodianColumns)[number]['key'], ColumnContent> = {
    name: 'name',
    unitName: { text: 24 },
    phone: { text: 16 },
    email: { text: 30 },
  };
  const columns: SheetColumn[] = [
    ...custodianColumns.map((c) => ({
      header: c.label,
      width: columnWidth(c.label, widths[c.key]),
    })),
    { header: recordColumnLabels.status, width: columnWidth('', 'status') },
  ];
  const sheet = workbook.addSheet(custodianListTitle, columns, { kind: 'custodians' });
  for (const custodian of await listCustodians(dataSource)) {
    sheet.add([
      ...custodianColumns.map((c) => textCell(custodian[c.key])),
      custodian.active ? emptyCell : textCell('Inte längre kassaförvaltare'),
    ]);
  }
  if (sheet.rows === 0) sheet.addTotals([[textCell('Inga kassaförvaltare.')]]);
  sheet.finish();
}

/**
 * Bilaga 2, the USB sticks lent out, as on paper: of the outage when the export is one
 * outage's, and the sticks out at some time within the dates when it has dates.
 */
export async function writeUsbReceiptSheet(
  workbook: ExportWorkbook,
  dataSource: DataSource,
  { filter }: ExportScope,
): Promise<void> {
  const cells: Record<(typeof usbReceiptColumns)[number]['key'], (r: UsbReceipt) => ExcelCell> = {
    issuedOn: (r) => dateCell(r.issuedOn),
    receiver: (r) => textCell(`${r.receiverName} (${r.receiverSignature})`),
    workplace: (r) => textCell(r.workplace),
    returned: (r) =>
      r.returnedOn ? textCell(`${r.returnedOn} ${r.returnedSignature ?? ''}`.trim()) : emptyCell,
    stickNumber: (r) => textCell(r.stickNumber),
  };
  const widths: Record<(typeof usbReceiptColumns)[number]['key'], ColumnContent> = {
    issuedOn: 'date',
    receiver: 'name',
    workplace: { text: 24 },
    returned: { text: 30 },
    stickNumber: { text: 12 },
  };
  const columns: SheetColumn[] = usbReceiptColumns.map((c) => ({
    header: c.label,
    width: columnWidth(c.label, widths[c.key]),
    wrap: c.key === 'returned',
  }));
  const sheet = workbook.addSheet(usbReceiptListTitle, columns, { kind: 'usbReceipts' });
  const receipts = await listUsbReceipts(dataSource, { outageId: filter.outageId, onlyOut: false });
  for (const receipt of receipts) {
    const out =
      (!filter.to || receipt.issuedOn <= filter.to) &&
      (!filter.from || !receipt.returnedOn || receipt.returnedOn >= filter.from);
    if (out) sheet.add(usbReceiptColumns.map((c) => cells[c.key](receipt)));
  }
  if (sheet.rows === 0) sheet.addTotals([[textCell('Inga utlämnade USB-minnen.')]]);
  sheet.finish();
}
