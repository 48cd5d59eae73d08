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
import { bulkRatio, importLine, listLines, saveRatio } from './bench/parts';
import { createBenchUnit } from './bench/units';

const lines: BenchLine[] = [];
const report = (...measured: BenchLine[]) => {
  for (const line of measured) {
    lines.push(line);
    console.log(formatLine(line));
  }
};

const dir = mkdtempSync(join(tmpdir(), 'reservparm-bench-'));
try {
  const emptyUnit = join(dir, 'empty.db');
  await createBenchUnit(emptyUnit, 0);
  const largeUnit = join(dir, 'large.db');
  await createBenchUnit(largeUnit, 100_000);

  report(await saveRatio(dir));
  report(await bulkRatio(dir, emptyUnit));

  // Each open in a fresh process: nothing of the database cached in it.
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) opens.push(await runChild<number>('open', largeUnit));
  report(benchLine('open 100 000 decisions and read the overview', median(opens), 'ms', 500));

  report(...(await listLines(largeUnit)));

  const excel = await runChild<{ ratio: number }>('excelRatio', largeUnit, dir);
  report(
    benchLine('Excel workbook 100 000 rows: ours / exceljs same cells', excel.ratio, 'ratio', 2),
  );
  const peak = await runExportMemory(largeUnit, dir);
  report(benchLine('Excel workbook 100 000 rows: peak memory of the process', peak, 'MB', 300));

  report(await printRatio());
  report(await importLine(dir));
} catch (error) {
  // A part that fails is a line that is not ok, and the run says why.
  console.error(error);
  report(benchLine('bench run completed', Number.NaN, 'ms', 0));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode(lines);
