/**
 * Text layout for every printed table: pdf-lib has none. Pure functions of a width
 * measure, so they are tested without a PDF.
 */
export type Measure = (text: string) => number;

/**
 * Breaks text into lines no wider than `maxWidth`: at line breaks, at spaces, and inside
 * a word that is wider than the cell on its own (a long e-mail address, a verification
 * number). Empty text is one empty line.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // The word alone is too wide: cut it where it stops fitting.
      let rest = word;
      while (measure(rest) > maxWidth) {
        const cut = fittingPrefix(rest, maxWidth, measure);
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

const ELLIPSIS = '…';

/**
 * The text on one line no wider than `maxWidth`: whole, or cut where it stops fitting and
 * ended with "…" (a name in a page's header or footer, where a second line has no room).
 */
export function truncateText(text: string, maxWidth: number, measure: Measure): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (measure(line) <= maxWidth) return line;
  const chars = Array.from(line);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * Wrapped like `wrapText`, at most `maxLines` lines: what does not fit ends the last line
 * with "…".
 */
export function wrapLines(
  text: string,
  maxWidth: number,
  maxLines: number,
  measure: Measure,
): string[] {
  const lines = wrapText(text, maxWidth, measure);
  if (lines.length <= maxLines) return lines;
  const last = lines.slice(maxLines - 1).join(' ');
  return [...lines.slice(0, maxLines - 1), truncateText(`${last}${ELLIPSIS}`, maxWidth, measure)];
}

/** How many UTF-16 units of `word` fit in the width; at least one character. */
function fittingPrefix(word: string, maxWidth: number, measure: Measure): number {
  const chars = Array.from(word);
  let low = 1;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('')) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').length;
}

/** A row's part placed on a page: lines `from` (inclusive) to `to` (exclusive). */
export interface RowSlice {
  row: number;
  from: number;
  to: number;
  height: number;
}

export interface PaginateInput {
  /** Lines of each row (its tallest cell). */
  lineCounts: readonly number[];
  lineHeight: number;
  /** Padding above and below a row's text. */
  padding: number;
  /** A row is at least this tall (ruled rows to write in by hand). */
  minRowHeight?: number;
  /** Room for rows on each page, below the repeated header row. */
  pageRoom: (pageIndex: number) => number;
}

/**
 * Places rows on pages in order. A row that does not fit in what is left of a page moves
 * to the next page; a row taller than a whole page is split between pages at a line.
 * Every page gets the header row again (its height is not part of `pageRoom`).
 */
export function paginateRows(input: PaginateInput): RowSlice[][] {
  const { lineCounts, lineHeight, padding, minRowHeight = 0 } = input;
  const heightOf = (lines: number) => Math.max(lines * lineHeight + 2 * padding, minRowHeight);
  const pages: RowSlice[][] = [[]];
  let left = input.pageRoom(0);
  const newPage = () => {
    pages.push([]);
    left = input.pageRoom(pages.length - 1);
  };
  lineCounts.forEach((count, row) => {
    let from = 0;
    const lines = Math.max(count, 1);
    while (from < lines) {
      const height = heightOf(lines - from);
      if (height <= left) {
        pages.at(-1)!.push({ row, from, to: lines, height });
        left -= height;
        return;
      }
      const emptyPage = pages.at(-1)!.length === 0;
      const fitting = Math.floor((left - 2 * padding) / lineHeight);
      if (!emptyPage && heightOf(lines - from) <= input.pageRoom(pages.length)) {
        newPage();
        continue;
      }
      if (fitting < 1) {
        if (emptyPage) throw new Error('a page has no room for one line');
        newPage();
        continue;
      }
      pages.at(-1)!.push({ row, from, to: from + fitting, height: heightOf(fitting) });
      from += fitting;
      newPage();
    }
  });
  return pages;
}

/**
 * Column widths from weights, filling the table's width exactly: a column's share is its
 * weight over the sum of the weights, but never less than its minimum (a personnummer
 * or a heading's longest word on one line); the others share what is left by weight.
 * When the minimums alone are wider than the table, they shrink in proportion.
 */
export function columnWidths(
  weights: readonly number[],
  total: number,
  minimums: readonly number[] = [],
): number[] {
  const min = (i: number) => minimums[i] ?? 0;
  const minSum = weights.reduce((sum, _, i) => sum + min(i), 0);
  if (minSum >= total) return weights.map((_, i) => (min(i) / minSum) * total);
  const fixed = new Set<number>();
  for (;;) {
    const room = total - [...fixed].reduce((sum, i) => sum + min(i), 0);
    const weightSum = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? min(i) : (w / weightSum) * room));
    const below = widths.findIndex((w, i) => !fixed.has(i) && w < min(i));
    if (below < 0) return widths;
    fixed.add(below);
  }
}
