import { describe, expect, it } from 'vitest';
import { Throttle, waitText } from '../../main/app/session/throttle';

describe('the attempt throttle', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, 0) + seconds * 1000);

  it('lets two mistakes pass, then doubles the wait from 1 s up to 5 minutes, never more', () => {
    const throttle = new Throttle();
    const waits: number[] = [];
    let t = 0;
    for (let i = 0; i < 14; i++) {
      waits.push(throttle.fail('kalle', at(t)));
      t += waits.at(-1)!; // the next attempt comes as soon as it is allowed
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    expect(throttle.waitSeconds('kalle', at(t - 1))).toBe(1);
    expect(throttle.waitSeconds('kalle', at(t))).toBe(0);
  });

  it('counts each name on its own and forgets after a success or an hour of quiet', () => {
    const throttle = new Throttle();
    for (let i = 0; i < 3; i++) throttle.fail('kalle', at(0));
    expect(throttle.waitSeconds('kalle', at(0))).toBe(1);
    expect(throttle.waitSeconds('maja', at(0))).toBe(0);
    throttle.succeed('kalle');
    expect(throttle.fail('kalle', at(1))).toBe(0);
    throttle.fail('kalle', at(1));
    expect(throttle.fail('kalle', at(2))).toBe(1);
    expect(throttle.fail('kalle', at(2 + 3601))).toBe(0);
  });

  it('reports only the first refusal of each wait', () => {
    const throttle = new Throttle();
    expect(throttle.firstRefusal('kalle', at(0))).toBe(false);
    for (let i = 0; i < 3; i++) throttle.fail('kalle', at(0));
    expect(throttle.firstRefusal('kalle', at(0))).toBe(true);
    expect(throttle.firstRefusal('kalle', at(0))).toBe(false);
    throttle.fail('kalle', at(1));
    expect(throttle.firstRefusal('kalle', at(1))).toBe(true);
    expect(throttle.firstRefusal('kalle', at(2))).toBe(false);
  });

  it('says the wait in Swedish', () => {
    expect(waitText(1)).toBe('1 sekund');
    expect(waitText(8)).toBe('8 sekunder');
    expect(waitText(60)).toBe('1 minut');
    expect(waitText(125)).toBe('2 minuter och 5 sekunder');
  });
});
