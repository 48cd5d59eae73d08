import Holidays from 'date-holidays';
import { addDays, weekdayOf } from '../../../shared/time';

/**
 * Working days for Swedish deadlines: Monday–Friday except public holidays and the eves
 * that the deadline law (lag 1930:173) treats like holidays: midsommarafton, julafton and
 * nyårsafton. date-holidays types exactly those three as 'bank' for SE, the rest of the
 * days off as 'public'. Dates are ISO "YYYY-MM-DD" strings throughout.
 */
const swedishHolidays = new Holidays('SE');
const daysOffByYear = new Map<number, Set<string>>();

function daysOff(year: number): Set<string> {
  let days = daysOffByYear.get(year);
  if (!days) {
    days = new Set(
      swedishHolidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    daysOffByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(iso: string): boolean {
  const weekday = weekdayOf(iso);
  if (weekday === 0 || weekday === 6) return false;
  return !daysOff(Number(iso.slice(0, 4))).has(iso);
}

/** The first working day strictly after the given day. */
export function nextWorkingDay(iso: string): string {
  let day = addDays(iso, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The given day if it is a working day, else the next one (lag 1930:173 § 2). */
export function sameOrNextWorkingDay(iso: string): string {
  return isWorkingDay(iso) ? iso : nextWorkingDay(iso);
}

/** The n-th working day after the given day: n = 1 is the first working day after it. */
export function addWorkingDays(iso: string, n: number): string {
  let day = iso;
  for (let i = 0; i < n; i++) day = nextWorkingDay(day);
  return day;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative if `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  if (to === from) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count * sign;
}
