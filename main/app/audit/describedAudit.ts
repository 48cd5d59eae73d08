import type { DataSource } from 'typeorm';
import { describeAuditEntry, type DescribeContext } from '../../../shared/audit/describe';
import type { AuditFilter, DescribedAuditEntry } from '../../../shared/audit/entry';
import { registerKeys, registers, type RegisterKey } from '../../../shared/registers';
import { tableOf } from '../registers/table';
import { outageLabel } from '../transfer/outageLabel';
import { getUnit } from '../unit/unitService';
import type { AuditRecord } from '../db/entities/auditRecord';
import { toEntry } from './auditLog';
import { auditWhere } from './auditQuery';

/** The columns as the entity names them, so a row reads as the entity's record. */
export const columns = `id, at, actor_id AS actorId, actor_name AS actorName, action, entity,
  entity_id AS entityId, before_json AS beforeJson, after_json AS afterJson`;

/**
 * Names for the ids the log holds: every person the unit has had (the inactive too) and
 * every outage, and the unit's card provider for the payout register's labels.
 */
export async function describeContext(dataSource: DataSource): Promise<DescribeContext> {
  const people = (await dataSource.query('SELECT id, full_name FROM users')) as {
    id: string;
    full_name: string;
  }[];
  const outages = (await dataSource.query(
    'SELECT id, level, starts_at AS startsAt, ends_at AS endsAt FROM outages',
  )) as { id: string; level: string; startsAt: string; endsAt: string | null }[];
  const unit = await getUnit(dataSource);
  return {
    people: new Map(people.map((p) => [p.id, p.full_name])),
    outages: new Map(outages.map((o) => [o.id, outageLabel(o)])),
    words: { cardProvider: unit.cardProvider },
  };
}

/** The entries matching the filter: how many. */
export async function countAudit(dataSource: DataSource, filter: AuditFilter): Promise<number> {
  const where = auditWhere(filter);
  const [row] = (await dataSource.query(
    `SELECT count(*) AS total FROM audit_log ${where.sql}`,
    where.values,
  )) as [{ total: number }];
  return row.total;
}

/**
 * One page of the entries matching the filter, newest first (by when it happened: a
 * laptop's entries read in later fall in their place), each described for a person.
 */
export async function describedAuditPage(
  dataSource: DataSource,
  filter: AuditFilter,
  page: { offset?: number; limit: number; after?: { at: string; id: number } },
  context: DescribeContext,
): Promise<DescribedAuditEntry[]> {
  const where = auditWhere(filter);
  // After an entry (a workbook read page by page): a keyset, so no page re-reads the ones before.
  const after = page.after
    ? `${where.sql ? `${where.sql} AND` : 'WHERE'} (at < ? OR (at = ? AND id < ?))`
    : where.sql;
  const values = page.after
    ? [...where.values, page.after.at, page.after.at, page.after.id]
    : where.values;
  // The page's ids first, from the indexes alone; only then its rows, snapshots and all:
  // sorting the matches with their snapshots read a second per deep page at 100 000 entries.
  const rows = (await dataSource.query(
    `SELECT ${columns} FROM audit_log WHERE id IN (
       SELECT id FROM audit_log ${after} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?)
     ORDER BY at DESC, id DESC`,
    [...values, page.limit, page.offset ?? 0],
  )) as AuditRecord[];
  const clients = await currentClients(dataSource, rows);
  return rows.map((row) => describeAuditEntry(toEntry(row), { ...context, clients }));
}

/** The Händelselogg's page: the entries and how many match in all. */
export async function listDescribedAudit(
  dataSource: DataSource,
  filter: AuditFilter,
  offset: number,
  limit: number,
): Promise<{ entries: DescribedAuditEntry[]; total: number }> {
  const context = await describeContext(dataSource);
  const total = await countAudit(dataSource, filter);
  const entries = await describedAuditPage(dataSource, filter, { offset, limit }, context);
  return { entries, total };
}

/**
 * The client of each register record on the page as the record has it now, for entries
 * whose snapshot names none (a payout passed over the limit): one query per register.
 */
async function currentClients(
  dataSource: DataSource,
  rows: readonly AuditRecord[],
): Promise<NonNullable<DescribeContext['clients']>> {
  const clients = new Map<string, { clientName: string; personnummer: string | null }>();
  for (const key of registerKeys as readonly RegisterKey[]) {
    const ids = [
      ...new Set(
        rows.filter((r) => r.entity === key && r.entityId !== null).map((r) => r.entityId!),
      ),
    ];
    if (ids.length === 0) continue;
    const found = (await dataSource.query(
      `SELECT id, client_name, personnummer FROM ${tableOf(registers[key])}
        WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    )) as { id: string; client_name: string; personnummer: string | null }[];
    for (const record of found) {
      clients.set(`${key}:${record.id}`, {
        clientName: record.client_name,
        personnummer: record.personnummer,
      });
    }
  }
  return clients;
}
