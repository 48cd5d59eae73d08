import type { DataSource } from 'typeorm';
import { registers, type RegisterDefinition } from '../../../shared/registers';
import { printTitle } from '../../../shared/registers/headings';
import type { RegisterListFilter } from '../../../shared/registers/schemas';
import { listReconciliations } from '../payouts/reconciliations';
import type { PrintRecord } from '../print/filledRegister';
import { loadPrintRecords, payoutsLeftOut } from '../print/loadRecords';
import { countText, leftOutText, liveSum, payoutPeriods } from '../print/payoutPeriods';
import { countRecords, recordPages } from '../registers/recordPages';
import { emptyCell, kronorCell, textCell, type ExcelCell } from './cells';
import { recordSheetColumns, type RecordColumn } from './recordColumns';
import { inDateRange, recordDate, type ExportScope } from './scope';
import type { SheetWriter } from './sheet';
import { ROWS_PER_DRAIN, type ExportWorkbook } from './workbook';

/**
 * What a register's sheet holds: every record of the selection, voided ones included, in
 * the order they were registered (the printed list's order).
 */
const sheetFilter = ({ filter }: ExportScope): Partial<RegisterListFilter> => ({
  outageId: filter.outageId,
  createdById: filter.createdById,
  voided: 'include',
  sort: 'createdAt',
  direction: 'asc',
});

/**
 * How many rows the register's sheet will have, when the list's count says so exactly:
 * not with a date range, which is applied to each record as it is read.
 */
export async function countSheetRows(
  dataSource: DataSource,
  definition: RegisterDefinition,
  scope: ExportScope,
  now: Date,
): Promise<number | null> {
  if (scope.filter.from || scope.filter.to) return null;
  return countRecords(dataSource, definition, sheetFilter(scope), now);
}

/**
 * One register as a sheet: every record of the selection, voided ones struck through, read
 * and written a page at a time.
 */
export async function writeRegisterSheet(
  workbook: ExportWorkbook,
  dataSource: DataSource,
  definition: RegisterDefinition,
  scope: ExportScope,
  now: Date,
): Promise<void> {
  if (definition.key === registers.payouts.key) {
    return writePayoutSheet(workbook, dataSource, scope, now);
  }
  const words = { cardProvider: scope.cardProvider };
  const columns = recordSheetColumns(definition, words);
  const sheet = workbook.addSheet(
    printTitle(definition, words),
    columns,
    { kind: 'register', register: definition.key },
    definition.title,
  );
  for await (const page of recordPages(dataSource, definition, sheetFilter(scope), now)) {
    for (const record of page) {
      if (inDateRange(recordDate(definition, record), scope.filter)) {
        addRecord(sheet, columns, record);
      }
    }
    await workbook.drain();
  }
  if (sheet.rows === 0) sheet.addTotals([[textCell('Inga poster.')]]);
  sheet.finish();
}

function addRecord(sheet: SheetWriter, columns: readonly RecordColumn[], record: PrintRecord) {
  sheet.add(
    columns.map((c) => c.cell(record)),
    { struck: record.voidedAt !== null },
  );
}

/**
 * Bilaga 5 as a sheet, as on paper (print/payoutPeriods.ts): the payouts by reconciliation
 * period, then payout date, each with the running total within its period and the period
 * beside it; below, the totals of all payouts not voided and, with several periods, each
 * period's. When the selection leaves payouts of these periods out, the sums are the
 * sheet's rows' and the last line says so. A cash card account holds some hundred payouts
 * between reconciliations, so they are read whole and sorted.
 */
async function writePayoutSheet(
  workbook: ExportWorkbook,
  dataSource: DataSource,
  scope: ExportScope,
  now: Date,
): Promise<void> {
  const definition = registers.payouts;
  const words = { cardProvider: scope.cardProvider };
  const records = (await loadPrintRecords(dataSource, definition, sheetFilter(scope), now)).filter(
    (record) => inDateRange(recordDate(definition, record), scope.filter),
  );
  const periods = payoutPeriods(records, await listReconciliations(dataSource));
  const leftOut = await payoutsLeftOut(dataSource, records);
  const periodOf = new Map(periods.flatMap((p) => p.records.map((r) => [r.id, p.heading])));
  const columns = recordSheetColumns(definition, words, (r) => periodOf.get(r.id) ?? '');
  const sheet = workbook.addSheet(
    printTitle(definition, words),
    columns,
    { kind: 'register', register: definition.key },
    definition.title,
  );
  for (const period of periods) {
    for (const record of period.records) {
      addRecord(sheet, columns, record);
      if (sheet.rows % ROWS_PER_DRAIN === 0) await workbook.drain();
    }
  }

  const shownRows = leftOut > 0 ? ', rader i bladet' : '';
  const sumRow = (label: string, list: readonly PrintRecord[]): ExcelCell[] =>
    columns.map((column, index) => {
      if (index === 0) return textCell(`${label}${shownRows}: ${countText(list)}`);
      if (!column.summed) return emptyCell;
      return kronorCell(liveSum(list, column.summed));
    });
  sheet.addTotals(
    records.length === 0
      ? [[textCell('Inga poster.')]]
      : [
          sumRow('Totalt', records),
          ...(periods.length > 1 ? periods.map((p) => sumRow(p.heading, p.records)) : []),
          ...(leftOut > 0 ? [[textCell(leftOutText(leftOut, words, 'raderna i bladet'))]] : []),
        ],
  );
  sheet.finish();
  await workbook.drain();
}
