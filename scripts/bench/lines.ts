/**
 * One measurement of `npm run bench`, printed as one JSON line: what was measured, its value
 * and unit, the most it may be, and whether it is within that.
 */
export interface BenchLine {
  name: string;
  value: number;
  unit: BenchUnit;
  limit: number;
  ok: boolean;
}

/** Ratios between two runs of the same run, milliseconds, or megabytes (10^6 bytes). */
export type BenchUnit = 'ratio' | 'ms' | 'MB';

const DIGITS: Record<BenchUnit, number> = { ratio: 2, ms: 1, MB: 0 };

/**
 * A measurement against its limit. The value is rounded as printed first, and `ok` is
 * decided on the rounded value, so that a line never reads "2.00 … ok: false". A value
 * that is not a finite number (a run that failed to measure) is never ok.
 */
export function benchLine(name: string, value: number, unit: BenchUnit, limit: number): BenchLine {
  const rounded = Number.isFinite(value) ? Number(value.toFixed(DIGITS[unit])) : Number.NaN;
  return { name, value: rounded, unit, limit, ok: Number.isFinite(rounded) && rounded <= limit };
}

/** The line as printed: the keys in the order, one object, one line. */
export function formatLine(line: BenchLine): string {
  const { name, value, unit, limit, ok } = line;
  // JSON has no NaN: a value that could not be measured is printed as null (and not ok).
  return JSON.stringify({ name, value: Number.isFinite(value) ? value : null, unit, limit, ok });
}

/** The process's exit code: 1 when any line is not ok (or there are none), else 0. */
export function exitCode(lines: readonly BenchLine[]): number {
  return lines.length > 0 && lines.every((line) => line.ok) ? 0 : 1;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds `run` took. */
export async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Two things compared in the same run, robust against a loaded machine: `rounds` times a
 * after b after a…, alternating which goes first, and the ratio of their medians. A slow
 * moment of the machine then falls on both alike, or on one run of several.
 */
export async function interleavedRatio(
  rounds: number,
  measured: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ ratio: number; measured: number; baseline: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      a.push(await measured());
      b.push(await baseline());
    } else {
      b.push(await baseline());
      a.push(await measured());
    }
  }
  return { ratio: median(a) / median(b), measured: median(a), baseline: median(b) };
}
