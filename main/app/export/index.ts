/**
 * Excel export, with exceljs's streaming writer: the registers as a workbook
 * (`writeRegisterWorkbook`) and the worklist for later entry (`writeEntryWorklist`). Both
 * take the data source, who asks and which records (`ExportRequest`), and a file path or a
 * stream, and return what they wrote (`ExportSummary`) for the audit log. No Electron here:
 * the channel chooses the file (the save dialog) and audits.
 */
export { writeRegisterWorkbook } from './registerWorkbook';
export { writeEntryWorklist } from './entryWorklist';
export type { ExportActor, ExportRequest } from './scope';
export type { ExportProgress, ExportSummary, SheetSummary, WorkbookOutput } from './workbook';
