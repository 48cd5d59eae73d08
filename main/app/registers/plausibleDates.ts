import type { RegisterDefinition } from '../../../shared/registers';
import { bornAfter, FUTURE_BIRTH } from '../../../shared/domain/personnummer';
import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import type { OutageRecord } from '../db/entities/outageRecord';

/** The office date of a date or datetime field's value ("2026-11-23"). */
const dayOf = (kind: string, value: string): string =>
  kind === 'datetime' ? localDate(value) : value;

/**
 * Nothing is decided, paid, sent or noted in the future: every date and time of a record
 * is something that has happened. Dates are compared with the office's date, times with
 * main's clock.
 */
export function refuseFuture(
  definition: RegisterDefinition,
  values: Record<string, unknown>,
  now: Date,
): void {
  const today = localDate(now);
  for (const field of definition.fields) {
    const value = values[field.key];
    if (typeof value !== 'string' || value === '') continue;
    if (field.kind === 'date' && value > today) {
      throw AppError.field(
        'VALIDATION',
        `values.${field.key}`,
        `${field.label} kan inte ligga efter i dag (${today}).`,
      );
    }
    if (field.kind === 'datetime' && Date.parse(value) > now.getTime()) {
      throw AppError.field(
        'VALIDATION',
        `values.${field.key}`,
        `${field.label} kan inte ligga i framtiden.`,
      );
    }
  }
}

/** A personnummer whose birth date is after today (main's clock) is a typing error. */
export function refuseFutureBirth(personnummer: string | null, now: Date): void {
  if (personnummer && bornAfter(personnummer, now)) {
    throw AppError.field('VALIDATION', 'personnummer', FUTURE_BIRTH);
  }
}

/**
 * A record dated outside its outage (by office date, first to last day) is most often a
 * typing error, or a form from another outage: main asks, and saves once the person
 * confirms. Paper transcribed afterwards and dated within the outage is normal.
 */
export function askOutsidePeriod(
  definition: RegisterDefinition,
  values: Record<string, unknown>,
  outage: Pick<OutageRecord, 'startsAt' | 'endsAt'>,
  now: Date,
): void {
  const field = definition.fields.find((f) => f.key === definition.dateField);
  const value = values[definition.dateField];
  if (!field || typeof value !== 'string' || value === '') return;
  const day = dayOf(field.kind, value);
  const first = localDate(outage.startsAt);
  const last = localDate(outage.endsAt ?? now.toISOString());
  if (day >= first && day <= last) return;
  const period = first === last ? first : `${first} – ${last}`;
  throw AppError.field(
    'OUTSIDE_PERIOD',
    `values.${field.key}`,
    `${field.label} ${day} ligger utanför avbrottets period (${period}). ` +
      'Stämmer det? Bekräfta för att spara ändå.',
  );
}
