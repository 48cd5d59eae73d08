import { describe, expect, it } from 'vitest';
import { printableText } from '../../main/app/print/fonts';
import {
  columnWidths,
  paginateRows,
  truncateText,
  wrapLines,
  wrapText,
} from '../../main/app/print/layout';

// One unit a character: widths are easy to reason about.
const measure = (text: string) => Array.from(text).length;

describe('wrapText', () => {
  it('breaks on spaces and keeps words whole when they fit', () => {
    expect(wrapText('Ekonomiskt bistånd till livsmedel', 12, measure)).toEqual([
      'Ekonomiskt',
      'bistånd till',
      'livsmedel',
    ]);
  });

  it('cuts a word longer than the cell, and never returns a line wider than the cell', () => {
    const lines = wrapText('V-2026-000012345 ok', 6, measure);
    expect(lines).toEqual(['V-2026', '-00001', '2345', 'ok']);
    expect(lines.every((l) => measure(l) <= 6)).toBe(true);
  });

  it('keeps line breaks, and gives empty text one empty line', () => {
    expect(wrapText('Införd 2026-11-24 KH\nEfterregistrerad', 40, measure)).toEqual([
      'Införd 2026-11-24 KH',
      'Efterregistrerad',
    ]);
    expect(wrapText('', 10, measure)).toEqual(['']);
  });

  it('does not cut a character outside the BMP (a surrogate pair) in half', () => {
    expect(wrapText('𝒜𝒜𝒜𝒜', 2, measure)).toEqual(['𝒜𝒜', '𝒜𝒜']);
  });
});

describe('truncateText and wrapLines', () => {
  it('keep text that fits, and cut what does not with "…" within the width', () => {
    expect(truncateText('Enhet Söder', 20, measure)).toBe('Enhet Söder');
    expect(truncateText('Utskriven av Zoltán Kővári', 12, measure)).toBe('Utskriven a…');
    expect(truncateText('Enhet  Söder ', 5, measure)).toBe('Enhe…');
    const long = 'Socialförvaltningens enhet för ekonomiskt bistånd '.repeat(3);
    for (const width of [1, 5, 17, 40]) {
      expect(measure(truncateText(long, width, measure))).toBeLessThanOrEqual(width);
    }
  });

  it('wrap to at most so many lines, the last one ending in "…"', () => {
    expect(wrapLines('Enhet Söder Äldreomsorg', 12, 2, measure)).toEqual([
      'Enhet Söder',
      'Äldreomsorg',
    ]);
    const lines = wrapLines('ett två tre fyra fem sex sju åtta', 9, 2, measure);
    expect(lines).toEqual(['ett två', 'tre fyra…']);
    const many = wrapLines('a '.repeat(500), 10, 3, measure);
    expect(many).toHaveLength(3);
    expect(many.every((line) => measure(line) <= 10)).toBe(true);
    expect(many.at(-1)!.endsWith('…')).toBe(true);
  });
});

describe('paginateRows', () => {
  const base = { lineHeight: 10, padding: 2 };

  it('moves a row that does not fit to the next page', () => {
    // Room 50: rows of 14, 14, 24 (two lines) fill 52 > 50, so the third moves.
    const pages = paginateRows({ ...base, lineCounts: [1, 1, 2, 1], pageRoom: () => 50 });
    expect(pages.map((p) => p.map((s) => s.row))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(pages[1]![0]).toEqual({ row: 2, from: 0, to: 2, height: 24 });
  });

  it('splits a row taller than a whole page at a line, continuing on the next pages', () => {
    const pages = paginateRows({ ...base, lineCounts: [1, 12], pageRoom: () => 54 });
    const slices = pages.flat().filter((s) => s.row === 1);
    expect(slices.map((s) => [s.from, s.to])).toEqual([
      [0, 3],
      [3, 8],
      [8, 12],
    ]);
    expect(pages.every((p) => p.reduce((sum, s) => sum + s.height, 0) <= 54)).toBe(true);
  });

  it('gives ruled rows their height, and a different room on the first page', () => {
    const pages = paginateRows({
      ...base,
      lineCounts: Array(10).fill(1),
      minRowHeight: 30,
      pageRoom: (index) => (index === 0 ? 60 : 120),
    });
    expect(pages.map((p) => p.length)).toEqual([2, 4, 4]);
  });

  it('places every line of every row exactly once (1 000 rows)', () => {
    const counts = Array.from({ length: 1000 }, (_, i) => 1 + (i % 7));
    const pages = paginateRows({ ...base, lineCounts: counts, pageRoom: () => 400 });
    const lines = counts.map(() => 0);
    for (const slice of pages.flat()) lines[slice.row]! += slice.to - slice.from;
    expect(lines).toEqual(counts);
  });
});

describe('columnWidths', () => {
  it('shares the width by weight', () => {
    expect(columnWidths([1, 2, 1], 100)).toEqual([25, 50, 25]);
  });

  it('keeps a column at its minimum and shares the rest by weight', () => {
    expect(columnWidths([1, 1, 2], 100, [40, 0, 0])).toEqual([40, 20, 40]);
    const widths = columnWidths([1, 1, 1, 1], 100, [30, 30, 30, 30]);
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(100);
  });
});

describe('printableText', () => {
  const latin = (cp: number) => cp < 0x250;
  it('keeps what the font draws, composes decomposed letters, replaces the rest', () => {
    expect(printableText('Zoltán Kővári', latin)).toBe('Zoltán Kővári');
    expect(printableText('Zolta\u0301n', latin)).toBe('Zoltán');
    expect(printableText('漢字 Ǹ\tx', (cp) => cp < 0x1f0)).toBe('?? N x');
  });
});
