import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduledBackupDue } from '../../main/app/backup/backupSchedule';
import { outageWithoutBackup } from '../../main/app/backup/backupService';
import { lowBatteryStep } from '../../main/app/backup/lowBattery';
import { backupAgeText } from '../../shared/backup';

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00.000Z`);

describe('when the schedule makes a backup', () => {
  const due = (now: string, last: { at: string; outageId: string } | null, active = 'A') =>
    scheduledBackupDue({
      now: at(now),
      activeOutageId: active,
      last: last && { at: at(last.at), outageId: last.outageId },
      intervalMinutes: 10,
    });

  it('never without an active outage', () => {
    expect(
      scheduledBackupDue({
        now: at('10:00'),
        activeOutageId: null,
        last: null,
        intervalMinutes: 10,
      }),
    ).toBe(false);
  });

  it('at once when an outage is new to it, then each interval after the last attempt', () => {
    expect(due('10:00', null)).toBe(true);
    expect(due('10:09', { at: '10:00', outageId: 'A' })).toBe(false);
    expect(due('10:10', { at: '10:00', outageId: 'A' })).toBe(true);
    expect(due('10:01', { at: '10:00', outageId: 'B' })).toBe(true);
  });

  it('at once when the clock was set back', () => {
    expect(due('09:30', { at: '10:00', outageId: 'A' })).toBe(true);
  });

  it('follows the interval it is given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 240 }),
        fc.integer({ min: 0, max: 600 }),
        (interval, minutes) => {
          const last = { at: at('10:00'), outageId: 'A' };
          const now = new Date(last.at.getTime() + minutes * 60_000);
          expect(
            scheduledBackupDue({ now, activeOutageId: 'A', last, intervalMinutes: interval }),
          ).toBe(minutes >= interval);
        },
      ),
    );
  });
});

describe('the low-battery backup', () => {
  it('is made once when the battery runs below 20 % on battery, not again until it recovers', () => {
    let low = false;
    const step = (level: number | null, onBattery: boolean) => {
      const next = lowBatteryStep(low, { level, onBattery });
      low = next.low;
      return next.backUp;
    };
    expect(step(0.5, true)).toBe(false);
    expect(step(0.19, true)).toBe(true);
    expect(step(0.1, true)).toBe(false);
    expect(step(0.1, false)).toBe(false); // plugged in
    expect(step(0.1, true)).toBe(true); // unplugged again while low: a new crossing
    expect(step(0.2, true)).toBe(false); // 20 % is not below 20 %
    expect(step(null, true)).toBe(false); // no level known
  });

  it('backs up exactly on the steps into "low" (any sequence of readings)', () => {
    const reading = fc.record({
      level: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      onBattery: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(reading, { maxLength: 40 }), (readings) => {
        let low = false;
        for (const r of readings) {
          const isLow = r.onBattery && r.level !== null && r.level < 0.2;
          const next = lowBatteryStep(low, r);
          expect(next).toEqual({ low: isLow, backUp: isLow && !low });
          low = next.low;
        }
      }),
    );
  });
});

describe('the overview warning "no backup during the outage"', () => {
  it('waits two minutes into the outage, then wants a backup made since it began', () => {
    expect(outageWithoutBackup(at('10:00'), null, at('10:01'))).toBe(false);
    expect(outageWithoutBackup(at('10:00'), null, at('10:02'))).toBe(true);
    expect(outageWithoutBackup(at('10:00'), at('09:59'), at('10:05'))).toBe(true);
    expect(outageWithoutBackup(at('10:00'), at('10:01'), at('10:05'))).toBe(false);
  });
});

describe('how long ago, in Swedish', () => {
  it('says minutes, hours and days as people do', () => {
    const made = at('10:00');
    const after = (minutes: number) =>
      backupAgeText(made, new Date(made.getTime() + minutes * 60_000));
    expect(after(0.5)).toBe('alldeles nyss');
    expect(after(1)).toBe('för 1 minut sedan');
    expect(after(12)).toBe('för 12 minuter sedan');
    expect(after(60)).toBe('för 1 timme sedan');
    expect(after(150)).toBe('för 2 timmar sedan');
    expect(after(24 * 60)).toBe('för 1 dag sedan');
    expect(after(3 * 24 * 60 + 5)).toBe('för 3 dagar sedan');
  });
});
