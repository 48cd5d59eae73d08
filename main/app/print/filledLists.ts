import { currentCustodians, custodianColumns, type Custodian } from '../../../shared/custodians';
import { appendixLists } from '../../../shared/printing';
import {
  inIssueOrder,
  usbReceiptCell,
  usbReceiptColumns,
  type UsbReceipt,
} from '../../../shared/usbReceipts';
import { custodianWeights, usbReceiptWeights } from './columns';
import type { PrintContext } from './document';
import { buildListDocument, type ListSection } from './listDocument';
import type { TableRow } from './table';

/**
 * Bilaga 1 and 2 filled in from what the app holds, with the same columns and headings as
 * their blank forms (shared/custodians.ts, shared/usbReceipts.ts).
 */

const countRow = (text: string, columns: number): TableRow => ({
  cells: [text, ...Array<string>(columns - 1).fill('')],
  span: true,
  bold: true,
});

/** Bilaga 1: the cash custodians of now, by name. */
export function custodianSection(custodians: readonly Custodian[]): ListSection {
  const current = currentCustodians(custodians);
  const columns = custodianColumns.map((c) => ({
    header: c.label,
    weight: custodianWeights[c.key],
  }));
  const rows: TableRow[] = current.map((custodian) => ({
    cells: custodianColumns.map((c) => custodian[c.key]),
  }));
  rows.push(
    countRow(
      current.length === 0
        ? 'Inga kassaförvaltare registrerade.'
        : `Totalt: ${current.length} kassaförvaltare`,
      columns.length,
    ),
  );
  return { title: appendixLists.custodians.title, columns, rows, orientation: 'portrait' };
}

/**
 * Bilaga 2: every receipt in the order the sticks were lent (as the paper list is
 * written), with its return and certification, or "Ej återlämnat".
 */
export function usbReceiptSection(receipts: readonly UsbReceipt[]): ListSection {
  const ordered = inIssueOrder(receipts);
  const columns = usbReceiptColumns.map((c) => ({
    header: c.label,
    weight: usbReceiptWeights[c.key],
    hint: 'hint' in c ? c.hint : undefined,
    keepWhole: c.key === 'issuedOn' ? '2026-11-23' : undefined,
  }));
  const rows: TableRow[] = ordered.map((receipt) => ({
    cells: usbReceiptColumns.map((c) => usbReceiptCell(receipt, c.key)),
  }));
  const out = ordered.filter((r) => r.returnedOn === null).length;
  rows.push(
    countRow(
      ordered.length === 0
        ? 'Inga USB-minnen utlämnade.'
        : `Totalt: ${ordered.length} utlämnade, ${out} ej återlämnade`,
      columns.length,
    ),
  );
  return { title: appendixLists.usbReceipts.title, columns, rows, orientation: 'landscape' };
}

/** Bilaga 1 filled in, to keep in the binder. */
export function buildCustodianList(
  options: PrintContext & { custodians: readonly Custodian[] },
): Promise<Uint8Array> {
  const section = custodianSection(options.custodians);
  return buildListDocument(options, section.title, [section]);
}

/** Bilaga 2 filled in; `subtitle` says whose receipts (an outage's) when not all. */
export function buildUsbReceiptList(
  options: PrintContext & { receipts: readonly UsbReceipt[]; subtitle?: string },
): Promise<Uint8Array> {
  const section = usbReceiptSection(options.receipts);
  return buildListDocument(options, section.title, [section]);
}
