// The Excel part of `npm run bench`: the registers as a workbook, and the worklist, from an
// encrypted unit of 1 000 and of 10 000 decisions, written to a file with the streaming
// writer. Time, and how far the heap and the process's memory rose while writing: with each
// row committed as it is written, the workbook's memory should not grow with its rows
// (exceljs #1894, #2916 say it can); the worklist holds one person's list to sort it.
// And, first of all, the workbook of 100 000 decisions, once, with the process's peak memory,
// against exceljs's streaming writer writing the same cells directly (issue 9's targets: at
// most twice exceljs's time, at most 300 MB).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { UnitEntity } from '../main/app/db/entities/unitRecord';
import { openUnitDatabase } from '../main/app/db/open';
import { writeEntryWorklist, writeRegisterWorkbook } from '../main/app/export';
import type { ExportActor, ExportRequest } from '../main/app/export';
import { insertBulkDecisions } from './demo/bulk';

const SIZES = [1_000, 10_000] as const;
const REPEAT = 3;
/** The large workbook, written once measured (a run takes seconds, not milliseconds). */
const LARGE = 100_000;
/** The large workbook's targets: its time against exceljs's alone, the process's memory (MB). */
const TARGET = { ratio: 2, peakRssMB: 300 };
const MiB = 1024 * 1024;
const MB = 1_000_000;

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
  /** The highest resident set while writing, above the resident set before. */
  rssMiB: number;
  /** The highest resident set of the process while writing, all of it. */
  peakRssMiB: number;
  fileKiB: number;
}

const actor: ExportActor = {
  id: '00000000-0000-4000-8000-000000000001',
  fullName: 'Bench Bänkström',
  role: 'unitManager',
};
const request: ExportRequest = { actor, now: new Date('2026-11-23T09:00:00.000Z') };

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
     VALUES (?, 'bench', ?, 'BB', 'unitManager', 'x', 1, 't', 't')`,
    [actor.id, actor.fullName],
  );
  const outage = {
    id: '00000000-0000-4000-8000-0000000000aa',
    startsAt: '2026-01-01T00:00:00.000Z',
  };
  await dataSource.query(
    `INSERT INTO outages (id, kind, level, starts_at, created_by_id, created_at, updated_at)
     VALUES (?, 'unplanned', 'II', ?, ?, 't', 't')`,
    [outage.id, outage.startsAt, actor.id],
  );
  insertBulkDecisions(dataSource, size, outage, { ...actor, initials: 'BB' });
  return dataSource;
}

/**
 * A unit of `size` decisions in a folder of its own, removed after `use`. Given to `use` on
 * a fresh connection, as after unlocking, with the garbage of filling it collected: what
 * the export needs is then told apart from what making 100 000 records took.
 */
async function withUnit<T>(
  size: number,
  use: (dataSource: DataSource, dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'reservparm-bench-excel-'));
  try {
    const path = join(dir, 'bench.db');
    await (await unitOf(path, size)).destroy();
    gc();
    const dataSource = await openUnitDatabase(path, 'bench passphrase', { create: false });
    try {
      return await use(dataSource, dir);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    peakRssMiB: rss / MiB,
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
    peakRssMiB: most('peakRssMiB'),
    fileKiB: runs[0]!.fileKiB,
  };
}

/** A written sheet as exceljs reads it back: its setup, and its cells with their styles. */
interface SheetCells {
  name: string;
  properties: Pick<ExcelJS.Worksheet, 'views' | 'pageSetup' | 'headerFooter'>;
  autoFilter: ExcelJS.AutoFilter | undefined;
  widths: (number | undefined)[];
  rows: {
    number: number;
    height: number | undefined;
    values: ExcelJS.CellValue[];
    /** One object per style of the file, shared by its cells, as exceljs reads them. */
    styles: Partial<ExcelJS.Style>[];
  }[];
}

/**
 * Every sheet of a workbook, read back whole with exceljs (its streaming reader gave this
 * file's sheets without their styles and names, which exceljs writes after the sheets), kept
 * as plain arrays and the workbook let go: text as exceljs reads the export's inline strings
 * (rich text of one run), dates as Date, amounts as numbers.
 */
async function readCells(file: string): Promise<SheetCells[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((worksheet) => {
    const rows: SheetCells['rows'] = [];
    worksheet.eachRow((row, number) => {
      const values: ExcelJS.CellValue[] = [];
      const styles: Partial<ExcelJS.Style>[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        values[column - 1] = cell.value;
        styles[column - 1] = cell.style;
      });
      rows.push({ number, height: row.height, values, styles });
    });
    const { views, pageSetup, headerFooter } = worksheet;
    return {
      name: worksheet.name,
      properties: { views, pageSetup, headerFooter },
      autoFilter: worksheet.autoFilter,
      widths: worksheet.columns.map((column) => column.width),
      rows,
    };
  });
}

/** The text of the cells as plain strings (`t="str"`), not the export's inline rich text. */
function asPlainStrings(sheets: SheetCells[]): void {
  for (const { rows } of sheets) {
    for (const row of rows) {
      row.values = row.values.map((value) =>
        value && typeof value === 'object' && 'richText' in value
          ? value.richText.map((run) => run.text).join('')
          : value,
      );
    }
  }
}

/**
 * The baseline: exceljs's streaming writer alone, writing the cells given, sheet by sheet
 * and row by row, each row committed, as a program that had its cells already would. No
 * database, no records, no app logic: what is left is exceljs's own cost for these cells.
 */
async function writeDirectly(sheets: readonly SheetCells[], file: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const { name, properties, autoFilter, widths, rows } of sheets) {
    const sheet = writer.addWorksheet(name, properties);
    sheet.columns = widths.map((width) => ({ width }));
    for (const { number, height, values, styles } of rows) {
      const row = sheet.getRow(number);
      for (let index = 0; index < values.length; index++) {
        const cell = row.getCell(index + 1);
        cell.value = values[index] ?? null;
        cell.style = styles[index] ?? {};
      }
      if (height) row.height = height;
      row.commit();
    }
    if (autoFilter) sheet.autoFilter = autoFilter;
    sheet.commit();
  }
  await writer.commit();
}

/**
 * The workbook of LARGE decisions, ours against exceljs's alone writing the same cells.
 * Ours first, written once unmeasured (warm, as in the app's second export) into
 * `reference`, then measured; first of the whole part, so that its peak memory is the
 * export's on top of what the process holds anyway (Node, tsx, the app's modules, the open
 * database), not also what other runs left in the heap and the allocator.
 */
async function oursLarge(reference: string): Promise<Measured> {
  return withUnit(LARGE, async (dataSource, dir) => {
    await writeRegisterWorkbook(dataSource, request, reference);
    const workbook = join(dir, 'registers.xlsx');
    return measure(workbook, () => writeRegisterWorkbook(dataSource, request, workbook));
  });
}

/**
 * Then, last of the part (reading a workbook whole takes a gigabyte), exceljs's alone: the
 * cells of `reference` read back into memory outside the timed part, then written, which is
 * measured. Ours also reads the encrypted database, pages the records through the list's
 * query and builds each row's cells (dates, kronor, the status words, styles, the rows'
 * heights) on the way, which this does not: the ratio is the whole export's against
 * exceljs's writing alone. Written twice: text as exceljs reads it back, the export's
 * inline rich text of one run (the very same XML as ours), then as plain strings.
 */
async function directLarge(reference: string): Promise<{ direct: Measured; rich: Measured }> {
  const sheets = await readCells(reference);
  const file = join(dirname(reference), 'direct.xlsx');
  const rich = await measure(file, () => writeDirectly(sheets, file));
  asPlainStrings(sheets);
  return { rich, direct: await measure(file, () => writeDirectly(sheets, file)) };
}

export async function benchExcel(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'reservparm-bench-excel-'));
  const reference = join(dir, 'reference.xlsx');
  try {
    const ours = await oursLarge(reference);
    const results = await bySize();
    report(results, { ours, ...(await directLarge(reference)) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The workbook and the worklist of each of SIZES: median time of REPEAT, the most memory. */
async function bySize(): Promise<Record<'workbook' | 'worklist', Measured[]>> {
  const results: Record<'workbook' | 'worklist', Measured[]> = { workbook: [], worklist: [] };
  for (const size of SIZES) {
    await withUnit(size, async (dataSource, dir) => {
      // Once first, unmeasured: code and caches warm, as in the app's second export.
      await writeRegisterWorkbook(dataSource, request, join(dir, 'warm.xlsx'));
      const workbook = join(dir, 'registers.xlsx');
      results.workbook.push(
        await repeated(workbook, () => writeRegisterWorkbook(dataSource, request, workbook)),
      );
      const worklist = join(dir, 'worklist.xlsx');
      results.worklist.push(
        await repeated(worklist, () => writeEntryWorklist(dataSource, request, worklist)),
      );
    });
  }
  return results;
}

function report(
  results: Record<string, Measured[]>,
  large: { ours: Measured; direct: Measured; rich: Measured },
): void {
  console.log(
    `Excel export of ${SIZES[0]} and ${SIZES[1]} decisions (median time of ${REPEAT}, the most ` +
      `memory of them) and of ${LARGE} (once), to a file with the streaming writer; peak RSS ` +
      `is the process's, the ${LARGE} first of all:`,
  );
  const row = (what: string, rows: number, run: Measured) => ({
    export: what,
    rows,
    'time (ms)': run.ms.toFixed(0),
    'heap peak rise (MiB)': run.heapMiB.toFixed(1),
    'heap kept (MiB)': run.keptMiB.toFixed(1),
    'RSS rise (MiB)': run.rssMiB.toFixed(1),
    'peak RSS (MiB)': run.peakRssMiB.toFixed(0),
    'file (KiB)': run.fileKiB.toFixed(0),
  });
  console.table([
    ...Object.entries(results).flatMap(([what, runs]) =>
      runs.map((run, index) => row(what, SIZES[index]!, run)),
    ),
    row('workbook', LARGE, large.ours),
    row('exceljs directly', LARGE, large.direct),
    row('exceljs, inline text', LARGE, large.rich),
  ]);
  for (const [what, [small, big]] of Object.entries(results)) {
    console.log(
      `${what}: time ratio ${SIZES[1]} / ${SIZES[0]}: ${(big!.ms / small!.ms).toFixed(1)} ` +
        `(linear: 10); heap peak rise ${small!.heapMiB.toFixed(1)} → ${big!.heapMiB.toFixed(1)} MiB, ` +
        `heap kept ${small!.keptMiB.toFixed(1)} → ${big!.keptMiB.toFixed(1)} MiB, ` +
        `RSS rise ${small!.rssMiB.toFixed(1)} → ${big!.rssMiB.toFixed(1)} MiB`,
    );
  }
  const { ours, direct, rich } = large;
  const ratio = ours.ms / direct.ms;
  const [peakMB, riseMB] = [ours.peakRssMiB, ours.rssMiB].map((mib) => (mib * MiB) / MB);
  const missed = (ok: boolean) => (ok ? '' : ', MISSED');
  console.log(
    `${LARGE.toLocaleString('sv-SE')} rows: ours ${(ours.ms / 1000).toFixed(1)} s, exceljs ` +
      `directly ${(direct.ms / 1000).toFixed(1)} s, ratio ${ratio.toFixed(2)} ` +
      `(≤ ${TARGET.ratio}${missed(ratio <= TARGET.ratio)}); peak RSS ${peakMB!.toFixed(0)} MB ` +
      `(≤ ${TARGET.peakRssMB} MB${missed(peakMB! <= TARGET.peakRssMB)}), of it a rise of ` +
      `${riseMB!.toFixed(0)} MB while writing`,
  );
  console.log(
    `(exceljs directly writes text as plain strings; writing it as the export does, inline ` +
      `rich text of one run, the very same XML, took ${(rich.ms / 1000).toFixed(1)} s: ratio ` +
      `${(ours.ms / rich.ms).toFixed(2)}. Ours also reads the encrypted database and builds ` +
      `the rows.)`,
  );
}
