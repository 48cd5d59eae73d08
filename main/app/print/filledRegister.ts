import type { Reconciliation } from '../../../shared/cashCard';
import { formatPersonnummer } from '../../../shared/domain/personnummer';
import { formatAmount } from '../../../shared/money';
import { registers, type FieldDefinition, type RegisterKey } from '../../../shared/registers';
import { formatFieldValue } from '../../../shared/registers/format';
import { entryText } from '../../../shared/registers/entryState';
import {
  printTitle,
  registerColumns,
  type RegisterColumn,
} from '../../../shared/registers/headings';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { countOf } from '../../../shared/swedishText';
import type { UsbReceipt } from '../../../shared/usbReceipts';
import { columnWeight } from './columns';
import type { PrintContext } from './document';
import { usbReceiptSection } from './filledLists';
import { buildListDocument, type ListSection } from './listDocument';
import { countText, leftOutText, liveSum, payoutPeriods } from './payoutPeriods';
import type { TableColumn, TableRow } from './table';

/** A record as listed (`listRecords`), with what printing adds when the caller has it. */
export type PrintRecord = RegisterRecord & {
  /** Payouts: the reconciliation that closed the payout's period; null while it is open. */
  reconciliationId?: string | null;
};

/** One register's records, as one document or one section of an outage's document. */
export interface RegisterSection {
  register: RegisterKey;
  /**
   * In the order to print them (the list's order; payouts by payout date within each
   * period, as on Bilaga 5). Voided records print struck through.
   */
  records: readonly PrintRecord[];
  /** Payouts: the reconciliations, so each period ends with its reconciliation. */
  reconciliations?: readonly Reconciliation[];
  /**
   * Payouts: how many payouts (not voided) of the printed periods the list's filter left
   * out. Then the sums and running totals are the printed rows', and the list says so.
   */
  leftOut?: number;
}

export interface FilledRegisterOptions extends PrintContext {
  /** Under the title on every page: the outage, the filter ("Ej införda", one person). */
  subtitle?: string;
  /** The unit's cash card provider (Bilaga 5's words). */
  cardProvider?: string;
}

/** One register as a "förteckning" to keep in the filing cabinet with the papers. */
export async function buildFilledRegister(
  options: FilledRegisterOptions & RegisterSection,
): Promise<Uint8Array> {
  return buildRegisterSections(options, [options]);
}

/** Bilaga 2's receipts as a section of an outage's document (see filledLists.ts). */
export interface UsbReceiptSection {
  list: 'usbReceipts';
  receipts: readonly UsbReceipt[];
}

/** A section of a filled document: a register, or the outage's USB receipts. */
export type PrintSection = RegisterSection | UsbReceiptSection;

/**
 * Several lists in one document (every register of one outage, and its USB receipts for
 * the enhetschef): each starts on a new page under its own title; one page numbering for
 * the whole.
 */
export async function buildRegisterSections(
  options: FilledRegisterOptions,
  sections: readonly PrintSection[],
): Promise<Uint8Array> {
  const words = { cardProvider: options.cardProvider ?? 'ICA' };
  const lists = sections.map((section): ListSection => {
    if ('list' in section) return usbReceiptSection(section.receipts);
    return {
      title: printTitle(registers[section.register], words),
      ...registerTable(section, words),
      orientation: 'landscape',
    };
  });
  const title = lists.length === 1 ? lists[0]!.title : 'Förteckning över upprättade handlingar';
  return buildListDocument(options, title, lists);
}

interface Column {
  header: string;
  weight: number;
  align?: 'right';
  value: (record: PrintRecord) => string;
  keepWhole?: string;
  /** An amount summed in the totals rows (not the running total: a sum of sums). */
  summed?: FieldDefinition;
}

/** How a register's column prints: its heading, width and each record's text. */
function paperColumn(column: RegisterColumn): Column {
  const header = column.heading;
  const weight = columnWeight(column);
  if (column.kind === 'field') {
    const { field } = column;
    return {
      header,
      weight,
      align: field.kind === 'amount' ? 'right' : undefined,
      value: (r) => formatFieldValue(field, r.values[field.key]),
      summed: field.kind === 'amount' && !field.computed ? field : undefined,
      keepWhole: field.kind === 'date' || field.kind === 'datetime' ? '2026-11-23' : undefined,
    };
  }
  switch (column.column) {
    case 'clientName':
      return { header, weight, value: (r) => r.clientName };
    case 'personnummer':
      return { header, weight, value: identityText, keepWhole: '19121212-1212' };
    case 'clientIdentity':
      return { header, weight, value: (r) => `${identityText(r)}\n${r.clientName}` };
    case 'reference':
      return { header, weight, value: (r) => r.paperReference ?? '' };
    case 'deadline':
      return { header, weight, value: deadlineText };
    case 'entry':
      return { header, weight, value: entryText };
  }
}

const identityText = (r: PrintRecord) =>
  r.personnummer ? formatPersonnummer(r.personnummer) : 'Reservidentitet';

/** The columns and rows of one register's list, from its definition. */
export function registerTable(
  section: RegisterSection,
  words: { cardProvider: string },
): { columns: TableColumn[]; rows: TableRow[] } {
  const definition = registers[section.register];
  const { records } = section;
  // The list's columns (registerColumns, as on screen), every field of the record: the
  // paper list is the record. The reference only when some record was written on paper.
  const withReference = records.some((r) => r.paperReference);
  const columns = registerColumns(definition, words)
    .filter((c) => withReference || c.kind !== 'common' || c.column !== 'reference')
    .map(paperColumn);
  const row = (record: PrintRecord): TableRow => ({
    cells: columns.map((c) => c.value(record)),
    struck: record.voidedAt !== null,
  });
  const span = (text: string): TableRow => ({
    cells: [text, ...columns.slice(1).map(() => '')],
    span: true,
    bold: true,
  });
  // With amounts, the sums stand in their columns; without, the count runs across.
  const sumRow = (label: string, list: readonly PrintRecord[]): TableRow =>
    columns.some((c) => c.summed)
      ? {
          cells: columns.map((column, index) => {
            if (index === 0) return label;
            return column.summed ? formatAmount(liveSum(list, column.summed.key)) : '';
          }),
          bold: true,
        }
      : span(label);

  const rows: TableRow[] = [];
  if (records.length === 0) rows.push(span('Inga poster.'));
  // A filter that leaves out payouts of the printed periods makes every sum the printed
  // rows' own: the totals rows say so, and a line above the rows says what is missing.
  const leftOut = section.register === 'payouts' ? (section.leftOut ?? 0) : 0;
  const printedRows = leftOut > 0 ? ', utskrivna rader' : '';
  if (leftOut > 0) rows.push(span(leftOutText(leftOut, words, 'de utskrivna raderna')));
  if (section.register === 'payouts') {
    for (const period of payoutPeriods(records, section.reconciliations ?? [])) {
      rows.push(span(period.heading));
      rows.push(...period.records.map(row));
      rows.push(
        sumRow(`Summa perioden${printedRows} (${countText(period.records)})`, period.records),
      );
      if (period.reconciliation) rows.push(span(reconciliationText(period.reconciliation)));
    }
  } else {
    rows.push(...records.map(row));
  }
  if (records.length > 0) {
    rows.push(sumRow(`Totalt${printedRows}: ${countText(records)}`, records));
  }
  return {
    columns: columns.map(({ header, weight, align, keepWhole }) => ({
      header,
      weight,
      align,
      keepWhole,
    })),
    rows,
  };
}

function deadlineText(record: PrintRecord): string {
  if (!record.deadline) return '';
  if (record.deadlineStatus === 'overdue') return `${record.deadline} (passerad)`;
  return record.deadline;
}

function reconciliationText(r: Reconciliation): string {
  const note = r.note.trim() ? ` Anteckning: ${r.note.trim()}` : '';
  return (
    `Avstämning ${r.reconciledOn} med ${r.financeContact}: ` +
    `${countOf(r.payoutCount, 'utbetalning', 'utbetalningar')}, ` +
    `avstämt belopp ${formatAmount(r.totalOre)}, påfyllning ${formatAmount(r.refillOre)}. ` +
    `Registrerad av ${r.createdByName}.${note}`
  );
}
