import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateCell,
  dateTimeCell,
  excelDate,
  excelDateTime,
  excelKronor,
  kronorCell,
  MAX_CELL_TEXT,
  numberFormats,
  personnummerCell,
  textCell,
} from '../../main/app/export/cells';
import { MAX_ORE } from '../../shared/money';
import { formatDateTime } from '../../shared/time';
import { plain, workbookInMemory } from '../support/excel';

/** The serial exceljs writes for a Date: 25569 + milliseconds / 86 400 000 (UTC based). */
const serialOf = (date: Date) => 25569 + date.getTime() / 86_400_000;

/** "YYYY-MM-DD" of every day from 1900-03-01 (Excel's serials are sound from there) to 9999. */
const officeDate = fc
  .date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z') })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString().slice(0, 10));

/** Whole öre as the exact decimal of kronor, by integer arithmetic: 150050 → "1500.5". */
const exactKronor = (ore: number) => {
  const kronor = Math.floor(ore / 100);
  const rest = String(ore % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return rest ? `${kronor}.${rest}` : String(kronor);
};

/** One sheet of cells written by the export's own writer, read back by exceljs. */
async function roundTrip(rows: ReturnType<typeof dateCell>[][]): Promise<ExcelJS.Worksheet> {
  const { workbook, chunks } = await workbookInMemory();
  const sheet = workbook.addSheet(
    'Test',
    [
      { header: 'A', width: 12 },
      { header: 'B', width: 12 },
    ],
    {
      kind: 'about',
    },
  );
  for (const cells of rows) sheet.add(cells);
  sheet.finish();
  await workbook.close();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as never);
  return book.worksheets[0]!;
}

/**
 * Cell values in the workbook (issue 9). Run in the date suite too: in the UTC and New
 * Zealand processes there, a date written with the process's own zone would move a day.
 */
describe('Excel cells', () => {
  it('writes a date as the serial of that very day, summer time or not', () => {
    // 2026-03-29, the day Swedish summer time starts: serial 46110 whatever the process's zone.
    expect(serialOf(excelDate('2026-03-29'))).toBe(46110);
    expect(serialOf(excelDate('2026-10-25'))).toBe(46320);
    expect(serialOf(excelDate('1900-03-01'))).toBe(61);
    expect(dateCell('2026-03-29')).toEqual({
      value: new Date('2026-03-29T00:00:00.000Z'),
      numFmt: 'yyyy-mm-dd',
    });
    expect(() => excelDate('2026-02-30')).toThrow(RangeError);
    expect(() => excelDate('29/3/2026')).toThrow(RangeError);
  });

  it('writes any office date as a whole serial that is that date', () => {
    fc.assert(
      fc.property(officeDate, (date) => {
        const serial = serialOf(excelDate(date));
        expect(Number.isInteger(serial)).toBe(true);
        expect(new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it('writes a moment as the office clock showed it', () => {
    // Before and after the clocks went forward, and the autumn hour that came twice.
    expect(excelDateTime('2026-03-29T00:30:00.000Z').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(excelDateTime('2026-03-29T01:30:00.000Z').toISOString()).toBe(
      '2026-03-29T03:30:00.000Z',
    );
    expect(excelDateTime('2026-10-25T00:30:00.000Z').toISOString()).toBe(
      '2026-10-25T02:30:00.000Z',
    );
    expect(excelDateTime('2026-10-25T01:30:00.000Z').toISOString()).toBe(
      '2026-10-25T02:30:00.000Z',
    );
    // Late on 22 November in UTC is already the 23rd at the office.
    expect(dateTimeCell('2026-11-22T23:30:00.000Z')).toEqual({
      value: new Date('2026-11-23T00:30:00.000Z'),
      numFmt: 'yyyy-mm-dd hh:mm',
    });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z') }),
        (instant) => {
          fc.pre(!Number.isNaN(instant.getTime()));
          const shown = excelDateTime(instant).toISOString().slice(0, 16).replace('T', ' ');
          expect(shown).toBe(formatDateTime(instant));
        },
      ),
    );
  });

  it('writes any amount in öre as exactly its kronor', () => {
    expect(excelKronor(150050)).toBe(1500.5);
    expect(excelKronor(1)).toBe(0.01);
    expect(kronorCell(7500000)).toEqual({ value: 75000, numFmt: '#,##0.00 "kr"' });
    expect(() => excelKronor(-1)).toThrow(RangeError);
    expect(() => excelKronor(0.5)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ORE }), (ore) => {
        const kronor = excelKronor(ore);
        // What exceljs writes in the file (the number as JavaScript prints it) is the exact
        // decimal, and reads back as the same öre.
        expect(String(kronor)).toBe(exactKronor(ore));
        expect(Math.round(Number(String(kronor)) * 100)).toBe(ore);
      }),
    );
  });

  it('writes a personnummer as text ÅÅÅÅMMDD-NNNN, never a number', () => {
    expect(personnummerCell('191212121212')).toEqual({ value: '19121212-1212', numFmt: '@' });
    expect(personnummerCell('200506071232').value).toBe('20050607-1232');
    expect(personnummerCell(null).value).toBe('Reservidentitet');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (digits) => {
        const { value, numFmt } = personnummerCell(digits);
        expect(typeof value).toBe('string');
        expect(value).toMatch(/^\d{8}-\d{4}$/);
        expect(String(value).replace('-', '')).toBe(digits);
        expect(numFmt).toBe(numberFormats.text);
      }),
    );
  });

  it('keeps a text within what a cell holds, without splitting a letter', () => {
    expect(textCell('')).toEqual({ value: null });
    expect(textCell(null)).toEqual({ value: null });
    expect(textCell('Åsa')).toEqual({ value: 'Åsa' });
    const long = textCell('a'.repeat(MAX_CELL_TEXT - 2) + '😀😀');
    expect(String(long.value).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(String(long.value).endsWith('a…')).toBe(true);
  });

  it('reads back as written: dates as the same day, amounts as the same öre, personnummer as text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(officeDate, fc.integer({ min: 0, max: MAX_ORE })), {
          minLength: 1,
          maxLength: 40,
        }),
        async (rows) => {
          const sheet = await roundTrip(
            rows.map(([date, ore]) => [dateCell(date), kronorCell(ore)]),
          );
          rows.forEach(([date, ore], index) => {
            const row = sheet.getRow(index + 2);
            expect((row.getCell(1).value as Date).toISOString().slice(0, 10)).toBe(date);
            expect(row.getCell(1).numFmt).toBe('yyyy-mm-dd');
            expect(Math.round((row.getCell(2).value as number) * 100)).toBe(ore);
            expect(row.getCell(2).numFmt).toBe('#,##0.00 "kr"');
          });
        },
      ),
      { numRuns: 25 },
    );
    const sheet = await roundTrip([[personnummerCell('191212121212'), textCell('Örjan\nÅkesson')]]);
    expect(sheet.getRow(2).getCell(1).value).toEqual({ richText: [{ text: '19121212-1212' }] });
    expect(plain(sheet.getRow(2).getCell(2).value)).toBe('Örjan\nÅkesson');
  });
});
