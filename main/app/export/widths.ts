import type { FieldDefinition } from '../../../shared/registers';

/** What a column holds, for its width in Excel's units (about one digit each). */
export type ColumnContent =
  | 'date'
  | 'dateTime'
  | 'kronor'
  | 'personnummer'
  | 'reference'
  | 'name'
  | 'status'
  | 'tick'
  | 'longText'
  | { text: number };

const widths = {
  date: 12,
  // "2026-11-23 11:10" with room for LibreOffice's wider substitute font.
  dateTime: 18,
  // "75 000 000,00 kr"
  kronor: 17,
  personnummer: 15,
  reference: 12,
  name: 24,
  status: 20,
  tick: 10,
  longText: 60,
} as const;

/**
 * A column wide enough for what it holds, and for the longest word of its heading (the
 * heading wraps between words), within reason.
 */
export function columnWidth(header: string, content: ColumnContent): number {
  const base =
    typeof content === 'string' ? widths[content] : Math.min(40, Math.max(12, content.text));
  const longestWord = Math.max(...header.split(/\s+/).map((word) => Array.from(word).length));
  return Math.min(60, Math.max(base, longestWord + 2));
}

/** What a register field's column holds. */
export function fieldContent(field: FieldDefinition): ColumnContent {
  switch (field.kind) {
    case 'date':
      return 'date';
    case 'datetime':
      return 'dateTime';
    case 'amount':
      return 'kronor';
    case 'longText':
      return 'longText';
    case 'flag':
      return { text: 6 };
    case 'choice':
      return { text: Math.max(...(field.options ?? []).map((o) => o.label.length)) + 2 };
    case 'text':
      return { text: Math.ceil((field.maxLength ?? 200) / 4) };
  }
}

/** A line of 11-point text, in points: Excel's default row height. */
export const LINE_HEIGHT = 15;
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * How many lines a text takes when it wraps in a column `width` wide: word by word, about
 * one character a unit (less one for the cell's margins), a word longer than a line
 * broken; each line break of its own starts a line.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width) - 1);
  // Most cells: a text no longer than a line, without a break of its own.
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = Array.from(word).length;
      const needed = used === 0 ? length : used + 1 + length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      lines += Math.ceil(length / perLine) - 1;
      used = length % perLine || perLine;
    }
  }
  return lines;
}

/**
 * The height of a row whose wrapping cells take this many lines, or undefined for one
 * line (the default). Set, not left to the reader: LibreOffice does not grow rows of a
 * workbook it opens to fit wrapped text.
 */
export const rowHeight = (lines: number): number | undefined =>
  lines <= 1 ? undefined : Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
