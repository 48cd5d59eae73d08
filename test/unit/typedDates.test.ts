import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInput, instantInput } from '../../shared/fields';
import {
  dateProblem,
  dateTimeProblem,
  formatDateTime,
  instantFromInput,
  localTime,
  localToInstant,
  normalizeLocalDate,
  normalizeLocalDateTime,
} from '../../shared/time';

/**
 * What the date and time fields accept from the keyboard (shared/time.ts): year first,
 * with or without separators, times on the 24-hour clock; day-first dates are refused
 * with a message saying why, never guessed at.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Any calendar day 1900–2199, as its parts. */
const day = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));
const iso = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${pad(m)}-${pad(d)}`;

describe('typed dates', () => {
  it('reads the ways a date is typed year first', () => {
    expect(normalizeLocalDate('20261123')).toBe('2026-11-23');
    expect(normalizeLocalDate('2026-11-23')).toBe('2026-11-23');
    expect(normalizeLocalDate(' 2026 11 23 ')).toBe('2026-11-23');
    expect(normalizeLocalDate('2026/11/23')).toBe('2026-11-23');
    expect(normalizeLocalDate('2026.11.23')).toBe('2026-11-23');
    expect(normalizeLocalDate('2026-1-5')).toBe('2026-01-05');
    // Mixed separators or a lost digit are not a date to tidy: main explains.
    expect(normalizeLocalDate('2026-11/23')).toBe('2026-11/23');
    expect(normalizeLocalDate('2026113')).toBe('2026113');
  });

  it('tidies any day written any accepted way to ÅÅÅÅ-MM-DD, and leaves that as it is (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('', '-', ' ', '/', '.'),
        fc.boolean(),
        (parts, sep, short) => {
          const { y, m, d } = parts;
          const typed =
            sep === ''
              ? `${y}${pad(m)}${pad(d)}`
              : `${y}${sep}${short ? m : pad(m)}${sep}${short ? d : pad(d)}`;
          expect(normalizeLocalDate(typed)).toBe(iso(parts));
          expect(normalizeLocalDate(iso(parts))).toBe(iso(parts));
          expect(dateProblem(typed)).toBeNull();
          expect(dateInput('Ange datum.').parse(typed)).toBe(iso(parts));
        },
      ),
    );
  });

  it('refuses day-first dates with a message, whatever the day (property)', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('/', '.', '-'), fc.boolean(), (parts, sep, withYear) => {
        const typed = `${parts.d}${sep}${parts.m}${withYear ? `${sep}${parts.y}` : ''}`;
        expect(normalizeLocalDate(typed)).toBe(typed);
        const result = dateInput('Ange datum som ÅÅÅÅ-MM-DD.').safeParse(typed);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/^Skriv året först: ÅÅÅÅ-MM-DD/);
      }),
    );
  });

  it('says which date does not exist, and falls back to the field message for the rest', () => {
    const schema = dateInput('Ange beslutsdatum som ÅÅÅÅ-MM-DD.');
    const message = (typed: string) => schema.safeParse(typed).error?.issues[0]?.message;
    expect(message('2026-02-30')).toBe(
      '2026-02-30 finns inte i kalendern. Kontrollera månad och dag.',
    );
    expect(message('20261332')).toBe(
      '2026-13-32 finns inte i kalendern. Kontrollera månad och dag.',
    );
    expect(message('23/11')).toBe(
      'Skriv året först: ÅÅÅÅ-MM-DD, t.ex. 2026-11-23 (dag och månad först kan läsas på två sätt).',
    );
    expect(message('i går')).toBe('Ange beslutsdatum som ÅÅÅÅ-MM-DD.');
    expect(message('')).toBe('Ange beslutsdatum som ÅÅÅÅ-MM-DD.');
  });
});

describe('typed dates and times, on the 24-hour clock', () => {
  it('reads the ways a time is typed', () => {
    expect(normalizeLocalDateTime('202611231430')).toBe('2026-11-23 14:30');
    expect(normalizeLocalDateTime('2026-11-23T9:30')).toBe('2026-11-23 09:30');
    expect(normalizeLocalDateTime('2026-11-23 9.30')).toBe('2026-11-23 09:30');
    expect(normalizeLocalDateTime('20261123 0930')).toBe('2026-11-23 09:30');
    expect(normalizeLocalDateTime('2026-1-5 7:05')).toBe('2026-01-05 07:05');
    expect(normalizeLocalDateTime('2026-11-23 kl 9')).toBe('2026-11-23 kl 9');
  });

  it('explains a 12-hour time, an hour past 23 and a day-first date', () => {
    expect(dateTimeProblem('2026-11-23 2:30 PM')).toBe(
      'Skriv tiden med 24-timmarsklocka, t.ex. 14:30 (inte 2:30 PM).',
    );
    expect(dateTimeProblem('2026-11-23 10:00 a.m.')).toMatch(/24-timmarsklocka/);
    expect(dateTimeProblem('2026-11-23 25:00')).toBe(
      '25:00 är ingen tid. Skriv 00:00–23:59, t.ex. 14:30.',
    );
    expect(dateTimeProblem('23/11 10:00')).toMatch(/^Skriv året först/);
    expect(dateTimeProblem('2026-02-30 10:00')).toMatch(/^2026-02-30 finns inte/);
    expect(dateTimeProblem('2026-11-23 10:00')).toBeNull();
    // What the form sends for each (the text as typed) gets that message from main.
    const schema = instantInput('Ange när avbrottet började (datum och tid).');
    const sent = instantFromInput('2026-11-23 2:30 PM');
    expect(schema.safeParse(sent).error?.issues[0]?.message).toMatch(/24-timmarsklocka/);
    expect(schema.safeParse(instantFromInput('i morse')).error?.issues[0]?.message).toBe(
      'Ange när avbrottet började (datum och tid).',
    );
  });

  it('turns any typed office time into the instant it names, shown back as typed (property)', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        (parts, hour, minute, compact) => {
          const wall = `${iso(parts)} ${pad(hour)}:${pad(minute)}`;
          const typed = compact
            ? `${parts.y}${pad(parts.m)}${pad(parts.d)}${pad(hour)}${pad(minute)}`
            : `${iso(parts)} ${hour}.${pad(minute)}`;
          expect(normalizeLocalDateTime(typed)).toBe(wall);
          const instant = instantFromInput(typed)!;
          expect(instant).toBe(localToInstant(wall));
          const shown = formatDateTime(instant);
          // Only the spring hour that never happened (02:xx, late March) moves forward.
          if (shown !== wall) expect([parts.m, hour]).toEqual([3, 2]);
          expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/);
        },
      ),
    );
  });

  it('shows times on the 24-hour clock, never with AM/PM (property)', () => {
    expect(localTime('2026-11-23T13:05:00Z')).toBe('14:05');
    expect(formatDateTime('2026-11-23T23:30:00Z')).toBe('2026-11-24 00:30');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (instant) => {
          expect(formatDateTime(instant)).toMatch(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/);
        },
      ),
    );
  });
});
