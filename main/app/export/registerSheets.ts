import type { DataSource } from 'typeorm';
import { registers, type RegisterDefinition } from '../../../shared/registers';
import { printTitle } from '../../../shared/registers/print';
import type { RegisterListFilter } from '../../../shared/registers/schemas';
import { listReconciliations } from '../payouts/reconciliations';
import type { PrintRecord } from '../print/filledRegister';
import { loadPrintRecords } from '../print/loadRecords';
import { recordPages } from '../registers/recordPages';
import { emptyCell, kronorCell, textCell, type ExcelCell } from './cells';
import { countText, payoutPeriods } from './payoutPeriods';
import { registerColumns, type RecordColumn } from './registerColumns';
import { inDateRange, recordDate, type ExportScope } from './scope';
import type { SheetWriter } from './sheet';
import type { ExportWorkbook } from './workbook';

/**
 * One register as a sheet: every record of the selection, voided ones included and struck
 * through, in the order they were registered (the printed list's order), read and written
 * a page at a time.
 */
export async function writeRegisterSheet(
  workbook: ExportWorkbook,
  dataSource: DataSource,
  definition: RegisterDefinition,
  scope: ExportScope,
  now: Date,
): Promise<void> {
  const { filter } = scope;
  const listFilter: Partial<RegisterListFilter> = {
    outageId: filter.outageId,
    createdById: filter.createdById,
    voided: 'include',
    sort: 'createdAt',
    direction: 'asc',
  };
  if (definition.key === registers.payouts.key) {
    return writePayoutSheet(workbook, dataSource, listFilter, scope, now);
  }
  const columns = registerColumns(definition, { cardProvider: scope.cardProvider });
  const sheet = workbook.addSheet(
    printTitle(definition, { cardProvider: scope.cardProvider }),
    columns,
    { kind: 'register', register: definition.key },
    definition.title,
  );
  for await (const page of recordPages(dataSource, definition, listFilter, now)) {
    for (const record of page) {
      if (inDateRange(recordDate(definition, record), filter)) addRecord(sheet, columns, record);
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
 * Bilaga 5 as a sheet: the payouts in the account's order (by reconciliation period, then
 * payout date), each with the account's running total and its period, then the totals:
 * all payouts not voided, and each period's when there are several. A cash card account
 * holds some hundred payouts between reconciliations, so they are read whole and sorted.
 */
async function writePayoutSheet(
  workbook: ExportWorkbook,
  dataSource: DataSource,
  listFilter: Partial<RegisterListFilter>,
  scope: ExportScope,
  now: Date,
): Promise<void> {
  const definition = registers.payouts;
  const periods = payoutPeriods(await listReconciliations(dataSource));
  const records = (await loadPrintRecords(dataSource, definition, listFilter, now))
    .filter((record) => inDateRange(recordDate(definition, record), scope.filter))
    .sort(periods.compare);
  const columns = registerColumns(definition, { cardProvider: scope.cardProvider }, periods.name);
  const sheet = workbook.addSheet(
    printTitle(definition, { cardProvider: scope.cardProvider }),
    columns,
    { kind: 'register', register: definition.key },
    definition.title,
  );
  for (const record of records) addRecord(sheet, columns, record);

  const sumRow = (label: string, list: readonly PrintRecord[]): ExcelCell[] => {
    const live = list.filter((r) => r.voidedAt === null);
    return columns.map((column, index) => {
      if (index === 0)
        return textCell(`${label}: ${countText(live.length, list.length - live.length)}`);
      if (!column.summed) return emptyCell;
      return kronorCell(live.reduce((sum, r) => sum + Number(r.values[column.summed!] ?? 0), 0));
    });
  };
  const byPeriod = periods.names
    .map((name, index) => ({
      name,
      records: records.filter((record) => periods.indexOf(record) === index),
    }))
    .filter((period) => period.records.length > 0);
  sheet.addTotals(
    records.length === 0
      ? [[textCell('Inga poster.')]]
      : [
          sumRow('Totalt', records),
          ...(byPeriod.length > 1 ? byPeriod.map((p) => sumRow(p.name, p.records)) : []),
        ],
  );
  sheet.finish();
}
