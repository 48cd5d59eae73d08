import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../shared/time';
import { secondWednesday, upcomingPatchWednesdays } from '../../main/app/domain/maintenanceWindows';

/** An office-time moment, whatever the process's zone. */
const at = (local: string) => new Date(localToInstant(local)!);

describe('patch Wednesday', () => {
  it('is the second Wednesday of the month', () => {
    expect(secondWednesday(2026, 11)).toBe('2026-11-11');
    expect(secondWednesday(2026, 12)).toBe('2026-12-09');
    expect(secondWednesday(2027, 9)).toBe('2027-09-08'); // the 1st is a Wednesday
    expect(secondWednesday(2026, 7)).toBe('2026-07-08');
  });

  it('lists the next windows, including today until 10:30', () => {
    const windows = upcomingPatchWednesdays(at('2026-11-22T09:00'), 3);
    expect(windows).toEqual([
      { date: '2026-12-09', from: '10:00', to: '10:30' },
      { date: '2027-01-13', from: '10:00', to: '10:30' },
      { date: '2027-02-10', from: '10:00', to: '10:30' },
    ]);
    expect(upcomingPatchWednesdays(at('2026-12-09T10:15'), 1)[0]!.date).toBe('2026-12-09');
    expect(upcomingPatchWednesdays(at('2026-12-09T10:30'), 1)[0]!.date).toBe('2027-01-13');
  });
});
