import type { DataSource } from 'typeorm';
import type { DescribeContext } from '../../../shared/audit/describe';
import { AUDIT_LOG_TITLE, changeLines } from '../../../shared/audit/describe';
import type { AuditFilter } from '../../../shared/audit/entry';
import { countAudit, describedAuditPage } from '../audit/describedAudit';
import { writeAbout } from './aboutSheet';
import { dateTimeCell, textCell } from './cells';
import type { PageContext } from './pageText';
import type { SheetColumn } from './sheet';
import { columnWidth } from './widths';
import {
  ROWS_PER_DRAIN,
  writeWorkbook,
  type ExportProgress,
  type ExportSummary,
  type WorkbookOutput,
} from './workbook';

export interface AuditWorkbookRequest {
  filter: AuditFilter;
  /** The filters in words, for the page header and the sheet about the export. */
  selection: string;
  context: DescribeContext;
  page: PageContext;
  onProgress?: ExportProgress;
}

const headers = {
  when: 'Tidpunkt',
  actor: 'Vem',
  event: 'Händelse',
  subject: 'Post',
  client: 'Klient',
  changes: 'Vad som ändrades',
} as const;

const columns: SheetColumn[] = [
  { header: headers.when, width: columnWidth(headers.when, 'dateTime') },
  { header: headers.actor, width: columnWidth(headers.actor, 'name') },
  { header: headers.event, width: columnWidth(headers.event, { text: 34 }), wrap: true },
  { header: headers.subject, width: columnWidth(headers.subject, { text: 30 }), wrap: true },
  { header: headers.client, width: columnWidth(headers.client, 'name'), wrap: true },
  { header: headers.changes, width: 60, wrap: true },
];

/**
 * The filtered Händelselogg as a workbook: one sheet, newest first, a row per entry with
 * its time as an Excel date and time (office time), the changes one per line; then the
 * sheet about the export. Read a page at a time (by keyset, not offset), written as read.
 */
export async function writeAuditWorkbook(
  dataSource: DataSource,
  request: AuditWorkbookRequest,
  output: WorkbookOutput,
): Promise<ExportSummary> {
  const total = await countAudit(dataSource, request.filter);
  const progress = { total, onProgress: request.onProgress };
  return writeWorkbook(output, request.page, progress, async (workbook) => {
    const sheet = workbook.addSheet(AUDIT_LOG_TITLE, columns, { kind: 'auditLog' });
    let after: { at: string; id: number } | undefined;
    for (;;) {
      const entries = await describedAuditPage(
        dataSource,
        request.filter,
        { limit: ROWS_PER_DRAIN, after },
        request.context,
      );
      for (const entry of entries) {
        sheet.add([
          dateTimeCell(entry.at),
          textCell(entry.actor),
          textCell(entry.event),
          textCell(entry.subject),
          textCell(entry.client),
          textCell(changeLines(entry).join('\n')),
        ]);
      }
      await workbook.drain();
      const last = entries.at(-1);
      if (!last || entries.length < ROWS_PER_DRAIN) break;
      after = { at: last.at, id: last.id };
    }
    if (sheet.rows === 0) sheet.addTotals([[textCell('Inga händelser i urvalet.')]]);
    sheet.finish();
    writeAbout(workbook, {
      title: AUDIT_LOG_TITLE,
      selection: request.selection,
      context: request.page,
      note:
        'Filen innehåller personuppgifter och är inte krypterad. Spara den på ett krypterat ' +
        'USB-minne eller i H-katalogen, och radera den när den inte längre behövs.',
    });
  });
}
