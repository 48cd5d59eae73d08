import type { PDFImage } from 'pdf-lib';
import { barcodeWidth } from './barcode';
import { grey, headerFill, ink, rule, type FramedPage, type PrintDocument } from './document';
import { columnWidths, paginateRows } from './layout';

export interface TableColumn {
  header: string;
  /** Share of the table's width (see `columnWidths`). */
  weight: number;
  align?: 'left' | 'right';
  /** Text this column must hold on one line (a personnummer, a date). */
  keepWhole?: string;
  /** Small grey text under the heading: what to write (a blank form's field hint). */
  hint?: string;
}

export interface TableRow {
  cells: readonly string[];
  /** Voided: a line is drawn through the row, as through a crossed-out line on paper. */
  struck?: boolean;
  /** A totals or period row. */
  bold?: boolean;
  /** One cell across the whole width (a period's heading, a reconciliation). */
  span?: boolean;
  /** A pre-printed reference: its Code 128 barcode is drawn in the first column. */
  barcode?: PDFImage;
}

export interface TableStyle {
  size: number;
  /** Rows to write in by hand are at least this tall. */
  minRowHeight?: number;
}

const PAD_X = 3;
const MIN_HEADER_SIZE = 6.5;
const PAD_Y = 3;
const BARCODE_HEIGHT = 15;

/**
 * Draws a table from `start.top` down, across as many pages as it needs: `next` adds a
 * fresh framed page (with the document's heading; see `PrintDocument.continuation`) and
 * the header row is drawn again at its top. Returns the page and the y where the table ended.
 */
export function drawTable(
  print: PrintDocument,
  start: FramedPage,
  next: { room: number; add: () => FramedPage },
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  style: TableStyle,
): { page: FramedPage; y: number } {
  const size = style.size;
  const lineHeight = size * 1.25;
  const header = layoutHeader(print, columns, start.width, size);
  const { widths, textWidths, headerSize, headerLineHeight, headerLines } = header;
  const { hintSize, hintLineHeight, hintLines, headerHeight } = header;
  // A barcode takes the first lines of the first column; the reference's text follows it.
  const barcodeLines = Math.ceil((BARCODE_HEIGHT + 2) / lineHeight);
  const cellLines = rows.map((row) =>
    row.cells.map((cell, i) => {
      const width = row.span ? start.width - 2 * PAD_X : textWidths[i]!;
      const lines = print.wrap(cell, width, size, row.bold);
      return row.barcode && i === 0 ? [...Array<string>(barcodeLines).fill(''), ...lines] : lines;
    }),
  );
  const lineCounts = cellLines.map((cells) => Math.max(...cells.map((l) => l.length)));
  const slices = paginateRows({
    lineCounts,
    lineHeight,
    padding: PAD_Y,
    minRowHeight: style.minRowHeight,
    pageRoom: (index) => (index === 0 ? start.top - start.bottom : next.room) - headerHeight,
  });
  const pages = slices.map((_, index) => (index === 0 ? start : next.add()));

  let end = { page: start, y: start.top };
  slices.forEach((pageSlices, index) => {
    const frame = pages[index]!;
    const { page, left } = frame;
    const xs = widths.reduce<number[]>((acc, w) => [...acc, acc.at(-1)! + w], [left]);
    let y = frame.top;
    // Header row.
    page.drawRectangle({
      x: left,
      y: y - headerHeight,
      width: frame.width,
      height: headerHeight,
      color: headerFill,
    });
    headerLines.forEach((lines, c) => {
      lines.forEach((line, l) => {
        const baseline = y - PAD_Y - (l + 1) * headerLineHeight + headerSize * 0.3;
        print.text(page, line, xs[c]! + PAD_X, baseline, { size: headerSize, bold: true });
      });
      const below = y - PAD_Y - lines.length * headerLineHeight;
      hintLines[c]!.forEach((line, l) => {
        const baseline = below - (l + 1) * hintLineHeight + hintSize * 0.25;
        print.text(page, line, xs[c]! + PAD_X, baseline, { size: hintSize, color: grey });
      });
    });
    const tableTop = y;
    let runTop = tableTop;
    y -= headerHeight;
    hline(frame, y);
    for (const slice of pageSlices) {
      const row = rows[slice.row]!;
      const lines = cellLines[slice.row]!;
      // A row split between pages says so where it goes on, under the repeated header.
      if (slice.from > 0 && (lines[0]?.length ?? 0) <= slice.from) {
        print.text(page, '(forts.)', xs[0]! + PAD_X, y - PAD_Y - lineHeight + size * 0.3, {
          size,
          color: grey,
        });
      }
      if (row.barcode && slice.from === 0) {
        const h = BARCODE_HEIGHT;
        const w = Math.min(widths[0]! - 2 * PAD_X, barcodeWidth(row.barcode));
        page.drawImage(row.barcode, { x: xs[0]! + PAD_X, y: y - PAD_Y - h, width: w, height: h });
      }
      lines.forEach((column, c) => {
        if (row.span && c > 0) return;
        column.slice(slice.from, slice.to).forEach((line, l) => {
          const baseline = y - PAD_Y - (l + 1) * lineHeight + size * 0.3;
          const x =
            columns[c]!.align === 'right'
              ? xs[c + 1]! - PAD_X - print.widthOf(line, size, row.bold)
              : xs[c]! + PAD_X;
          print.text(page, line, x, baseline, { size, bold: row.bold });
          if (row.struck && line.trim() !== '') {
            // Through the words themselves, as writing is crossed out on paper: a line
            // across the whole row would read as a rule between rows.
            const through = baseline + size * 0.27;
            page.drawLine({
              start: { x: x - 1, y: through },
              end: { x: x + print.widthOf(line, size, row.bold) + 1, y: through },
              color: ink,
              thickness: 0.8,
            });
          }
        });
      });
      // Column rules run down a whole stretch of ordinary rows at once; a spanning row has
      // only the outer ones.
      if (row.span) {
        verticals(frame, xs, runTop, y);
        verticals(frame, [xs[0]!, xs.at(-1)!], y, y - slice.height);
        runTop = y - slice.height;
      }
      y -= slice.height;
      hline(frame, y);
    }
    verticals(frame, xs, runTop, y);
    hline(frame, tableTop);
    end = { page: frame, y };
  });
  return end;
}

/** How tall a table's header row is at this width and type size. */
export const headerHeight = (
  print: PrintDocument,
  columns: readonly TableColumn[],
  width: number,
  size: number,
): number => layoutHeader(print, columns, width, size).headerHeight;

/** The columns' widths and the header row's lines, hints and height. */
function layoutHeader(
  print: PrintDocument,
  columns: readonly TableColumn[],
  width: number,
  size: number,
) {
  // At least its heading's longest word (in the smallest heading type) and what must not
  // wrap; then by weight.
  const minimums = columns.map(
    (c) =>
      Math.max(
        ...c.header.split(/\s+/).map((w) => print.widthOf(w, MIN_HEADER_SIZE, true)),
        c.keepWhole ? print.widthOf(c.keepWhole, size) : 0,
      ) +
      2 * PAD_X +
      0.5,
  );
  const widths = columnWidths(
    columns.map((c) => c.weight),
    width,
    minimums,
  );
  const textWidths = widths.map((w) => w - 2 * PAD_X);
  // Headings in smaller type rather than cut inside a word ("Verifikationsnumme-r").
  const longestWordFits = (headerSize: number) =>
    columns.every((c, i) =>
      c.header.split(/\s+/).every((w) => print.widthOf(w, headerSize, true) <= textWidths[i]!),
    );
  let headerSize = size;
  while (headerSize > MIN_HEADER_SIZE && !longestWordFits(headerSize)) headerSize -= 0.25;
  const headerLineHeight = headerSize * 1.25;
  const headerLines = columns.map((c, i) => print.wrap(c.header, textWidths[i]!, headerSize, true));
  const hintSize = Math.max(MIN_HEADER_SIZE, headerSize - 1.5);
  const hintLineHeight = hintSize * 1.2;
  const hintLines = columns.map((c, i) =>
    c.hint ? print.wrap(c.hint, textWidths[i]!, hintSize) : [],
  );
  const headerHeight =
    Math.max(
      ...headerLines.map(
        (lines, i) => lines.length * headerLineHeight + hintLines[i]!.length * hintLineHeight,
      ),
    ) +
    2 * PAD_Y;
  return {
    widths,
    textWidths,
    headerSize,
    headerLineHeight,
    headerLines,
    hintSize,
    hintLineHeight,
    hintLines,
    headerHeight,
  };
}

function hline(frame: FramedPage, y: number) {
  frame.page.drawLine({
    start: { x: frame.left, y },
    end: { x: frame.right, y },
    color: rule,
    thickness: 0.5,
  });
}

function verticals(frame: FramedPage, xs: readonly number[], top: number, bottom: number) {
  if (top <= bottom) return;
  for (const x of xs) {
    frame.page.drawLine({
      start: { x, y: top },
      end: { x, y: bottom },
      color: rule,
      thickness: 0.5,
    });
  }
}
