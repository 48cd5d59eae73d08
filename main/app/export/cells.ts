import { formatPersonnummer } from '../../../shared/domain/personnummer';
import { assertOre, type Ore } from '../../../shared/money';
import type { FieldDefinition, FieldValue } from '../../../shared/registers';
import { formatFieldValue } from '../../../shared/registers/format';
import { isCalendarDate, officeWallClock } from '../../../shared/time';

/**
 * Number formats in the en-US syntax exceljs writes and Excel expects in the file; Excel
 * and LibreOffice show them with the reader's separators ("1 500,50 kr" in Swedish). A
 * localized code ("# ##0,00") is corrupted (exceljs #2094).
 */
export const numberFormats = {
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  kronor: '#,##0.00 "kr"',
  /** Text: typed over, a personnummer stays text instead of becoming a number. */
  text: '@',
} as const;

/** One cell as the export writes it: the value exceljs gets, and how it is shown. */
export interface ExcelCell {
  value: string | number | Date | null;
  numFmt?: string;
  /** Shown in red and bold: a deadline that has passed. */
  alert?: boolean;
}

export const emptyCell: ExcelCell = { value: null };

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

export function textCell(text: string | null | undefined): ExcelCell {
  if (!text) return emptyCell;
  if (text.length <= MAX_CELL_TEXT) return { value: text };
  // Cut with room for the ellipsis, never between the halves of a surrogate pair.
  const cut = text.slice(0, MAX_CELL_TEXT - 1).replace(/[\uD800-\uDBFF]$/, '');
  return { value: `${cut}…` };
}

/**
 * An office date ("2026-03-29") as the JS Date exceljs turns into that day's serial.
 * exceljs converts with UTC (its serial is 25569 + milliseconds / 86 400 000), so the day
 * is built at UTC midnight: the process's zone and summer time play no part (exceljs #486).
 */
export function excelDate(isoDate: string): Date {
  if (!isCalendarDate(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/**
 * An instant as the office's wall clock, to the minute, in the same UTC-based form: the
 * cell shows the date and time a Swede read on the office clock then.
 */
export function excelDateTime(instant: string | Date): Date {
  return new Date(officeWallClock(instant));
}

/** Whole öre as kronor, exactly: 150050 öre → 1500.5 (the nearest double, which reads back as 1500.50). */
export function excelKronor(ore: Ore): number {
  return assertOre(ore) / 100;
}

export const dateCell = (isoDate: string): ExcelCell => ({
  value: excelDate(isoDate),
  numFmt: numberFormats.date,
});

export const dateTimeCell = (instant: string | Date): ExcelCell => ({
  value: excelDateTime(instant),
  numFmt: numberFormats.dateTime,
});

export const kronorCell = (ore: Ore): ExcelCell => ({
  value: excelKronor(ore),
  numFmt: numberFormats.kronor,
});

/** Text "ÅÅÅÅMMDD-NNNN", never a number: the leading digits and the dash stay. */
export const personnummerCell = (normalized: string | null): ExcelCell => ({
  value: normalized ? formatPersonnummer(normalized) : 'Reservidentitet',
  numFmt: numberFormats.text,
});

/** A register field's value: dates as dates, amounts as kronor, the rest as the list shows it. */
export function fieldCell(field: FieldDefinition, value: FieldValue | undefined): ExcelCell {
  if (value === null || value === undefined || value === '') return emptyCell;
  switch (field.kind) {
    case 'date':
      return dateCell(String(value));
    case 'datetime':
      return dateTimeCell(String(value));
    case 'amount':
      return kronorCell(Number(value));
    default:
      return textCell(formatFieldValue(field, value));
  }
}
