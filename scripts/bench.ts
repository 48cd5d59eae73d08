// npm run bench: how the register queries, printing and the Excel export scale, as ratios between a small and a large
// register measured in the same run (absolute times depend on the machine).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openUnitDatabase } from '../main/app/db/open';
import { listRecords, summarizeRegisters } from '../main/app/registers/registerQueries';
import { registers } from '../shared/registers';
import { registerListInput } from '../shared/registers/schemas';
import { benchExcel } from './benchExcel';
import { benchPrint } from './benchPrint';
import { insertBulkDecisions } from './demo/bulk';

const SIZES = [1_000, 100_000];
const REPEAT = 5;

async function measure(size: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'reservparm-bench-'));
  try {
    const path = join(dir, 'bench.db');
    const setup = await openUnitDatabase(path, 'bench passphrase', { create: true });
    await setup.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u', 'bench', 'Bench', 'BB', 'caseWorker', 'x', 1, 't', 't')`,
    );
    const outage = { id: 'o', startsAt: '2026-01-01T00:00:00.000Z' };
    await setup.query(
      `INSERT INTO outages (id, kind, level, starts_at, created_by_id, created_at, updated_at)
       VALUES ('o', 'unplanned', 'II', ?, 'u', 't', 't')`,
      [outage.startsAt],
    );
    insertBulkDecisions(setup, size, outage, { id: 'u', fullName: 'Bench', initials: 'BB' });
    const [middle] = (await setup.query(
      `SELECT personnummer, client_name FROM decisions LIMIT 1 OFFSET ?`,
      [Math.floor(size / 2)],
    )) as [{ personnummer: string; client_name: string }];
    const { personnummer, client_name: name } = middle;
    await setup.destroy();

    // A fresh connection, as after unlocking: nothing cached.
    const dataSource = await openUnitDatabase(path, 'bench passphrase', { create: false });
    const list = (filter: object) =>
      listRecords(
        dataSource,
        registers.decisions,
        registerListInput.parse({ limit: 100, ...filter }),
        new Date(),
      );
    // The cursor a person reaches by scrolling 90 % down the list (page 900 of 1 000 at
    // 100 000 rows), taken once here and not measured.
    const deepRow = Math.floor((size * 0.9) / 100) * 100 - 1;
    const deep = async (filter: object) =>
      (await list({ ...filter, offset: deepRow, limit: 1, withTotal: false })).endCursor!;
    const newestDeep = await deep({});
    const byNameDeep = await deep({ sort: 'clientName', direction: 'asc' });
    const cases: Record<string, () => Promise<unknown>> = {
      'open list (first page + count)': () => list({}),
      'first page, no count': () => list({ withTotal: false }),
      'deep page, keyset (90 % down)': () => list({ after: newestDeep, withTotal: false }),
      'deep page upward, keyset': () => list({ before: newestDeep, withTotal: false }),
      'jump by offset to the middle': () =>
        list({ offset: Math.floor(size / 2), withTotal: false }),
      'search personnummer': () => list({ search: personnummer }),
      'search name "ström" (+ count)': () => list({ search: 'ström' }),
      'search name "örjan" (+ count)': () => list({ search: 'örjan' }),
      'search name "STRÖM", no count': () => list({ search: 'STRÖM', withTotal: false }),
      'search name "ö", 1 letter (+ count)': () => list({ search: 'ö' }),
      'search name "ö", 1 letter, no count': () => list({ search: 'ö', withTotal: false }),
      'search name, 4 letters of a surname': () =>
        list({ search: name.split(' ')[1]!.slice(0, 4) }),
      'sort by name A–Ö (+ count)': () => list({ sort: 'clientName', direction: 'asc' }),
      'sort by name, deep page, keyset': () =>
        list({ sort: 'clientName', direction: 'asc', after: byNameDeep, withTotal: false }),
      'overview summary': () => summarizeRegisters(dataSource, new Date(), 'unitManager'),
    };
    const result: Record<string, number> = {};
    for (const [label, run] of Object.entries(cases)) {
      await run();
      const times: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      result[label] = times.sort((a, b) => a - b)[Math.floor(REPEAT / 2)]!;
    }
    await dataSource.destroy();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npm run bench -- print`, `-- queries` or `-- excel` runs one part only.
const only = process.argv[2];
const runs = (part: string) => only === undefined || only === part;
if (runs('queries')) {
  const [small, large] = [await measure(SIZES[0]!), await measure(SIZES[1]!)];
  console.log(`Register queries, median of ${REPEAT}, ${SIZES[0]} vs ${SIZES[1]} decisions:`);
  console.table(
    Object.keys(small!).map((label) => ({
      query: label,
      [`${SIZES[0]} (ms)`]: small![label]!.toFixed(1),
      [`${SIZES[1]} (ms)`]: large![label]!.toFixed(1),
      ratio: (large![label]! / small![label]!).toFixed(1),
    })),
  );
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}
if (runs('print')) await benchPrint();
if (runs('excel')) await benchExcel();
