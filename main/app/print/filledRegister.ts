import type { Reconciliation } from '../../../shared/cashCard';
import { formatPersonnummer } from '../../../shared/domain/personnummer';
import { formatAmount } from '../../../shared/money';
import { registers, type FieldDefinition, type RegisterKey } from '../../../shared/registers';
import { formatFieldValue } from '../../../shared/registers/format';
import {
  fieldHeading,
  printTitle,
  registerColumns,
  type HeadingWords,
  type RegisterColumn,
} from '../../../shared/registers/headings';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { localDate } from '../../../shared/time';
import type { UsbReceipt } from '../../../shared/usbReceipts';
import { columnWeight } from './columns';
import type { PrintContext } from './document';
import { usbReceiptSection } from './filledLists';
import { buildListDocument, type ListSection } from './listDocument';
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
      return { header, weight, value: entryStatus };
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
            return column.summed ? formatAmount(sumOf(column.summed, list)) : '';
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
  if (leftOut > 0) rows.push(span(leftOutText(leftOut, words)));
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

const live = (records: readonly PrintRecord[]) => records.filter((r) => r.voidedAt === null);

function countText(records: readonly PrintRecord[]): string {
  const voided = records.length - live(records).length;
  const posts = `${live(records).length} ${live(records).length === 1 ? 'post' : 'poster'}`;
  return voided ? `${posts}, ${voided} makulerade` : posts;
}

/** The sum of an amount field over the records not voided, in öre. */
function sumOf(field: FieldDefinition, records: readonly PrintRecord[]): number {
  return live(records).reduce((sum, r) => sum + Number(r.values[field.key] ?? 0), 0);
}

/** "Införd 2026-11-24 KH", "Ej införd", "Ändrad efter införing", "Makulerad …". */
export function entryStatus(record: PrintRecord): string {
  const parts: string[] = [];
  if (record.voidedAt) {
    parts.push(`Makulerad ${localDate(record.voidedAt)}: ${record.voidReason ?? ''}`.trim());
  } else if (record.enteredOn) {
    parts.push(`Införd ${record.enteredOn} ${record.enteredByInitials ?? ''}`.trim());
  } else if (record.changedAfterEntry) {
    const before = record.changedAfterEntry.previousEnteredOn;
    parts.push(
      before
        ? `Ändrad efter införing (införd ${before} ${record.changedAfterEntry.previousEnteredByInitials ?? ''})`.replace(
            ' )',
            ')',
          )
        : 'Ändrad efter införing',
    );
  } else {
    parts.push('Ej införd');
  }
  if (record.transcribedFromPaper) parts.push('Efterregistrerad från papper');
  return parts.join('\n');
}

function deadlineText(record: PrintRecord): string {
  if (!record.deadline) return '';
  if (record.deadlineStatus === 'overdue') return `${record.deadline} (passerad)`;
  return record.deadline;
}

interface PayoutPeriod {
  heading: string;
  records: PrintRecord[];
  reconciliation: Reconciliation | null;
}

/** The payout field worked out over the period's rows: "Totalt utbetalt från ICA-kontot". */
const RUNNING_TOTAL = 'runningTotal';

/**
 * The printed payouts by period, oldest first: each reconciled period with printed rows,
 * then the open one. Within a period the rows run by payout date (then registration), as
 * Bilaga 5 is written, and the running total is summed over the printed rows (not voided):
 * the account's own when nothing is left out.
 */
function payoutPeriods(
  records: readonly PrintRecord[],
  reconciliations: readonly Reconciliation[],
): PayoutPeriod[] {
  const ordered = [...reconciliations].sort((a, b) => compare(a.createdAt, b.createdAt));
  // Numbered among all the unit's periods, so "Period 2" is the same period on every list.
  const periods: PayoutPeriod[] = ordered.map((reconciliation, index) => ({
    heading: `Period ${index + 1}, avstämd ${reconciliation.reconciledOn}`,
    records: [],
    reconciliation,
  }));
  const byId = new Map(ordered.map((r, index) => [r.id, periods[index]!]));
  const open: PayoutPeriod = {
    heading: 'Pågående period, ännu inte avstämd',
    records: [],
    reconciliation: null,
  };
  for (const record of records) {
    const period = record.reconciliationId ? byId.get(record.reconciliationId) : undefined;
    if (record.reconciliationId && !period) {
      throw new Error(`payout ${record.id} belongs to a reconciliation that was not passed in`);
    }
    (period ?? open).records.push(record);
  }
  return [...periods, open]
    .filter((p) => p.records.length > 0)
    .map((p) => ({ ...p, records: withRunningTotals(p.records) }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function withRunningTotals(records: readonly PrintRecord[]): PrintRecord[] {
  let total = 0;
  return [...records]
    .sort(
      (a, b) =>
        compare(String(a.values.payoutDate ?? ''), String(b.values.payoutDate ?? '')) ||
        compare(a.createdAt, b.createdAt),
    )
    .map((record) => {
      if (record.voidedAt !== null) {
        return { ...record, values: { ...record.values, [RUNNING_TOTAL]: null } };
      }
      total += Number(record.values.amount ?? 0);
      return { ...record, values: { ...record.values, [RUNNING_TOTAL]: total } };
    });
}

function leftOutText(leftOut: number, words: HeadingWords): string {
  const running = registers.payouts.fields.find((f) => f.key === RUNNING_TOTAL)!;
  const payouts = leftOut === 1 ? '1 utbetalning' : `${leftOut} utbetalningar`;
  return (
    `Urval: summorna och ”${fieldHeading(running, words)}” är räknade över de utskrivna ` +
    `raderna. ${payouts} i samma perioder ingår inte i urvalet och är inte medräknade.`
  );
}

function reconciliationText(r: Reconciliation): string {
  const note = r.note.trim() ? ` Anteckning: ${r.note.trim()}` : '';
  return (
    `Avstämning ${r.reconciledOn} med ${r.financeContact}: ${r.payoutCount} utbetalningar, ` +
    `avstämt belopp ${formatAmount(r.totalOre)}, påfyllning ${formatAmount(r.refillOre)}. ` +
    `Registrerad av ${r.createdByName}.${note}`
  );
}
