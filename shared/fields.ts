import { z } from 'zod';
import { dateProblem, dateTimeProblem, isCalendarDate, normalizeLocalDate } from './time';

/**
 * Reusable field schemas with the Swedish messages shown next to the field.
 * Zod's own Swedish locale (set in shared/zodLocale.ts) covers structural errors
 * that a form cannot produce, such as a wrong type sent by a buggy caller.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
/** Older accounts may have shorter passwords: they still sign in (see the sign-in page). */
export const MIN_PASSWORD_LENGTH = 8;
const MAX_SECRET_LENGTH = 500;

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Ange ${label}.` })
    .trim()
    .min(1, { error: `Ange ${label}.` })
    .max(max, { error: `Högst ${max} tecken.` });

export const fullName = requiredText('namn', 120);

export const initials = z
  .string({ error: 'Ange signatur (initialer).' })
  .trim()
  .min(2, { error: 'Signaturen ska vara 2–6 tecken.' })
  .max(6, { error: 'Signaturen ska vara 2–6 tecken.' })
  .regex(/^[\p{L}\p{N}]+$/u, { error: 'Signaturen får bara innehålla bokstäver och siffror.' });

export const username = z
  .string({ error: 'Ange användarnamn.' })
  .trim()
  .min(2, { error: 'Användarnamnet ska vara minst 2 tecken.' })
  .max(40, { error: 'Högst 40 tecken.' })
  .regex(/^[\p{L}\p{N}._-]+$/u, {
    error:
      'Användarnamnet får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck.',
  });

export const password = z
  .string({ error: 'Ange lösenord.' })
  .min(MIN_PASSWORD_LENGTH, { error: `Lösenordet ska vara minst ${MIN_PASSWORD_LENGTH} tecken.` })
  .max(200, { error: 'Högst 200 tecken.' });

export const passphrase = z
  .string({ error: 'Ange lösenfras.' })
  .min(MIN_PASSPHRASE_LENGTH, {
    error: `Lösenfrasen ska vara minst ${MIN_PASSPHRASE_LENGTH} tecken.`,
  })
  .max(MAX_SECRET_LENGTH, { error: `Högst ${MAX_SECRET_LENGTH} tecken.` });

/**
 * A secret typed to prove who one is (sign-in, unlock, the current password): no
 * minimum beyond "something", since it is compared, not chosen, but bounded like any input.
 */
export const typedSecret = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, { error: missing })
    .max(MAX_SECRET_LENGTH, { error: `Högst ${MAX_SECRET_LENGTH} tecken.` });

/** The repeated password or passphrase; `confirmed` compares it with the first. */
export const confirmation = z
  .string({ error: 'Skriv samma en gång till.' })
  .max(MAX_SECRET_LENGTH, { error: `Högst ${MAX_SECRET_LENGTH} tecken.` });

const isoInstant = z.iso.datetime();

/**
 * An instant as main stores it: ISO in UTC, always in the one form `toISOString()` gives
 * ("2026-11-22T09:45:00.000Z"), so instants stored as text order correctly in SQL.
 */
export const instantInput = (message: string) =>
  z
    .string({ error: message })
    .max(40, { error: message })
    .transform((value, ctx) => {
      if (isoInstant.safeParse(value).success) return new Date(value).toISOString();
      // The form sends what it could not read as typed: say what is wrong with it.
      ctx.addIssue({ code: 'custom', message: dateTimeProblem(value) ?? message });
      return z.NEVER;
    });
/**
 * A calendar date that exists (no 2026-02-30), as "ÅÅÅÅ-MM-DD". Typed the ways the date
 * fields accept ("20261123", "2026 11 23": shared/time.ts), also when the form is sent
 * before the field tidied it; a day-first or impossible date gets its own message.
 */
export const dateInput = (message: string) =>
  z
    .string({ error: message })
    .max(40, { error: message })
    .transform((typed, ctx) => {
      const date = normalizeLocalDate(typed);
      if (isCalendarDate(date)) return date;
      ctx.addIssue({ code: 'custom', message: dateProblem(typed) ?? message });
      return z.NEVER;
    });

/**
 * An optional field: empty (or null) is "not given", anything else must pass `schema`,
 * whose own message then says what is wrong. (A union of "empty" and the schema would
 * answer zod's "Ogiltig input" instead, hiding e.g. the amount's message.)
 */
export const blankAsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable());

/**
 * A filter's dates the right way round ("from" and "to", both included): the refusal is
 * shown at "to". For `.superRefine` of an object with both.
 */
export function datesInOrder(
  filter: { from: string | null; to: string | null },
  ctx: z.RefinementCtx,
): void {
  if (filter.from && filter.to && filter.from > filter.to) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'Slutdatumet kan inte vara före startdatumet.',
    });
  }
}

/** Adds a "must match" check whose message is shown at the confirmation field. */
export function confirmed<T extends z.ZodRawShape>(
  shape: z.ZodObject<T>,
  field: keyof T & string,
  confirmField: keyof T & string,
  message: string,
) {
  return shape.refine(
    (value) =>
      (value as Record<string, unknown>)[field] ===
      (value as Record<string, unknown>)[confirmField],
    {
      error: message,
      path: [confirmField],
    },
  );
}
