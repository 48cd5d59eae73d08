import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDateTime,
  instantFromInput,
  instantToLocalInput,
  isBefore,
  isCalendarDate,
  localDate,
  localTime,
  localToInstant,
  minutesBetween,
  normalizeLocalDate,
  normalizeLocalDateTime,
  officeWallClock,
  today,
} from '../../shared/time';

describe('the office time module (Europe/Stockholm, whatever the process zone)', () => {
  it('gives the Swedish date just after midnight, when UTC is still on yesterday', () => {
    // 00:30 in Stockholm in winter is 23:30 UTC the day before.
    expect(localDate('2026-11-22T23:30:00.000Z')).toBe('2026-11-23');
    expect(localTime('2026-11-22T23:30:00.000Z')).toBe('00:30');
    // Summer time: UTC+2.
    expect(formatDateTime('2026-06-19T22:15:00.000Z')).toBe('2026-06-20 00:15');
    expect(today(() => new Date('2026-12-31T23:00:00.000Z'))).toBe('2027-01-01');
  });

  it('turns office date and time into the instant, across both clock changes', () => {
    expect(localToInstant('2026-11-23T10:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(localToInstant('2026-07-01 10:00')).toBe('2026-07-01T08:00:00.000Z');
    expect(localToInstant('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(localToInstant('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 never happened on 29 March: the clocks went from 02:00 to 03:00.
    expect(localDate(localToInstant('2026-03-29T02:30')!)).toBe('2026-03-29');
    // 02:30 happened twice on 25 October; the first (summer time) is meant.
    expect(localToInstant('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(localToInstant('2028-02-29')).toBe('2028-02-28T23:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of [
      '',
      '2026-02-30T10:00',
      '2027-02-29',
      '2026-11-23T24:00',
      'i går',
      '23/11/2026',
    ]) {
      expect(localToInstant(bad), bad).toBeUndefined();
    }
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('round-trips what a date-and-time field shows', () => {
    for (const local of ['2026-11-23 00:30', '2026-06-20 23:59', '2027-01-02 12:00']) {
      expect(instantToLocalInput(localToInstant(local)!)).toBe(local);
    }
    expect(instantToLocalInput(null)).toBe('');
  });

  it('tidies dates and times typed the way people type them', () => {
    expect(normalizeLocalDate('20261123')).toBe('2026-11-23');
    expect(normalizeLocalDate(' 2026 11 23 ')).toBe('2026-11-23');
    expect(normalizeLocalDate('23/11/2026')).toBe('23/11/2026');
    expect(normalizeLocalDateTime('202611230930')).toBe('2026-11-23 09:30');
    expect(normalizeLocalDateTime('2026-11-23T9:30')).toBe('2026-11-23 09:30');
    expect(normalizeLocalDateTime('2026-11-23 kl 9')).toBe('2026-11-23 kl 9');
  });

  it('sends a date-and-time field as the instant, or as typed when it is not one', () => {
    expect(instantFromInput('2026-11-23 10:00')).toBe('2026-11-23T09:00:00.000Z');
    expect(instantFromInput('202611231000')).toBe('2026-11-23T09:00:00.000Z');
    // Main refuses it with its message at the field; nothing is silently left out.
    expect(instantFromInput('i morse')).toBe('i morse');
    expect(instantFromInput('  ')).toBeUndefined();
  });

  it('compares instants as instants, whatever their ISO form', () => {
    // As strings "…T10:00Z" sorts after "…T09:59:59.999Z" but also after "…T10:00:00.000Z".
    expect(isBefore('2026-11-23T09:00:00+01:00', '2026-11-23T08:30:00Z')).toBe(true);
    expect(isBefore('2026-11-23T10:00Z', '2026-11-23T10:00:00.000Z')).toBe(false);
    expect(minutesBetween('2026-11-23T10:00Z', '2026-11-24T11:30:00.000Z')).toBe(1530);
  });

  it('adds calendar days over month, year and leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('the office clock kept per UTC hour (a faster path for exports)', () => {
  const intl = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const byIntl = (ms: number) => intl.format(new Date(ms)).replace(',', '');

  it('says what Intl says, minute by minute around every change of the clocks 1980–2040', () => {
    for (let year = 1980; year <= 2040; year++) {
      // Around the ends of March and October (and April, September 1980s rules): 12 days each.
      for (const month of [2, 3, 8, 9, 10]) {
        const start = Date.UTC(year, month, month === 3 ? 1 : 20);
        for (let ms = start; ms < start + 12 * 24 * 3_600_000; ms += 29 * 60_000 + 1_234) {
          expect(formatDateTime(ms), new Date(ms).toISOString()).toBe(byIntl(ms));
        }
      }
    }
  });

  it('says what Intl says before 1980 and far ahead, where it asks Intl each time', () => {
    for (const iso of ['1900-06-01T12:34:56Z', '1949-10-02T01:30:00Z', '2300-07-01T22:59:00Z']) {
      expect(formatDateTime(iso)).toBe(byIntl(Date.parse(iso)));
    }
  });
});

describe('isCalendarDate, checked by numbers', () => {
  it('agrees with a Date round trip for every day of leap and common years, and beyond', () => {
    const roundTrip = (value: string) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    };
    for (const year of ['0000', '1900', '2000', '2024', '2026', '2100', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(value), value).toBe(roundTrip(value));
        }
      }
    }
  });
});

describe('officeWallClock, kept per UTC hour', () => {
  it('is what the office date and time say, written as UTC, across a change of the clocks', () => {
    const start = Date.parse('2026-10-24T20:00:00Z');
    for (let ms = start; ms < start + 2 * 24 * 3_600_000; ms += 7 * 60_000 + 999) {
      const [date, time] = formatDateTime(ms).split(' ');
      expect(officeWallClock(ms)).toBe(Date.parse(`${date}T${time}:00Z`));
    }
  });
});
