import { localDate, type Clock } from '../../shared/time';

/**
 * The renderer's clock follows main's: every status carries main's "now", and the
 * renderer keeps the difference. So a form's default date is the office date main will
 * check it against, in the app, in tests (where main's clock is fixed) and in the demo.
 */
let offsetMs = 0;

export function followMainClock(mainNow: string): void {
  offsetMs = Date.parse(mainNow) - Date.now();
}

export const officeClock: Clock = () => new Date(Date.now() + offsetMs);

/** Today's office date, "2026-11-22". */
export const officeToday = (): string => localDate(officeClock());
