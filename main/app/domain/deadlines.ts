import { addDays, localDate } from '../../../shared/time';
import { addWorkingDays, sameOrNextWorkingDay } from './workingDays';

export type Law = 'SoL' | 'LSS' | 'HSL';

/**
 * When a journal note made during an outage must be in the social system, counted from
 * the day the outage ended (the Spånga-Tensta plan, 3.4):
 * - HSL: within one week (VODOK): the same weekday a week later, moved to the next
 *   working day if that is a weekend or holiday (lag 1930:173).
 * - SoL and LSS: within ten working days (ParaSoL): the tenth working day after the end,
 *   the first working day after the end being day one.
 * Notes transcribed from paper after the outage count from the same end date.
 */
export function entryDeadline(law: Law, outageEndDate: string): string {
  return law === 'HSL'
    ? sameOrNextWorkingDay(addDays(outageEndDate, 7))
    : addWorkingDays(outageEndDate, 10);
}

/** A deadline is "due soon" from today until two working days ahead (the list's badge). */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * The dates that decide a deadline's status at `now`: before `today` it has passed; from
 * `today` to `dueSoonUntil` it is due soon. Office dates, by the caller's clock.
 */
export function deadlineWindow(now: Date): { today: string; dueSoonUntil: string } {
  const today = localDate(now);
  return { today, dueSoonUntil: addWorkingDays(today, DUE_SOON_WORKING_DAYS) };
}
