/**
 * The one place that knows Swedish office time. Dates ("2026-11-22") and wall-clock times
 * ("10:45") are always those of Europe/Stockholm, named explicitly, never the process's
 * or the browser's zone: a laptop set to UTC, a test runner, or the hour after midnight
 * must all see the same office date. Instants are ISO strings in UTC ("…Z") or Dates and
 * are compared as instants, never as strings.
 *
 * Whatever needs "now" takes a Clock, so tests and the demo can place it on any day.
 */
export const OFFICE_TIME_ZONE = 'Europe/Stockholm';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

type Instant = Date | string | number;

const toDate = (instant: Instant): Date => (instant instanceof Date ? instant : new Date(instant));

const officeParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The office's calendar date and wall-clock time of an instant, as parts. */
function parts(instant: Instant): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const ms = toDate(instant).getTime();
  const offset = cachedOffsetMs(ms);
  if (offset === undefined) return intlParts(ms);
  const wall = new Date(Math.floor(ms / 60_000) * 60_000 + offset);
  return {
    year: String(wall.getUTCFullYear()),
    month: two(wall.getUTCMonth() + 1),
    day: two(wall.getUTCDate()),
    hour: two(wall.getUTCHours()),
    minute: two(wall.getUTCMinutes()),
  };
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

function intlParts(ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const found: Record<string, string> = {};
  for (const part of officeParts.formatToParts(new Date(ms))) found[part.type] = part.value;
  return {
    year: found.year!,
    month: found.month!,
    day: found.day!,
    hour: found.hour!,
    minute: found.minute!,
  };
}

/**
 * Intl's formatToParts is slow (some 6 µs a call: 0.6 s of an export of 100 000 records).
 * Since 1980, Sweden's clock has changed only on whole UTC hours (01:00 UTC, EU rules), by
 * whole hours, so within one UTC hour the office's offset is one: asked of Intl once per
 * hour and kept. Instants outside those years (and invalid ones) ask Intl every time.
 */
const offsetByHour = new Map<number, number>();
const CACHED_FROM = Date.UTC(1980, 0, 1);
const CACHED_UNTIL = Date.UTC(2200, 0, 1);
const MAX_CACHED_HOURS = 100_000;

function cachedOffsetMs(ms: number): number | undefined {
  if (!(ms >= CACHED_FROM && ms < CACHED_UNTIL)) return undefined;
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const p = intlParts(hour * HOUR_MS);
    offset = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - hour * HOUR_MS;
    if (offsetByHour.size >= MAX_CACHED_HOURS) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** "2026-11-22": the office's date at that instant. */
export function localDate(instant: Instant): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "10:45": the office's wall-clock time at that instant. */
export function localTime(instant: Instant): string {
  const p = parts(instant);
  return `${p.hour}:${p.minute}`;
}

/** "2026-11-22 10:45" in office time: how every date and time is shown. */
export function formatDateTime(instant: Instant): string {
  return `${localDate(instant)} ${localTime(instant)}`;
}

/** Today's office date by the given clock. */
export const today = (clock: Clock = systemClock): string => localDate(clock());

/** "2026-11-22 10:45": an instant as a date-and-time field shows it, in office time. */
export function instantToLocalInput(instant: Instant | null | undefined): string {
  if (instant === null || instant === undefined || instant === '') return '';
  return formatDateTime(instant);
}

/**
 * The dates a field accepts, always year first, as Swedish offices write them:
 * "2026-11-23", "20261123", "2026 11 23", "2026/11/23", "2026.11.23", and a one-digit
 * month or day between separators ("2026-1-5"). Day-first dates ("23/11", "23.11.2026")
 * are not guessed at: "03/04" is 3 April here and 4 March to an American keyboard habit.
 */
const typedDate = /^(\d{4})(?:(\d{2})(\d{2})|([-./ ])(\d{1,2})\4(\d{1,2}))$/;

/** The date part of a typed date as "ÅÅÅÅ-MM-DD", or null when it is not typed year first. */
function tidyDate(text: string): string | null {
  const match = typedDate.exec(text);
  if (!match) return null;
  const [, y, mo = match[5]!, d = match[6]!] = match;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Tidies a typed date the way people type it: "20261123" or "2026 11 23" becomes
 * "2026-11-23". Anything else is left as typed, for main to explain what is wrong.
 */
export function normalizeLocalDate(text: string): string {
  return tidyDate(text.trim()) ?? text;
}

/**
 * The same for a date and time, on the 24-hour clock: "202611231000", "2026-11-23T10:00",
 * "2026-11-23 9.30" (a dot, as Swedes write times) → "2026-11-23 10:00".
 */
export function normalizeLocalDateTime(text: string): string {
  const match = /^(.+?)(?:[\sT]+|(?<=^\d{8}))(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  const date = match ? tidyDate(match[1]!.trim()) : null;
  if (!match || !date) return text;
  return `${date} ${match[2]!.padStart(2, '0')}:${match[3]}`;
}

/**
 * What is wrong with a typed date, specifically, or null when there is nothing specific
 * to say (then the field's own message, "Ange … som ÅÅÅÅ-MM-DD.", is shown).
 */
export function dateProblem(text: string): string | null {
  const typed = text.trim();
  if (/^\d{1,2}[-./ ]\d{1,2}(?:[-./ ]\d{2,4})?$/.test(typed)) {
    return 'Skriv året först: ÅÅÅÅ-MM-DD, t.ex. 2026-11-23 (dag och månad först kan läsas på två sätt).';
  }
  const date = tidyDate(typed);
  if (date && !isCalendarDate(date)) {
    return `${date} finns inte i kalendern. Kontrollera månad och dag.`;
  }
  return null;
}

/** The same for a typed date and time: a 12-hour time, a day-first date, a time that is not. */
export function dateTimeProblem(text: string): string | null {
  const typed = text.trim();
  if (/\d\s*[ap]\.?\s?m\.?$/i.test(typed)) {
    return 'Skriv tiden med 24-timmarsklocka, t.ex. 14:30 (inte 2:30 PM).';
  }
  const tidy = normalizeLocalDateTime(typed);
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(tidy);
  if (!match) return dateProblem(typed.split(/[\sT]/)[0] ?? typed);
  if (!isCalendarDate(match[1]!))
    return `${match[1]} finns inte i kalendern. Kontrollera månad och dag.`;
  if (Number(match[2]) > 23 || Number(match[3]) > 59) {
    return `${match[2]}:${match[3]} är ingen tid. Skriv 00:00–23:59, t.ex. 14:30.`;
  }
  return null;
}

/**
 * What a date-and-time field sends to main: the instant, or, when it is not a date and
 * time, the text as typed, so main refuses it with its message next to the field instead
 * of the form silently leaving it out. Empty stays empty (undefined).
 */
export function instantFromInput(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return localToInstant(normalizeLocalDateTime(text)) ?? text;
}

const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * Office date and time ("2026-11-22T10:45" or "2026-11-22 10:45"; a bare date is its
 * midnight) to the UTC instant ("2026-11-22T09:45:00.000Z"). Undefined when it is not such
 * a value. In the autumn hour that happens twice, the first (summer-time) one is meant;
 * a spring time that never happened moves forward an hour, as the clocks did. Worked out
 * with Intl alone, so the process's own zone plays no part.
 */
export function localToInstant(value: string): string | undefined {
  const match = localDateTimePattern.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00'] = match;
  // A date that does not exist (2026-02-30) would roll over into the next month.
  if (!isCalendarDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59) return undefined;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  // The zone's offsets half a day either side: one offset, or summer and winter time.
  const before = officeOffsetMs(wall - 12 * HOUR_MS);
  const after = officeOffsetMs(wall + 12 * HOUR_MS);
  const matching = [wall - before, wall - after]
    .filter((instant) => officeWallClock(instant) === wall)
    .sort((a, b) => a - b);
  // No instant shows that wall time (the spring gap): the offset before the change.
  return new Date(matching[0] ?? wall - before).toISOString();
}

const HOUR_MS = 3_600_000;

/**
 * The office's wall clock at an instant, as if it were UTC (milliseconds, to the minute):
 * what `localDate` and `localTime` say together, worked out once.
 */
export function officeWallClock(instant: Instant): number {
  const ms = toDate(instant).getTime();
  const offset = cachedOffsetMs(ms);
  if (offset !== undefined) return Math.floor(ms / 60_000) * 60_000 + offset;
  const p = parts(instant);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
}

/** How far the office's clock is ahead of UTC at an instant (1 or 2 hours in Sweden). */
function officeOffsetMs(instant: number): number {
  return officeWallClock(instant) - Math.floor(instant / 60_000) * 60_000;
}

/** Whether "YYYY-MM-DD" names a day that exists. */
export function isCalendarDate(value: string): boolean {
  const match = calendarDatePattern.exec(value);
  if (!match) return false;
  // Checked by numbers, not by a Date's ISO string: called for every date an export writes.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds from a to b: instants compared as instants, whatever their ISO form. */
export const millisBetween = (a: Instant, b: Instant): number =>
  toDate(b).getTime() - toDate(a).getTime();

export const isBefore = (a: Instant, b: Instant): boolean => millisBetween(a, b) > 0;
export const isAfter = (a: Instant, b: Instant): boolean => millisBetween(a, b) < 0;

/** Whole minutes between two instants (an outage's duration). */
export const minutesBetween = (a: Instant, b: Instant): number =>
  Math.floor(millisBetween(a, b) / 60_000);

/** A calendar date plus n days ("2026-12-31" + 1 = "2027-01-01"); no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export const weekdayOf = (isoDate: string): number => new Date(`${isoDate}T00:00:00Z`).getUTCDay();

/**
 * "3 tim 30 min", "1 dag", "2 dagar 4 tim": how long something has lasted, in Swedish
 * words, to the minute under a day and to the hour beyond.
 */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0) {
    const dayWords = `${days} ${days === 1 ? 'dag' : 'dagar'}`;
    return hours > 0 ? `${dayWords} ${hours} tim` : dayWords;
  }
  if (hours > 0) return rest > 0 ? `${hours} tim ${rest} min` : `${hours} tim`;
  return `${rest} min`;
}

/** "8 sekunder", "2 minuter och 5 sekunder": how long a wait is ("Vänta 8 sekunder"). */
export function waitText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const secondsText = `${rest} ${rest === 1 ? 'sekund' : 'sekunder'}`;
  if (minutes === 0) return secondsText;
  const minutesText = `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;
  return rest === 0 ? minutesText : `${minutesText} och ${secondsText}`;
}
