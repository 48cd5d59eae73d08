import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/result';
import { chooseAnotherPlace } from '../desktop';
import { headerFooter, type PageContext } from './pageText';
import { SheetWriter, type SheetColumn } from './sheet';
import { SheetNames } from './sheetNames';

/**
 * Opens a workbook, lets `write` fill it and closes it; if anything fails on the way, a
 * file's partial workbook is removed before the error goes on.
 */
export async function writeWorkbook(
  output: WorkbookOutput,
  context: PageContext,
  progress: Progress,
  write: (workbook: ExportWorkbook) => Promise<void>,
): Promise<ExportSummary> {
  const workbook = await ExportWorkbook.open(output, context, progress);
  try {
    await write(workbook);
  } catch (error) {
    await workbook.discard();
    throw error;
  }
  return workbook.close();
}

/** Rows between two reports of progress on a sheet written from records held in memory. */
export const ROWS_PER_DRAIN = 500;

/** Where a workbook goes: a file path (written beside it, then renamed) or a stream. */
export type WorkbookOutput = string | Writable;

/**
 * Told after each page of rows is committed: the rows written so far, of how many (null
 * when the count is not known beforehand, as with a date range). Last, when the workbook
 * is complete, with `done` as the total.
 */
export type ExportProgress = (done: number, total: number | null) => void;

export interface Progress {
  total: number | null;
  onProgress?: ExportProgress;
}

/** One sheet of a written workbook, for the audit log: what it holds and how many rows. */
export interface SheetSummary {
  name: string;
  /** A register, Bilaga 1 or 2, one person's worklist, or the sheet about the export. */
  content:
    | { kind: 'register'; register: string }
    | { kind: 'custodians' | 'usbReceipts' | 'about' | 'auditLog' }
    | { kind: 'person'; personId: string };
  rows: number;
}

export interface ExportSummary {
  sheets: SheetSummary[];
  /** The rows of every sheet but the one about the export. */
  rows: number;
}

/**
 * A workbook written with exceljs's streaming writer: one sheet at a time, each row
 * committed as it is written, so memory stays flat however long the registers are. A
 * file is written next to its name (".part") and renamed only once complete: a failed
 * export leaves no half workbook under the chosen name, and nothing behind at all.
 */
export class ExportWorkbook {
  readonly names = new SheetNames();
  readonly sheets: SheetSummary[] = [];
  private current: SheetWriter | null = null;
  /** Where the current sheet's XML waits for the zip (`drain` waits for it to go down). */
  private zipInput: ZipInput | null = null;
  private failure: Error | null = null;
  private readonly filters: DefinedName[] = [];
  private readonly failed: Promise<never>;
  /** Rows of the sheets finished so far (the sheet about the export not counted). */
  private finishedRows = 0;

  private constructor(
    private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly target: Writable,
    private readonly file: { path: string; part: string } | null,
    readonly context: PageContext,
    private readonly progress: Progress,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      // Without a listener, a write error (a full USB stick) would crash the process.
      target.on('error', (error: Error) => {
        this.failure ??= error;
        reject(error);
      });
    });
    this.failed.catch(() => {});
  }

  static async open(
    output: WorkbookOutput,
    context: PageContext,
    progress: Progress,
  ): Promise<ExportWorkbook> {
    let target: Writable;
    let file: { path: string; part: string } | null = null;
    if (typeof output === 'string') {
      file = { path: output, part: `${output}.part` };
      // Readable by its owner only, where the file system knows owners: it holds personal data.
      // Flushed to the disk before it is closed: a USB stick pulled out right after
      // "saved" must hold the whole workbook.
      const stream = createWriteStream(file.part, { mode: 0o600, flush: true });
      try {
        await once(stream, 'open');
      } catch (error) {
        throw fileError(error);
      }
      target = stream;
    } else {
      target = output;
    }
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: target,
      useStyles: true,
      // Shared strings would keep every text in memory until the end.
      useSharedStrings: false,
    });
    writer.creator = 'Reservpärm';
    writer.lastModifiedBy = context.exportedBy;
    writer.created = context.exportedAt;
    writer.modified = context.exportedAt;
    return new ExportWorkbook(writer, target, file, context, progress);
  }

  /** A new sheet, once the one before it is finished (sheets stream one after another). */
  addSheet(
    title: string,
    columns: readonly SheetColumn[],
    content: SheetSummary['content'],
    sheetTitle = title,
  ): SheetWriter {
    if (this.failure) throw fileError(this.failure);
    if (this.current) throw new Error('finish the sheet before starting the next');
    const name = this.names.add(sheetTitle);
    const sheet = this.writer.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: headerFooter(title, this.context),
    });
    this.zipInput = zipInputOf(sheet);
    const summary: SheetSummary = { name, content, rows: 0 };
    this.sheets.push(summary);
    const index = this.sheets.length - 1;
    this.current = new SheetWriter(sheet, columns, (rows, filter) => {
      summary.rows = rows;
      if (content.kind !== 'about') this.finishedRows += rows;
      this.filters.push(filterDatabase(index, name, filter));
      this.current = null;
      this.zipInput = null;
    });
    return this.current;
  }

  /**
   * After a page of rows: says how far the export has come, and gives the zip and the disk
   * a moment to take what was written; when the zip lags behind, waits until it has taken
   * all of the sheet's XML so far, so that memory stays flat.
   */
  async drain(): Promise<void> {
    if (this.failure) throw fileError(this.failure);
    this.progress.onProgress?.(this.finishedRows + (this.current?.rows ?? 0), this.progress.total);
    await new Promise((resolve) => setImmediate(resolve));
    if (this.zipInput && this.zipBacklog > MAX_ZIP_BACKLOG) {
      try {
        await Promise.race([once(this.zipInput, 'drain'), this.failed]);
      } catch (error) {
        throw fileError(error);
      }
    }
  }

  /** How much of the current sheet's XML, in bytes, waits for the zip. */
  get zipBacklog(): number {
    return this.zipInput?._writableState.length ?? 0;
  }

  /** Writes the end of the workbook and, for a file, puts it under its name. */
  async close(): Promise<ExportSummary> {
    if (this.current) throw new Error('finish the last sheet before closing the workbook');
    try {
      withDefinedNames(this.writer, this.filters);
      await Promise.race([this.writer.commit(), this.failed]);
      if (this.file) {
        // Renamed once closed (and so flushed): Windows renames no open file.
        if (!this.target.closed) await Promise.race([once(this.target, 'close'), this.failed]);
        await rename(this.file.part, this.file.path);
      }
    } catch (error) {
      await this.discard();
      throw fileError(error);
    }
    this.progress.onProgress?.(this.finishedRows, this.finishedRows);
    return { sheets: this.sheets, rows: this.finishedRows };
  }

  /** After a failure: a file's partial workbook is removed; a stream is the caller's. */
  async discard(): Promise<void> {
    if (!this.file) return;
    this.target.destroy();
    await rm(this.file.part, { force: true });
  }
}

/** The most of a sheet's XML, in bytes, that may wait for the zip after a page of rows. */
export const MAX_ZIP_BACKLOG = 1024 * 1024;

/** A writable stream of the readable-stream package (2.x) that archiver uses. */
type ZipInput = NodeJS.EventEmitter & { _writableState: { length: number } };

/**
 * The stream through which a sheet's XML goes into the zip. exceljs (4.4.0) has no
 * backpressure (exceljs #734): its sheet's buffer writes each 64 KiB on into archiver's
 * PassThrough whatever `write` says, and deflate takes about one such chunk per turn of the
 * event loop, so while rows were written the sheet's XML piled up there, all of it: some
 * 80 MiB at 100 000 decisions. Taken from exceljs's sheet (its buffer's `pipes`) and
 * archiver's stream (its writable state's `length`); null when they are not there (another
 * version), and then nothing waits.
 */
function zipInputOf(sheet: ExcelJS.Worksheet): ZipInput | null {
  const buffer = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const input = buffer?.pipes?.length === 1 ? (buffer.pipes[0] as Partial<ZipInput>) : null;
  return typeof input?.once === 'function' && typeof input._writableState?.length === 'number'
    ? (input as ZipInput)
    : null;
}

/** A workbook-level name as exceljs writes it: `localSheetId` makes it the sheet's own. */
interface DefinedName {
  name: string;
  localSheetId: number;
  ranges: string[];
}

/**
 * The name Excel gives a sheet's filtered range. Excel does without it, but LibreOffice
 * finds a sheet's filter only through it: without it, the filter buttons are lost there.
 */
function filterDatabase(localSheetId: number, sheetName: string, range: string): DefinedName {
  const [from, to] = range.split(':').map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
  return {
    name: '_xlnm._FilterDatabase',
    localSheetId,
    ranges: [`'${sheetName.replaceAll("'", "''")}'!${from}:${to}`],
  };
}

/**
 * exceljs (4.4.0) keeps a workbook's names cell by cell, without a sheet of their own: the
 * sheets' filter names are handed to its workbook part as the names' model instead.
 */
function withDefinedNames(writer: ExcelJS.stream.xlsx.WorkbookWriter, names: DefinedName[]) {
  const internals = writer as unknown as { _definedNames: { model: DefinedName[] } };
  const own = internals._definedNames.model;
  internals._definedNames = { model: [...own, ...names] };
}

/**
 * A file that cannot be written (the file system's error, with its code), said so that the
 * person can do something about it: mostly, choose another place. Anything else goes on as
 * it is.
 */
function fileError(error: unknown): Error {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const messages: Record<string, string> = {
    EACCES: 'Du saknar behörighet att spara i den mappen. Välj en annan mapp.',
    EPERM: 'Filen kunde inte sparas. Är den öppen i Excel? Stäng den, eller välj ett annat namn.',
    EBUSY: 'Filen är öppen i ett annat program. Stäng den, eller välj ett annat namn.',
    ENOSPC: 'Det finns inte plats för filen. Välj ett annat USB-minne eller en annan mapp.',
    ENOENT: 'Mappen finns inte längre. Välj en annan mapp.',
    EROFS: 'Mappen är skrivskyddad. Välj en annan mapp.',
  };
  const message = messages[code] ?? `Det gick inte att skriva filen där. ${chooseAnotherPlace}`;
  return new AppError('WRITE_FAILED', `Excel-filen sparades inte. ${message}`);
}
