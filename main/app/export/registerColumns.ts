import type { RegisterDefinition } from '../../../shared/registers';
import {
  commonColumnLabels,
  printLabel,
  recordColumnLabels,
  type PrintWords,
} from '../../../shared/registers/print';
import type { PrintRecord } from '../print/filledRegister';
import { dateTimeCell, fieldCell, personnummerCell, textCell, type ExcelCell } from './cells';
import {
  deadlineCell,
  enteredByCell,
  enteredOnCell,
  statusCell,
  transcribedByCell,
  voidedCell,
} from './recordCells';
import type { SheetColumn } from './sheet';
import { columnWidth, fieldContent, type ColumnContent } from './widths';

/** A column of a register's sheet: its heading and width, and each record's cell. */
export interface RecordColumn extends SheetColumn {
  cell(record: PrintRecord): ExcelCell;
  /** An amount summed in the totals row (the running total is a sum of sums: not summed). */
  summed?: string;
}

const column = (
  header: string,
  content: ColumnContent,
  cell: (record: PrintRecord) => ExcelCell,
  extra: Partial<RecordColumn> = {},
): RecordColumn => ({ header, width: columnWidth(header, content), cell, ...extra });

/**
 * A register's columns in Excel: the filled register's on paper (the paper reference, the
 * client, every field of the form under its printed heading), then what the app knows
 * about each record: its entry status, who entered it and when, the deadline, who
 * registered it and when, and whether and why it was voided. Payouts get their
 * reconciliation period beside the running total.
 */
export function registerColumns(
  definition: RegisterDefinition,
  words: PrintWords,
  period?: (record: PrintRecord) => string,
): RecordColumn[] {
  const fields = definition.fields.filter((f) => !f.onlyWhenAsked);
  const columns: RecordColumn[] = [
    column(recordColumnLabels.reference, 'reference', (r) => textCell(r.paperReference)),
    column(commonColumnLabels.clientName, 'name', (r) => textCell(r.clientName)),
    column(commonColumnLabels.personnummer, 'personnummer', (r) =>
      personnummerCell(r.personnummer),
    ),
    ...fields.map((field) => {
      const content = fieldContent(field);
      return column(
        printLabel(field, words),
        content,
        (r) => fieldCell(field, r.values[field.key]),
        {
          wrap: content === 'longText' || (typeof content === 'object' && content.text >= 20),
          summed: field.kind === 'amount' && !field.computed ? field.key : undefined,
        },
      );
    }),
  ];
  if (period)
    columns.push(
      column(recordColumnLabels.period, { text: 30 }, (r) => textCell(period(r)), { wrap: true }),
    );
  columns.push(
    column(recordColumnLabels.status, 'status', statusCell),
    column(recordColumnLabels.enteredOn, 'date', enteredOnCell),
    column(recordColumnLabels.enteredBy, 'name', enteredByCell),
  );
  if (definition.hasDeadline) {
    columns.push(column(recordColumnLabels.deadline, 'date', deadlineCell));
  }
  columns.push(
    column(recordColumnLabels.createdBy, 'name', (r) => textCell(r.createdByName)),
    column(recordColumnLabels.createdAt, 'dateTime', (r) => dateTimeCell(r.createdAt)),
    column(recordColumnLabels.transcribedBy, 'name', transcribedByCell),
    column(recordColumnLabels.voided, { text: 30 }, voidedCell, { wrap: true }),
  );
  return columns;
}
