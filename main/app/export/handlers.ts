import type { AuditAction } from '../../../shared/audit/actions';
import { rm } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import type { Output } from '../../../shared/contract';
import { xlsxFileName, type ExportFilter, type ExportKind } from '../../../shared/exports';
import { localDate } from '../../../shared/time';
import { recordAudit, type AuditEvent } from '../audit/auditLog';
import { askSavePath } from '../desktop';
import type { HandlersOf } from '../handler';
import { requireActor, type HandlerContext } from '../state';
import { writeEntryWorklist } from './entryWorklist';
import { writeRegisterWorkbook } from './registerWorkbook';
import { resolveScope, type ExportRequest } from './scope';
import type { ExportSummary, WorkbookOutput } from './workbook';

type Writer = (
  dataSource: DataSource,
  request: ExportRequest,
  output: WorkbookOutput,
) => Promise<ExportSummary>;

/** Each export's audit action and writer. */
const exportKinds: Record<ExportKind, { action: AuditAction; write: Writer; task: string }> = {
  registers: {
    action: 'export.registerWorkbook',
    write: writeRegisterWorkbook,
    task: 'Skriver registren till Excel',
  },
  worklist: {
    action: 'export.entryWorklist',
    write: writeEntryWorklist,
    task: 'Skriver arbetslistan till Excel',
  },
};

type Saved = Output<'export.registerWorkbook'>;

/**
 * An export saved where the person chooses: the selection checked first (an outage that
 * is gone says so before any dialog), then the save dialog, then the workbook written
 * there (whole or not at all, see workbook.ts) and audited once: the selection by its ids
 * and dates, each sheet's rows, and the path, for IT to see where a copy of the unit's
 * records went. A cancelled dialog writes and audits nothing; a file that cannot be
 * written answers WRITE_FAILED and audits nothing.
 */
async function saveExport(
  kind: ExportKind,
  filter: ExportFilter,
  context: HandlerContext,
): Promise<Saved> {
  const actor = requireActor(context);
  const { now, state } = context;
  const dataSource = state.db();
  const request: ExportRequest = { actor, filter, now };
  await resolveScope(dataSource, request);
  const path = await askSavePath(state.desktop, {
    suggestedName: xlsxFileName(kind, localDate(now)),
    title: 'Spara Excel-fil',
    fileType: 'xlsx',
  });
  if (path === null) return { savedAs: null, sheets: [], rows: 0 };
  const { action, write, task } = exportKinds[kind];
  // Rows written so far, for the progress bar (progress.current, asked beside this call).
  const summary = await state.progress.run(task, (report) =>
    write(dataSource, { ...request, onProgress: report }, path),
  );
  const sheets = summary.sheets.map(({ name, rows }) => ({ name, rows }));
  await auditWrittenFile(dataSource, path, {
    actor,
    at: now,
    action,
    entity: 'export',
    entityId: null,
    after: {
      filter: {
        outageId: filter.outageId,
        createdById: filter.createdById,
        from: filter.from,
        to: filter.to,
      },
      sheets,
      rows: summary.rows,
      path,
    },
  });
  return { savedAs: path, sheets, rows: summary.rows };
}

/**
 * Audits a file written with the unit's records; a file the log could not record is
 * removed: a copy of the unit's records that the log does not know of must not stay behind.
 */
export async function auditWrittenFile(
  dataSource: DataSource,
  path: string,
  event: AuditEvent,
): Promise<void> {
  try {
    await dataSource.transaction((manager) => recordAudit(manager, event));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

export const exportHandlers: HandlersOf<'export'> = {
  'export.registerWorkbook': (filter, context) => saveExport('registers', filter, context),
  'export.entryWorklist': (filter, context) => saveExport('worklist', filter, context),
};
