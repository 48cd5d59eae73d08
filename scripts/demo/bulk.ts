import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { connectionOf } from '../../main/app/db/open';
import type { SqliteConnection } from '../../main/app/db/sqlite';
import { nameColumns } from '../../main/app/registers/table';
import { fictitiousClient } from './clients';
import { demoValues } from './casework';
import { seededRandom } from './random';

/** One decision's column values, in the order of `BULK_INSERT`'s placeholders. */
export type BulkRow = readonly (string | number)[];

/** The columns a bulk decision fills: what the service writes for a new record. */
export const BULK_INSERT = `INSERT INTO decisions (id, outage_id, client_name, client_fold, client_sort,
    personnummer, reserve_identity, transcribed_from_paper, created_by_id, created_by_name,
    created_at, updated_at, purpose, case_worker, decision_maker, decision_date)
  VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * `count` fictitious decisions as rows for `BULK_INSERT`, one a second from the outage's
 * start, the same for the same count (seeded): made apart from inserting them, so that a
 * benchmark can time the inserts alone.
 */
export function bulkDecisionRows(
  count: number,
  outage: { id: string; startsAt: string },
  author: { id: string; fullName: string; initials: string },
): BulkRow[] {
  const random = seededRandom(count);
  const start = Date.parse(outage.startsAt);
  const rows: BulkRow[] = [];
  for (let i = 0; i < count; i++) {
    const client = fictitiousClient(random);
    const at = new Date(start + i * 1000);
    const values = demoValues('decisions', random, at, author);
    const names = nameColumns(client.name);
    rows.push([
      randomUUID(),
      outage.id,
      client.name,
      names.client_fold,
      names.client_sort,
      client.personnummer.replace('-', ''),
      author.id,
      author.fullName,
      at.toISOString(),
      at.toISOString(),
      String(values.purpose),
      String(values.caseWorker),
      String(values.decisionMaker),
      String(values.decisionDate),
    ]);
  }
  return rows;
}

/** Inserts the rows in one transaction, with one prepared statement. */
export function insertBulkRows(db: SqliteConnection, rows: readonly BulkRow[]): void {
  const insert = db.prepare(BULK_INSERT);
  db.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
}

/**
 * Load-test data only: inserts `count` decisions straight into the table in one
 * transaction, bypassing the services and the audit log (but writing the name's search
 * and sort columns as the service does), to see how the lists behave
 * with a register the size of a large unit's. Never used for practice data.
 */
export function insertBulkDecisions(
  dataSource: DataSource,
  count: number,
  outage: { id: string; startsAt: string },
  author: { id: string; fullName: string; initials: string },
): void {
  insertBulkRows(connectionOf(dataSource), bulkDecisionRows(count, outage, author));
}
