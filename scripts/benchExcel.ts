// An Excel line of `npm run bench`: the workbook of 100 000 decisions, ours against exceljs's
// streaming writer writing the same cells (issue 9's target: at most twice its time). Run in
// a child process of its own (scripts/bench/child.ts): reading the workbook back for the
// baseline takes a gigabyte, which must not weigh on the other measurements. The export's
// peak memory is measured apart, in a process that does nothing else (bench/exportMemory.ts).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openUnitDatabase } from '../main/app/db/open';
import { writeRegisterWorkbook } from '../main/app/export';
import type { ExportRequest } from '../main/app/export';
import { interleavedRatio, timed } from './bench/lines';
import { BENCH_PASSPHRASE, benchActor, benchNow } from './bench/units';

const request: ExportRequest = { actor: benchActor, now: benchNow };
/** Rounds of ours and exceljs's, alternated: the ratio of their medians. */
const ROUNDS = 5;

/** A written sheet as exceljs reads it back: its setup, and its cells with their styles. */
interface SheetCells {
  name: string;
  properties: Pick<ExcelJS.Worksheet, 'views' | 'pageSetup' | 'headerFooter'>;
  autoFilter: ExcelJS.AutoFilter | undefined;
  widths: (number | undefined)[];
  rows: {
    number: number;
    height: number | undefined;
    values: ExcelJS.CellValue[];
    /** One object per style of the file, shared by its cells, as exceljs reads them. */
    styles: Partial<ExcelJS.Style>[];
  }[];
}

/**
 * Every sheet of a workbook, read back whole with exceljs (its streaming reader gave this
 * file's sheets without their styles and names, which exceljs writes after the sheets), kept
 * as plain arrays and the workbook let go: text as exceljs reads the export's inline strings
 * (rich text of one run), dates as Date, amounts as numbers.
 */
async function readCells(file: string): Promise<SheetCells[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((worksheet) => {
    const rows: SheetCells['rows'] = [];
    worksheet.eachRow((row, number) => {
      const values: ExcelJS.CellValue[] = [];
      const styles: Partial<ExcelJS.Style>[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        values[column - 1] = cell.value;
        styles[column - 1] = cell.style;
      });
      rows.push({ number, height: row.height, values, styles });
    });
    const { views, pageSetup, headerFooter } = worksheet;
    return {
      name: worksheet.name,
      properties: { views, pageSetup, headerFooter },
      autoFilter: worksheet.autoFilter,
      widths: worksheet.columns.map((column) => column.width),
      rows,
    };
  });
}

/** The text of the cells as plain strings (`t="str"`), not the export's inline rich text. */
function asPlainStrings(sheets: SheetCells[]): void {
  for (const { rows } of sheets) {
    for (const row of rows) {
      row.values = row.values.map((value) =>
        value && typeof value === 'object' && 'richText' in value
          ? value.richText.map((run) => run.text).join('')
          : value,
      );
    }
  }
}

/**
 * The baseline: exceljs's streaming writer alone, writing the cells given, sheet by sheet
 * and row by row, each row committed, as a program that had its cells already would. No
 * database, no records, no app logic: what is left is exceljs's own cost for these cells.
 */
async function writeDirectly(sheets: readonly SheetCells[], file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const { name, properties, autoFilter, widths, rows } of sheets) {
    const sheet = writer.addWorksheet(name, properties);
    sheet.columns = widths.map((width) => ({ width }));
    for (const { number, height, values, styles } of rows) {
      const row = sheet.getRow(number);
      for (let index = 0; index < values.length; index++) {
        const cell = row.getCell(index + 1);
        cell.value = values[index] ?? null;
        cell.style = styles[index] ?? {};
      }
      if (height) row.height = height;
      row.commit();
    }
    if (autoFilter) sheet.autoFilter = autoFilter;
    sheet.commit();
  }
  await writer.commit();
}

/**
 * Ours against exceljs alone, on the unit at `dbPath`: ours written once unmeasured (warm, as
 * an app's second export) into a reference file, whose cells are read back into memory
 * outside the timed part; then, alternately, ours (the whole export: reading the encrypted
 * database a page at a time through the list's query, building each row's cells, styles and
 * heights, writing) and exceljs's streaming writer writing those very cells, with the same
 * styles and number formats, each row committed. The baseline writes the text as plain
 * strings, as a program writing these cells with exceljs would by default: the stricter
 * comparison, since exceljs writes those faster than the export's inline strings of one run
 * (which keep line breaks in LibreOffice; see sheet.ts).
 */
export async function excelRatio(
  dbPath: string,
  dir: string,
): Promise<{ ratio: number; ours: number; exceljs: number }> {
  const dataSource = await openUnitDatabase(dbPath, BENCH_PASSPHRASE, { create: false });
  try {
    const reference = join(dir, 'reference.xlsx');
    await writeRegisterWorkbook(dataSource, request, reference);
    const cells = await readCells(reference);
    asPlainStrings(cells);
    const { ratio, measured, baseline } = await interleavedRatio(
      ROUNDS,
      () => timed(() => writeRegisterWorkbook(dataSource, request, join(dir, 'ours.xlsx'))),
      () => timed(() => writeDirectly(cells, join(dir, 'direct.xlsx'))),
    );
    return { ratio, ours: measured, exceljs: baseline };
  } finally {
    await dataSource.destroy();
  }
}
