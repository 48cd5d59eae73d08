import type { PDFImage } from 'pdf-lib';
import { columnHeadings } from '../../../shared/registers/headings';
import { barcodeWidth } from './barcode';
import { grey, ink, rule, type FramedPage, type PrintDocument } from './document';

/**
 * Pieces of the one-page forms (decision document, order form, journal sheet, payment
 * basis): labelled lines to write on, check boxes, ruled areas. Each draws at `y` and
 * returns the y below it.
 */
export interface Cursor {
  print: PrintDocument;
  frame: FramedPage;
  y: number;
}

const LABEL = 8;

/** Labelled write-in fields side by side, sharing the width by weight. */
export function fieldRow(
  cursor: Cursor,
  fields: readonly { label: string; weight?: number; value?: string }[],
): void {
  const { print, frame } = cursor;
  const total = fields.reduce((sum, f) => sum + (f.weight ?? 1), 0);
  const gap = 10;
  const room = frame.width - gap * (fields.length - 1);
  let x = frame.left;
  const top = cursor.y;
  for (const field of fields) {
    const width = (room * (field.weight ?? 1)) / total;
    print.text(frame.page, field.label, x, top - LABEL, { size: LABEL, color: grey });
    if (field.value) print.text(frame.page, field.value, x + 2, top - LABEL - 14, { size: 10 });
    frame.page.drawLine({
      start: { x, y: top - LABEL - 18 },
      end: { x: x + width, y: top - LABEL - 18 },
      color: ink,
      thickness: 0.5,
    });
    x += width + gap;
  }
  cursor.y = top - LABEL - 30;
}

/** A label and a check box per option ("Lagrum: ☐ SoL ☐ LSS ☐ HSL"). */
export function checkBoxes(cursor: Cursor, label: string, options: readonly string[]): void {
  const { print, frame } = cursor;
  const y = cursor.y - 12;
  print.text(frame.page, label, frame.left, y, { size: 10, bold: true });
  let x = frame.left + print.widthOf(label, 10, true) + 14;
  for (const option of options) {
    frame.page.drawRectangle({
      x,
      y: y - 2,
      width: 11,
      height: 11,
      borderColor: ink,
      borderWidth: 0.8,
    });
    print.text(frame.page, option, x + 16, y, { size: 10 });
    x += 16 + print.widthOf(option, 10) + 20;
  }
  cursor.y = y - 16;
}

/** A heading and ruled lines to write on, down to `bottom` or `lines` lines. */
export function ruledArea(
  cursor: Cursor,
  heading: string,
  options: { lines?: number; bottom?: number; text?: string } = {},
): void {
  const { print, frame } = cursor;
  let y = cursor.y - 12;
  print.text(frame.page, heading, frame.left, y, { size: 10, bold: true });
  y -= 6;
  const written = options.text ? print.wrap(options.text, frame.width - 4, 10) : [];
  const spacing = 20;
  const floor = options.bottom ?? frame.bottom;
  let count = 0;
  while (y - spacing >= floor && (options.lines === undefined || count < options.lines)) {
    y -= spacing;
    const line = written[count];
    if (line) print.text(frame.page, line, frame.left + 2, y + 4, { size: 10 });
    frame.page.drawLine({
      start: { x: frame.left, y },
      end: { x: frame.right, y },
      color: rule,
      thickness: 0.5,
    });
    count++;
  }
  cursor.y = y - 6;
}

/** The sheet's reference, text and barcode, at the top right of the frame. */
export function referenceBox(cursor: Cursor, reference: string, barcode: PDFImage): void {
  const { print, frame } = cursor;
  const height = 26;
  const width = barcodeWidth(barcode);
  const x = frame.right - width;
  frame.page.drawImage(barcode, { x, y: cursor.y - height, width, height });
  const label = `${columnHeadings.reference} ${reference}`;
  print.text(
    frame.page,
    label,
    frame.right - print.widthOf(label, 9, true),
    cursor.y - height - 11,
    {
      size: 9,
      bold: true,
    },
  );
}

/** A short instruction in small grey type. */
export function note(cursor: Cursor, text: string): void {
  const { print, frame } = cursor;
  for (const line of print.wrap(text, frame.width, 8.5)) {
    cursor.y -= 11;
    print.text(frame.page, line, frame.left, cursor.y, { size: 8.5, color: grey });
  }
  cursor.y -= 6;
}
