import { describe, expect, it } from 'vitest';
import { entryDeadline } from '../../main/app/domain/deadlines';
import { finishedOutageEndDate } from '../../scripts/demo/createDemo';
import { addDays } from '../../shared/time';

describe("the demo's finished outage, placed by the working-day calendar", () => {
  it('has passed HSL deadlines and coming SoL/LSS deadlines on every day of three years', () => {
    for (let day = '2026-01-01'; day <= '2028-12-31'; day = addDays(day, 1)) {
      const end = finishedOutageEndDate(day);
      expect(end < day, day).toBe(true);
      expect(entryDeadline('HSL', end) < day, day).toBe(true);
      expect(entryDeadline('SoL', end) > day, day).toBe(true);
      expect(entryDeadline('LSS', end) > day, day).toBe(true);
    }
  });

  it('leaves time after the outage for the follow-up work the demo dates there', () => {
    // Records are entered three days after the end; that must lie before today.
    expect(finishedOutageEndDate('2026-11-23')).toBe('2026-11-13');
    expect(addDays(finishedOutageEndDate('2026-06-20'), 3) < '2026-06-20').toBe(true);
    expect(addDays(finishedOutageEndDate('2027-01-02'), 3) < '2027-01-02').toBe(true);
  });
});
