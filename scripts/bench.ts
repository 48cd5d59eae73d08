// npm run bench: the issue 11 benchmark. Prints one JSON object per line,
// {"name", "value", "unit", "limit", "ok"}, all measured in this one run, and exits with 1
// if any is not ok. Ratios compare two things measured alternately in this run (robust
// against a busy machine); times in milliseconds are absolute, with limits chosen for what
// a person waits for (see each part). Not part of `npm test`: it takes minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printRatio } from './benchPrint';
import { runChild, runExportMemory } from './bench/child';
import { benchLine, exitCode, formatLine, median, type BenchLine } from './bench/lines';
import { backupLine, bulkRatio, importLine, listLines, saveRatio } from './bench/parts';
import { createBenchUnit } from './bench/units';

const lines: BenchLine[] = [];

/**
 * Measures one part and prints its lines as they come. A part that fails prints a line
 * named after it that is not ok (its value null), says why on stderr, and the run goes on.
 */
async function part(name: string, measure: () => Promise<BenchLine | BenchLine[]>) {
  let measured: BenchLine[];
  try {
    measured = [await measure()].flat();
  } catch (error) {
    console.error(`bench: ${name} failed:`, error);
    measured = [benchLine(`${name} (failed)`, Number.NaN, 'ms', 0)];
  }
  for (const line of measured) {
    lines.push(line);
    console.log(formatLine(line));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'reservparm-bench-'));
try {
  const emptyUnit = join(dir, 'empty.db');
  await createBenchUnit(emptyUnit, 0);
  const largeUnit = join(dir, 'large.db');
  await createBenchUnit(largeUnit, 100_000);

  await part('save one decision', () => saveRatio(dir));
  await part('bulk insert', () => bulkRatio(dir, emptyUnit));
  await part('open and overview', async () => {
    // Each open in a fresh process: nothing of the database cached in it.
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) opens.push(await runChild<number>('open', largeUnit));
    return benchLine('open 100 000 decisions and read the overview', median(opens), 'ms', 500);
  });
  await part('open after a crash', async () => {
    // After a crash the whole file is read and checked before anything is written to it
    // (open.ts, probeExisting): the one slow unlock, limit chosen here. Once, after a crash,
    // a person may wait as long as a restart of the laptop's other programs takes: 3 s.
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) opens.push(await runChild<number>('openAfterCrash', largeUnit));
    return benchLine(
      'open 100 000 decisions after a crash (full check) and read the overview',
      median(opens),
      'ms',
      3_000,
    );
  });
  await part('list', () => listLines(largeUnit));
  await part('Excel ratio', async () => {
    const { ratio } = await runChild<{ ratio: number }>('excelRatio', largeUnit, dir);
    return benchLine(
      'Excel workbook 100 000 rows: ours / exceljs writing the same cells',
      ratio,
      'ratio',
      2,
    );
  });
  await part('Excel memory', async () => {
    const peak = await runExportMemory(largeUnit, dir);
    return benchLine('Excel workbook 100 000 rows: peak memory of the process', peak, 'MB', 300);
  });
  await part('PDF ratio', printRatio);
  await part('import', () => importLine(dir));
  await part('backup', () => backupLine(dir, largeUnit));
} catch (error) {
  // Making the units failed: nothing could be measured.
  console.error(error);
  lines.push(benchLine('bench units made', Number.NaN, 'ms', 0));
  console.log(formatLine(lines.at(-1)!));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode(lines);
