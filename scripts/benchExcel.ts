// The Excel part of `npm run bench`: the registers as a workbook, and the worklist, from an
// encrypted unit of 1 000 and of 10 000 decisions, written to a file with the streaming
// writer. Time, and how far the heap and the process's memory rose while writing: with each
// row committed as it is written, the workbook's memory should not grow with its rows
// (exceljs #1894, #2916 say it can); the worklist holds one person's list to sort it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataSource } from 'typeorm';
import { UnitEntity } from '../main/app/db/entities/unitRecord';
import { openUnitDatabase } from '../main/app/db/open';
import { writeEntryWorklist, writeRegisterWorkbook } from '../main/app/export';
import type { ExportActor } from '../main/app/export';
import { insertBulkDecisions } from './demo/bulk';

const SIZES = [1_000, 10_000] as const;
const REPEAT = 3;
const MiB = 1024 * 1024;

// A full collection before and after each run, so that what the export kept is told apart
// from garbage not yet collected (`npm run bench` has no --expose-gc of its own).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Measured {
  ms: number;
  /** The highest heap while writing, above the heap before. */
  heapMiB: number;
  /** The heap after writing and a full collection, above the heap before: what stayed. */
  keptMiB: number;
  rssMiB: number;
  fileKiB: number;
}

async function unitOf(path: string, size: number): Promise<DataSource> {
  const dataSource = await openUnitDatabase(path, 'bench passphrase', { create: true });
  await dataSource.getRepository(UnitEntity).insert({
    id: 1,
    name: 'Enhet Bänk',
    department: 'Socialförvaltningen',
    autoLockMinutes: 10,
    patchWednesday: false,
    cardProvider: 'ICA',
    payoutLimitOre: 7_500_000,
    payoutWarningOre: 6_000_000,
    payoutStrongWarningOre: 7_000_000,
    referencePrefix: 'EB',
    localRoutinesJson: null,
    createdAt: 't',
    updatedAt: 't',
  });
  await dataSource.query(
    `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
     VALUES ('00000000-0000-4000-8000-000000000001', 'bench', 'Bench Bänkström', 'BB', 'unitManager', 'x', 1, 't', 't')`,
  );
  const outage = {
    id: '00000000-0000-4000-8000-0000000000aa',
    startsAt: '2026-01-01T00:00:00.000Z',
  };
  await dataSource.query(
    `INSERT INTO outages (id, kind, level, starts_at, created_by_id, created_at, updated_at)
     VALUES (?, 'unplanned', 'II', ?, '00000000-0000-4000-8000-000000000001', 't', 't')`,
    [outage.id, outage.startsAt],
  );
  insertBulkDecisions(dataSource, size, outage, {
    id: '00000000-0000-4000-8000-000000000001',
    fullName: 'Bench Bänkström',
    initials: 'BB',
  });
  return dataSource;
}

/** Runs `write` and samples the heap and the resident set while it runs. */
async function measure(file: string, write: () => Promise<unknown>): Promise<Measured> {
  gc();
  const before = process.memoryUsage();
  let heap = before.heapUsed;
  let rss = before.rss;
  const sample = () => {
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed);
    rss = Math.max(rss, now.rss);
  };
  const timer = setInterval(sample, 10);
  const start = performance.now();
  await write();
  const ms = performance.now() - start;
  clearInterval(timer);
  sample();
  gc();
  return {
    ms,
    heapMiB: (heap - before.heapUsed) / MiB,
    keptMiB: (process.memoryUsage().heapUsed - before.heapUsed) / MiB,
    rssMiB: (rss - before.rss) / MiB,
    fileKiB: statSync(file).size / 1024,
  };
}

/** The median time of REPEAT runs, and the most memory any of them took. */
async function repeated(file: string, write: () => Promise<unknown>): Promise<Measured> {
  const runs: Measured[] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await measure(file, write));
  const most = (key: keyof Measured) => Math.max(...runs.map((run) => run[key]));
  return {
    ms: runs.map((run) => run.ms).sort((a, b) => a - b)[Math.floor(REPEAT / 2)]!,
    heapMiB: most('heapMiB'),
    keptMiB: most('keptMiB'),
    rssMiB: most('rssMiB'),
    fileKiB: runs[0]!.fileKiB,
  };
}

export async function benchExcel(): Promise<void> {
  const results: Record<string, Measured[]> = { workbook: [], worklist: [] };
  for (const size of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), 'reservparm-bench-excel-'));
    try {
      const dataSource = await unitOf(join(dir, 'bench.db'), size);
      const actor: ExportActor = {
        id: '00000000-0000-4000-8000-000000000001',
        fullName: 'Bench Bänkström',
        role: 'unitManager',
      };
      const now = new Date('2026-11-23T09:00:00.000Z');
      // Once first, unmeasured: code and caches warm, as in the app's second export.
      await writeRegisterWorkbook(dataSource, { actor, now }, join(dir, 'warm.xlsx'));
      const workbook = join(dir, 'registers.xlsx');
      results.workbook!.push(
        await repeated(workbook, () => writeRegisterWorkbook(dataSource, { actor, now }, workbook)),
      );
      const worklist = join(dir, 'worklist.xlsx');
      results.worklist!.push(
        await repeated(worklist, () => writeEntryWorklist(dataSource, { actor, now }, worklist)),
      );
      await dataSource.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `Excel export of ${SIZES[0]} and ${SIZES[1]} decisions to a file (streaming writer), ` +
      `median time of ${REPEAT}, the most memory of them:`,
  );
  console.table(
    Object.entries(results).flatMap(([what, runs]) =>
      runs.map((run, index) => ({
        export: what,
        rows: SIZES[index],
        'time (ms)': run.ms.toFixed(0),
        'heap peak rise (MiB)': run.heapMiB.toFixed(1),
        'heap kept (MiB)': run.keptMiB.toFixed(1),
        'RSS rise (MiB)': run.rssMiB.toFixed(1),
        'file (KiB)': run.fileKiB.toFixed(0),
      })),
    ),
  );
  for (const [what, [small, large]] of Object.entries(results)) {
    console.log(
      `${what}: time ratio ${SIZES[1]} / ${SIZES[0]}: ${(large!.ms / small!.ms).toFixed(1)} ` +
        `(linear: 10); heap peak rise ${small!.heapMiB.toFixed(1)} → ${large!.heapMiB.toFixed(1)} MiB, ` +
        `heap kept ${small!.keptMiB.toFixed(1)} → ${large!.keptMiB.toFixed(1)} MiB, ` +
        `RSS rise ${small!.rssMiB.toFixed(1)} → ${large!.rssMiB.toFixed(1)} MiB`,
    );
  }
}
