import { describe, expect, it } from 'vitest';
import {
  benchLine,
  exitCode,
  formatLine,
  interleavedRatio,
  median,
} from '../../scripts/bench/lines';

describe('npm run bench: its lines and its exit code', () => {
  it('prints one JSON object per line with the issue’s keys, in order', () => {
    const line = formatLine(benchLine('save one decision', 2.3456, 'ratio', 4));
    expect(line).not.toContain('\n');
    expect(Object.keys(JSON.parse(line) as object)).toEqual([
      'name',
      'value',
      'unit',
      'limit',
      'ok',
    ]);
    expect(JSON.parse(line)).toEqual({
      name: 'save one decision',
      value: 2.35,
      unit: 'ratio',
      limit: 4,
      ok: true,
    });
  });

  it('is ok up to the limit and not above it, judged on the value as printed', () => {
    expect(benchLine('a', 2, 'ratio', 2).ok).toBe(true);
    expect(benchLine('a', 2.004, 'ratio', 2)).toMatchObject({ value: 2, ok: true });
    expect(benchLine('a', 2.006, 'ratio', 2)).toMatchObject({ value: 2.01, ok: false });
    expect(benchLine('a', 499.96, 'ms', 500)).toMatchObject({ value: 500, ok: true });
    expect(benchLine('a', 500.06, 'ms', 500)).toMatchObject({ value: 500.1, ok: false });
    expect(benchLine('a', 300.4, 'MB', 300)).toMatchObject({ value: 300, ok: true });
    expect(benchLine('a', 300.5, 'MB', 300)).toMatchObject({ value: 301, ok: false });
  });

  it('never calls a value that could not be measured ok, and prints it as null', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const line = benchLine('a', value, 'ms', 500);
      expect(line.ok).toBe(false);
      expect(JSON.parse(formatLine(line))).toMatchObject({ value: null, ok: false });
    }
  });

  it('exits with 1 when any line is not ok, or when there is none', () => {
    const ok = benchLine('a', 1, 'ratio', 2);
    const notOk = benchLine('b', 3, 'ratio', 2);
    expect(exitCode([ok, ok])).toBe(0);
    expect(exitCode([ok, notOk, ok])).toBe(1);
    expect(exitCode([])).toBe(1);
  });

  it('takes medians, odd and even', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('alternates which of the two goes first, and divides the medians', async () => {
    const order: string[] = [];
    const a = [10, 30, 20, 1000];
    const b = [5, 10, 10, 5];
    const { ratio, measured, baseline } = await interleavedRatio(
      4,
      async () => (order.push('a'), a.shift()!),
      async () => (order.push('b'), b.shift()!),
    );
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    expect([measured, baseline, ratio]).toEqual([25, 7.5, 25 / 7.5]);
  });
});
