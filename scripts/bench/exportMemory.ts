// The Excel export's peak memory, run by `npm run bench` in a process of its own, from a
// bundle built as the app's main process is built (scripts/build.mjs: esbuild, CommonJS,
// packages from node_modules): so that what is measured is the export as the app runs it,
// not tsx compiling TypeScript in memory (some 130 MB of a tsx process before it does
// anything). Prints the peak resident set, in MB (10^6 bytes).
import { join } from 'node:path';
import { closeUnitDatabase, openUnitDatabase } from '../../main/app/db/open';
import { writeRegisterWorkbook } from '../../main/app/export';
import { BENCH_PASSPHRASE, benchActor, benchNow } from './units';

/**
 * The export of the unit at `dbPath`, written twice (the first cold, as after unlocking;
 * the second as the app's next export, with what the first left behind), in a process that
 * has done nothing else but open the unit: its peak resident set, as the kernel counted it.
 */
export async function exportPeakMemory(dbPath: string, dir: string): Promise<number> {
  const dataSource = await openUnitDatabase(dbPath, BENCH_PASSPHRASE, { create: false });
  try {
    for (let i = 0; i < 2; i++) {
      await writeRegisterWorkbook(
        dataSource,
        { actor: benchActor, now: benchNow },
        join(dir, `memory-${i}.xlsx`),
      );
    }
  } finally {
    await closeUnitDatabase(dataSource);
  }
  // maxRSS is in KiB.
  return (process.resourceUsage().maxRSS * 1024) / 1_000_000;
}
