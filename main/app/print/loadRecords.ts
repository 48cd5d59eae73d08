import type { DataSource } from 'typeorm';
import type { RegisterDefinition } from '../../../shared/registers';
import type { RegisterListFilter } from '../../../shared/registers/schemas';
import { RECORD_PAGE, recordPages } from '../registers/recordPages';
import { tableOf } from '../registers/table';
import type { PrintRecord } from './filledRegister';

/**
 * Every record of a register matching a list's filter, in the list's order, for
 * printing: the screen's own query walked page by page (`recordPages`), so paper shows
 * what the list shows. Adds what printing needs beside the list's columns: a payout's
 * reconciliation.
 */
export async function loadPrintRecords(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: Partial<RegisterListFilter>,
  now: Date,
): Promise<PrintRecord[]> {
  const records: PrintRecord[] = [];
  for await (const page of recordPages(dataSource, definition, filter, now)) {
    records.push(...page);
  }
  return withPrintColumns(dataSource, definition, records);
}

async function withPrintColumns(
  dataSource: DataSource,
  definition: RegisterDefinition,
  records: PrintRecord[],
): Promise<PrintRecord[]> {
  const table = tableOf(definition);
  const columns = new Set(
    (
      (await dataSource.query(`SELECT name FROM pragma_table_info(?)`, [table])) as {
        name: string;
      }[]
    ).map((c) => c.name),
  );
  // Only payouts belong to a reconciliation.
  const extra = ['reconciliation_id'].filter((c) => columns.has(c));
  if (extra.length === 0 || records.length === 0) return records;
  const byId = new Map<string, Record<string, string | null>>();
  // The ids in chunks well below SQLite's limit of bound parameters.
  for (let i = 0; i < records.length; i += RECORD_PAGE) {
    const ids = records.slice(i, i + RECORD_PAGE).map((r) => r.id);
    const rows = (await dataSource.query(
      `SELECT id, ${extra.join(', ')} FROM ${table} WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    )) as Record<string, string | null>[];
    for (const row of rows) byId.set(String(row.id), row);
  }
  return records.map((record) => {
    const row = byId.get(record.id) ?? {};
    return {
      ...record,
      ...(columns.has('reconciliation_id')
        ? { reconciliationId: row.reconciliation_id ?? null }
        : {}),
    };
  });
}

/**
 * How many payouts (not voided) of the periods these records belong to are not among them:
 * what a list's filter (an outage, a person, a search) left out of the printed periods, so
 * the printed sums are the printed rows' and not the account's.
 */
export async function payoutsLeftOut(
  dataSource: DataSource,
  records: readonly PrintRecord[],
): Promise<number> {
  if (records.length === 0) return 0;
  const periods = [...new Set(records.map((r) => r.reconciliationId ?? null))];
  const reconciled = periods.filter((id): id is string => id !== null);
  const open = periods.includes(null);
  const [{ count }] = (await dataSource.query(
    `SELECT count(*) AS count FROM payouts
      WHERE voided_at IS NULL
        AND (reconciliation_id IN (${reconciled.map(() => '?').join(', ')})
             OR (? AND reconciliation_id IS NULL))`,
    [...reconciled, open ? 1 : 0],
  )) as [{ count: number }];
  return count - records.filter((r) => r.voidedAt === null).length;
}
