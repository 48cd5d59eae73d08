import type { DataSource } from 'typeorm';
import { mayReadRegister, registerKeys, registers } from '../../../shared/registers';
import { writeAboutSheet } from './aboutSheet';
import { writeRegisterSheet } from './registerSheets';
import { resolveScope, type ExportRequest } from './scope';
import { mayList, writeCustodianSheet, writeUsbReceiptSheet } from './unitLists';
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
  const { role } = request.actor;
  return writeWorkbook(output, scope.context, async (workbook) => {
    for (const key of registerKeys) {
      const definition = registers[key];
      if (!mayReadRegister(definition, role)) continue;
      await writeRegisterSheet(workbook, dataSource, definition, scope, request.now);
    }
    // The unit's lists are nobody's records: not in one person's workbook.
    if (!scope.filter.createdById) {
      if (mayList('custodians.list', role)) await writeCustodianSheet(workbook, dataSource);
      if (mayList('usbReceipts.list', role)) {
        await writeUsbReceiptSheet(workbook, dataSource, scope);
      }
    }
    writeAboutSheet(workbook, 'registers', scope);
  });
}
