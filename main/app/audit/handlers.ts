import { AUDIT_LOG_TITLE, auditFilterText } from '../../../shared/audit/describe';
import { MAX_AUDIT_PDF_ENTRIES, type AuditFilter } from '../../../shared/audit/entry';
import { asciiFileName, pdfFileName } from '../../../shared/printing';
import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import { askSavePath } from '../desktop';
import { writeAuditWorkbook } from '../export/auditWorkbook';
import { auditWrittenFile } from '../export/handlers';
import type { HandlersOf } from '../handler';
import { pageFrame, prepared } from '../print/handlers';
import { requireActor, type HandlerContext } from '../state';
import { getUnit } from '../unit/unitService';
import { verifyAuditLog } from './verifyAudit';
import {
  countAudit,
  describeContext,
  describedAuditPage,
  listDescribedAudit,
} from './describedAudit';

/** The filter as the audit entry of an export or print keeps it. */
const filterSnapshot = (filter: AuditFilter) => ({ ...filter });

/**
 * The filtered log as a PDF for the preview; audited as "print.auditLog" when it is
 * printed or saved (documents.*), as every printed list is. One PDF holds at most
 * MAX_AUDIT_PDF_ENTRIES entries: more is a job for the workbook.
 */
async function printAuditLog(filter: AuditFilter, context: HandlerContext) {
  const dataSource = context.state.db();
  const total = await countAudit(dataSource, filter);
  if (total > MAX_AUDIT_PDF_ENTRIES) {
    throw new AppError(
      'TOO_LARGE',
      `Urvalet har ${total.toLocaleString('sv-SE')} händelser; en PDF rymmer högst ` +
        `${MAX_AUDIT_PDF_ENTRIES.toLocaleString('sv-SE')}. ` +
        'Begränsa urvalet (datum, person, händelse) eller exportera till Excel.',
    );
  }
  const describe = await describeContext(dataSource);
  const entries = await describedAuditPage(
    dataSource,
    filter,
    { limit: MAX_AUDIT_PDF_ENTRIES },
    describe,
  );
  const subtitle = `Urval: ${auditFilterText(filter, describe)}`;
  const bytes = await context.state.pdf.build({
    kind: 'auditLog',
    options: { ...(await pageFrame(context)), subtitle, entries, total },
  });
  return prepared(context, {
    fileName: pdfFileName(AUDIT_LOG_TITLE, localDate(context.now)),
    bytes,
    audit: {
      action: 'print.auditLog',
      entity: 'print',
      entityId: 'auditLog',
      after: { filter: filterSnapshot(filter), rows: entries.length },
    },
  });
}

/**
 * The filtered log as a workbook where the person chooses (the save dialog), audited once
 * with the filter, the rows and the path; a cancelled dialog writes and audits nothing, and
 * a workbook the log could not record is removed (as the register exports do).
 */
async function exportAuditLog(filter: AuditFilter, context: HandlerContext) {
  const actor = requireActor(context);
  const { now, state } = context;
  const dataSource = state.db();
  const path = await askSavePath(state.desktop, {
    suggestedName: asciiFileName(AUDIT_LOG_TITLE, localDate(now), 'xlsx'),
    title: 'Spara Excel-fil',
    fileType: 'xlsx',
  });
  if (path === null) return { savedAs: null, sheets: [], rows: 0 };
  const describe = await describeContext(dataSource);
  const selection = auditFilterText(filter, describe);
  const unit = await getUnit(dataSource);
  const summary = await state.progress.run('Skriver händelseloggen till Excel', (report) =>
    writeAuditWorkbook(
      dataSource,
      {
        filter,
        selection: selection === 'alla' ? 'Alla händelser' : selection,
        context: describe,
        page: {
          unit: unit.name,
          scope: selection === 'alla' ? '' : selection,
          exportedBy: actor.fullName,
          exportedAt: now,
        },
        onProgress: report,
      },
      path,
    ),
  );
  const sheets = summary.sheets.map(({ name, rows }) => ({ name, rows }));
  await auditWrittenFile(dataSource, path, {
    actor,
    at: now,
    action: 'export.auditLog',
    entity: 'export',
    entityId: null,
    after: { filter: filterSnapshot(filter), sheets, rows: summary.rows, path },
  });
  return { savedAs: path, sheets, rows: summary.rows };
}

export const auditHandlers: HandlersOf<'audit'> = {
  'audit.list': ({ filter, offset, limit }, { state }) =>
    listDescribedAudit(state.db(), filter, offset, limit),
  'audit.print': printAuditLog,
  'audit.export': exportAuditLog,
  'audit.verify': (_input, context) =>
    verifyAuditLog(context.state.db(), requireActor(context), context.now),
};
