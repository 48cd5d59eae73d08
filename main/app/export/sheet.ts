import type ExcelJS from 'exceljs';
import type { ExcelCell } from './cells';
import { rowHeight, wrappedLines } from './widths';

/** One column of a sheet: its heading and width; long text wraps. */
export interface SheetColumn {
  header: string;
  width: number;
  wrap?: boolean;
  /**
   * A box to tick by hand or in Excel: an empty, bordered cell that takes only "Ja" from
   * a drop-down list (a data validation, which Excel and LibreOffice both keep).
   */
  tick?: boolean;
}

/** The value a tick column takes. */
export const TICKED = 'Ja';

const grey = { argb: 'FFBFBFBF' };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: grey },
  left: { style: 'thin', color: grey },
  bottom: { style: 'thin', color: grey },
  right: { style: 'thin', color: grey },
};

const headerFill: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7E6E6' },
};

type Variant = 'plain' | 'struck' | 'alert' | 'total' | 'header';

const fonts: Record<Variant, Partial<ExcelJS.Font> | undefined> = {
  plain: undefined,
  // Crossed out as on paper, and greyed, so a voided row never reads as a live one.
  struck: { strike: true, color: { argb: 'FF595959' } },
  alert: { bold: true, color: { argb: 'FFC00000' } },
  total: { bold: true },
  header: { bold: true },
};

/** exceljs's streaming worksheet, with what its typings leave out. */
type StreamSheet = ExcelJS.Worksheet & {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/**
 * One table on one sheet of a streaming workbook: the heading row (bold, wrapped, frozen,
 * with the filter's buttons), then rows written and committed one by one so none stays in
 * memory, then totals below the filtered range. `finish` commits the sheet.
 */
export class SheetWriter {
  private dataRows = 0;
  private rowNumber = 1;
  private tableClosed = false;
  /** Per column, per kind of row, per number format: one style object each. */
  private readonly styles: Map<Variant, Map<string, Partial<ExcelJS.Style>>>[] = [];

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly columns: readonly SheetColumn[],
    private readonly onFinish: (rows: number, filter: string) => void = () => {},
  ) {
    sheet.columns = columns.map((column) => ({ width: column.width }));
    this.write(
      columns.map((column) => ({ value: column.header })),
      'header',
    );
  }

  /** The heading and the rows: the filter's range ("A1:N7"). */
  get filterRange(): string {
    return `A1:${columnLetter(this.columns.length)}${1 + this.dataRows}`;
  }

  /** Rows written below the heading, totals not counted. */
  get rows(): number {
    return this.dataRows;
  }

  /** One row of the table; a voided record's row is struck through. */
  add(cells: readonly ExcelCell[], options: { struck?: boolean } = {}): void {
    this.write(cells, options.struck ? 'struck' : 'plain');
    this.dataRows += 1;
  }

  /**
   * Rows that sum up the table, bold, after an empty row: outside the filter's range, so
   * sorting and filtering leave them where they are.
   */
  addTotals(rows: readonly (readonly ExcelCell[])[]): void {
    if (rows.length === 0) return;
    this.closeTable();
    this.rowNumber += 1;
    for (const cells of rows) this.write(cells, 'total');
  }

  /** The filter over the heading and the rows, the tick boxes' list; commits the sheet. */
  finish(): number {
    this.closeTable();
    (this.sheet as StreamSheet).commit();
    this.onFinish(this.dataRows, this.filterRange);
    return this.dataRows;
  }

  private closeTable(): void {
    if (this.tableClosed) return;
    this.tableClosed = true;
    const lastRow = 1 + this.dataRows;
    this.sheet.autoFilter = this.filterRange;
    this.columns.forEach((column, index) => {
      if (!column.tick || this.dataRows === 0) return;
      const letter = columnLetter(index + 1);
      (this.sheet as StreamSheet).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${TICKED}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column.header,
        error: `Välj ${TICKED} i listan när posten är införd, eller lämna rutan tom.`,
      });
    });
  }

  private write(cells: readonly ExcelCell[], variant: Variant): void {
    const row = this.sheet.getRow(this.rowNumber);
    let lines = 1;
    for (let index = 0; index < this.columns.length; index++) {
      const column = this.columns[index]!;
      const cell = cells[index];
      const target = row.getCell(index + 1);
      target.value = inline(cell?.value ?? null);
      const alert = cell?.alert && variant === 'plain';
      target.style = this.style(index, cell?.numFmt, alert ? 'alert' : variant);
      const wraps = variant === 'header' || (column.wrap && variant !== 'total');
      if (wraps && typeof cell?.value === 'string') {
        lines = Math.max(lines, wrappedLines(cell.value, column.width));
      }
    }
    const height = rowHeight(lines);
    if (height) row.height = height;
    row.commit();
    this.rowNumber += 1;
  }

  /** One style object per kind of cell, shared by every cell of that kind. */
  private style(
    columnIndex: number,
    numFmt: string | undefined,
    variant: Variant,
  ): Partial<ExcelJS.Style> {
    // Looked up by column, kind and format without building a key: asked for every cell
    // (a key string built per cell was a tenth of the export's own time at 100 000 rows).
    const byVariant = (this.styles[columnIndex] ??= new Map());
    let byFormat = byVariant.get(variant);
    if (!byFormat) byVariant.set(variant, (byFormat = new Map()));
    const key = numFmt ?? '';
    let style = byFormat.get(key);
    if (!style) {
      const column = this.columns[columnIndex]!;
      const header = variant === 'header';
      const font = fonts[variant];
      style = {
        ...(numFmt ? { numFmt } : {}),
        ...(font ? { font } : {}),
        alignment: {
          vertical: header ? 'bottom' : 'top',
          ...(header || (column.wrap && variant !== 'total') ? { wrapText: true } : {}),
          ...(column.tick && !header ? { horizontal: 'center' as const } : {}),
        },
        ...(variant === 'total' ? {} : { border: thin }),
        ...(header ? { fill: headerFill } : {}),
      };
      byFormat.set(key, style);
    }
    return style;
  }
}

/**
 * Text as an inline string of one run, without a font of its own (the cell's applies):
 * exceljs writes a plain string as a formula's result (`t="str"`), whose line breaks
 * LibreOffice drops when the text is short; an inline string keeps them, and its spaces.
 */
function inline(value: ExcelCell['value']): ExcelJS.CellValue {
  return typeof value === 'string' ? { richText: [{ text: value }] } : value;
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
