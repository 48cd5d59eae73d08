import { scanWithSmallCache } from '../db/keying';
import { connectionOf } from '../db/open';
import type { DataSource } from 'typeorm';
import { registerKeys, registers } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import { writeAboutSheet } from './aboutSheet';
import { countSheetRows, writeRegisterSheet } from './registerSheets';
import { resolveScope, type ExportRequest } from './scope';
import { loadUnitLists, unitListRows, writeUnitListSheets } from './unitLists';
import { writeWorkbook, type ExportSummary, type WorkbookOutput } from './workbook';

/**
 * The registers as one workbook ("Registerutdrag"): a sheet for every register the person
 * may read, with every record of the selection (an outage, dates, one person's), voided
 * ones struck through; Bilaga 1 and 2 when the person may read them and the workbook is
 * not one person's; last a sheet saying what it holds. Written as it is read, a page at a
 * time. Returns each sheet's rows, for the audit log.
 */
export async function writeRegisterWorkbook(
  dataSource: DataSource,
  request: ExportRequest,
  output: WorkbookOutput,
): Promise<ExportSummary> {
  const scope = await resolveScope(dataSource, request);
  const readable = registerKeys
    .map((key) => registers[key])
    .filter((definition) => mayRead(definition, request.actor.role));
  const lists = await loadUnitLists(dataSource, scope, request.actor.role, request.now);
  let total: number | null = unitListRows(lists);
  for (const definition of readable) {
    const rows = await countSheetRows(dataSource, definition, scope, request.now);
    total = rows === null || total === null ? null : total + rows;
  }
  const progress = { total, onProgress: request.onProgress };
  return scanWithSmallCache(connectionOf(dataSource), () =>
    writeWorkbook(output, scope.context, progress, async (workbook) => {
      for (const definition of readable) {
        await writeRegisterSheet(workbook, dataSource, definition, scope, request.now);
      }
      await writeUnitListSheets(workbook, lists);
      writeAboutSheet(workbook, 'registers', scope);
    }),
  );
}
