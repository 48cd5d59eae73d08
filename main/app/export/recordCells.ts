import type { RegisterDefinition } from '../../../shared/registers';
import { entryState, entryStateWords } from '../../../shared/registers/entryState';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { localDate } from '../../../shared/time';
import { dateCell, dateTimeCell, emptyCell, fieldCell, textCell, type ExcelCell } from './cells';

/** What every record carries besides its fields, as cells. */

export const statusCell = (record: RegisterRecord): ExcelCell =>
  textCell(entryStateWords[entryState(record)]);

export const enteredOnCell = (record: RegisterRecord): ExcelCell =>
  record.enteredOn ? dateCell(record.enteredOn) : emptyCell;

/** "Kalle Handläggare (KH)". */
export const enteredByCell = (record: RegisterRecord): ExcelCell => {
  const { enteredByName: name, enteredByInitials: initials } = record;
  if (!name && !initials) return emptyCell;
  return textCell(name && initials ? `${name} (${initials})` : (name ?? initials));
};

/** The last day to enter it; red while it is past and the record still not entered. */
export const deadlineCell = (record: RegisterRecord): ExcelCell =>
  record.deadline
    ? { ...dateCell(record.deadline), alert: record.deadlineStatus === 'overdue' }
    : emptyCell;

/** "2026-11-23: Fel person": the day it was voided and why, as the paper list says it. */
export const voidedCell = (record: RegisterRecord): ExcelCell =>
  record.voidedAt
    ? textCell(`${localDate(record.voidedAt)}: ${record.voidReason ?? ''}`.trim())
    : emptyCell;

export const transcribedByCell = (record: RegisterRecord): ExcelCell =>
  record.transcribedFromPaper ? textCell(record.transcribedByName ?? 'Ja') : emptyCell;

/** The record's own date field as a date (or date and time); else the day it was registered. */
export function recordDateCell(definition: RegisterDefinition, record: RegisterRecord): ExcelCell {
  const field = definition.fields.find((f) => f.key === definition.dateField);
  const cell = field ? fieldCell(field, record.values[field.key]) : emptyCell;
  return cell.value === null ? dateTimeCell(record.createdAt) : cell;
}
