import type { RegisterDefinition } from '../../../shared/registers';
import { entryText } from '../../../shared/registers/entryState';
import {
  recordHeadings,
  registerColumns,
  type HeadingWords,
  type RegisterColumn,
} from '../../../shared/registers/headings';
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
 * A register's columns in Excel. First the list's own, as on screen and in the filled
 * register, heading for heading and in their order (`registerColumns`: the client, the
 * paper's reference, every field, the deadline, the entry column); then what the app knows
 * about each record in columns of their own, to sort and filter on (`recordHeadings`): the
 * entry status in one word, who entered it and when, who registered it and when, who
 * transcribed it from paper, and why it was voided. Payouts get their reconciliation
 * period beside them.
 */
export function recordSheetColumns(
  definition: RegisterDefinition,
  words: HeadingWords,
  period?: (record: PrintRecord) => string,
): RecordColumn[] {
  const columns = registerColumns(definition, words).map(sheetColumn);
  if (period) {
    columns.push(
      column(recordHeadings.period, { text: 30 }, (r) => textCell(period(r)), { wrap: true }),
    );
  }
  columns.push(
    column(recordHeadings.entryState, 'status', statusCell),
    column(recordHeadings.enteredOn, 'date', enteredOnCell),
    column(recordHeadings.enteredBy, 'name', enteredByCell),
    column(recordHeadings.createdBy, 'name', (r) => textCell(r.createdByName)),
    column(recordHeadings.createdAt, 'dateTime', (r) => dateTimeCell(r.createdAt)),
    column(recordHeadings.transcribedBy, 'name', transcribedByCell),
    column(recordHeadings.voided, { text: 30 }, voidedCell, { wrap: true }),
  );
  return columns;
}

/** One of the list's columns in Excel: dates as dates, amounts as kronor, the rest as text. */
function sheetColumn(registerColumn: RegisterColumn): RecordColumn {
  const header = registerColumn.heading;
  if (registerColumn.kind === 'field') {
    const { field } = registerColumn;
    const content = fieldContent(field);
    return column(header, content, (r) => fieldCell(field, r.values[field.key]), {
      wrap: content === 'longText' || (typeof content === 'object' && content.text >= 20),
      summed: field.kind === 'amount' && !field.computed ? field.key : undefined,
    });
  }
  switch (registerColumn.column) {
    case 'clientName':
      return column(header, 'name', (r) => textCell(r.clientName));
    case 'personnummer':
      return column(header, 'personnummer', (r) => personnummerCell(r.personnummer));
    case 'clientIdentity':
      // Bilaga 5's one column for both is a blank form's; lists have the two.
      throw new Error('a register list has no clientIdentity column');
    case 'reference':
      return column(header, 'reference', (r) => textCell(r.paperReference));
    case 'deadline':
      return column(header, 'date', deadlineCell);
    case 'entry':
      // As on paper: "Införd 2026-11-24 KH", "Makulerad 2026-11-25: Fel person".
      return column(header, { text: 30 }, (r) => textCell(entryText(r)), { wrap: true });
  }
}
