import { localDate, localTime } from '../../../shared/time';

/**
 * Söderköping's IT patches every second Wednesday of the month, 10:00–10:30
 * ("patchonsdag"). Windows are local dates and times: they are a rule of the office
 * clock, not instants.
 */
export interface MaintenanceWindow {
  date: string;
  from: string;
  to: string;
}

export function secondWednesday(year: number, month: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (3 - first.getUTCDay() + 7) % 7;
  const day = 1 + offset + 7;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The next `count` patch Wednesdays whose window has not ended at `now` (office time). */
export function upcomingPatchWednesdays(now: Date, count: number): MaintenanceWindow[] {
  const today = localDate(now);
  const timeNow = localTime(now);
  const windows: MaintenanceWindow[] = [];
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  while (windows.length < count) {
    const date = secondWednesday(year, month);
    if (date > today || (date === today && timeNow < '10:30')) {
      windows.push({ date, from: '10:00', to: '10:30' });
    }
    month = (month % 12) + 1;
    if (month === 1) year++;
  }
  return windows;
}
