import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SessionUser } from '../../../shared/contract';
import type { MergeCounts } from '../../../shared/transfer';
import type { AuditEvent } from '../audit/auditLog';
import type { SqliteConnection } from '../db/sqlite';
import type { Row } from '../registers/table';
import { fileErrors } from './errors';
import { decide, type Decision } from './mergeDecision';
import { mergeRules } from './mergeRules';
import type { MergedTable } from './tables';

/** One import under way: the office database inside the import's transaction, and its log. */
export interface MergeRun {
  /** The unit database's connection; every statement runs in the import's transaction. */
  db: SqliteConnection;
  source: { id: string; name: string };
  fileId: string;
  actor: SessionUser;
  now: Date;
  /** A laptop's own outage id → the office's outage of that time. */
  aliases: Map<string, string>;
  /** Outages whose records came in or changed: their deadlines are counted again. */
  touchedOutages: Set<string>;
  mappedOutages: { fromId: string; toId: string; label: string }[];
  /** Written, in order, when every row is in. */
  events: AuditEvent[];
}

/**
 * Reads a table's rows from the file into the office database, row by row (see
 * mergeDecision.ts): new rows are added with their authors, times and device; a row changed
 * in both places keeps the later change, and the version set aside is kept in the audit log.
 * A row that cannot stand here (a verifikationsnummer already used by another payout) stops
 * the whole import, which then leaves nothing behind.
 */
export function mergeTable(run: MergeRun, table: MergedTable, rows: Iterable<Row>): MergeCounts {
  const counts: MergeCounts = { added: 0, skipped: 0, updated: 0, conflicts: 0 };
  const statements = prepare(run.db, table);
  const rules = mergeRules[table.key] ?? {};
  const compared = table.columns.filter((column) => !table.derived.includes(column));
  for (const fileRow of rows) {
    const theirs = mapOutage(run, table, fileRow);
    if (rules.resolve?.(run, theirs)) {
      counts.skipped++;
      continue;
    }
    const key = theirs[table.keyColumn];
    const ours = (statements.select.get(key) as Row | undefined) ?? null;
    const fingerprint = fingerprintOf(compared, theirs);
    const seen = statements.seen.get(run.source.id, table.table, key) as
      { fingerprint: string } | undefined;
    let decision: Decision = decide(
      ours && {
        changedAt: String(ours[table.changedAt]),
        fingerprint: fingerprintOf(compared, ours),
      },
      { changedAt: String(theirs[table.changedAt]), fingerprint },
      seen?.fingerprint ?? null,
    );
    if (decision === 'add') rules.beforeAdd?.(run, theirs);
    if (
      (decision === 'update' && table.oursWins) ||
      (decision !== 'skip' && rules.accept && !rules.accept(run, ours, theirs))
    ) {
      decision = 'conflict';
    }
    const values = { ...theirs, ...table.derive?.(theirs) };
    if (decision === 'add') {
      write(run, table, theirs, () => statements.insert.run(table.columns.map((c) => values[c])));
      counts.added++;
    } else if (decision === 'update') {
      write(run, table, theirs, () =>
        statements.update.run([...updatedColumns(table).map((c) => values[c]), key]),
      );
      run.events.push(transferEvent(run, table, 'transfer.update', ours!, theirs));
      counts.updated++;
    } else if (decision === 'conflict') {
      run.events.push(transferEvent(run, table, 'transfer.conflict', theirs, ours));
      counts.conflicts++;
    } else {
      counts.skipped++;
    }
    if (decision === 'add' || decision === 'update') {
      const outage = table.outageColumn ? theirs[table.outageColumn] : null;
      if (typeof outage === 'string') run.touchedOutages.add(outage);
      if (table.key === 'outages') run.touchedOutages.add(String(key));
    }
    statements.remember.run(run.source.id, table.table, key, fingerprint);
  }
  return counts;
}

/** What a row says, as one hash: the compared columns' values in order. */
export function fingerprintOf(columns: readonly string[], row: Row): string {
  return createHash('sha256')
    .update(JSON.stringify(columns.map((column) => row[column] ?? null)))
    .digest('hex');
}

/** A record of an outage the office knows by another id belongs to the office's. */
function mapOutage(run: MergeRun, table: MergedTable, row: Row): Row {
  const column = table.outageColumn;
  const outage = column ? row[column] : null;
  if (!column || typeof outage !== 'string' || !run.aliases.has(outage)) return { ...row };
  return { ...row, [column]: run.aliases.get(outage)! };
}

/**
 * The audit entry of a row changed or set aside by an import. `after` is the row as it
 * stands here afterwards, `before` the other version: the one replaced (update) or the
 * file's, not read in (conflict).
 */
function transferEvent(
  run: MergeRun,
  table: MergedTable,
  action: 'transfer.update' | 'transfer.conflict',
  before: Row | null,
  after: Row | null,
): AuditEvent {
  const transfer = { fileId: run.fileId, deviceId: run.source.id, deviceName: run.source.name };
  const view = (row: Row | null) => (row ? { ...(table.view(row) as object), transfer } : null);
  return {
    actor: run.actor,
    at: run.now,
    action,
    entity: table.auditEntity,
    entityId: String((after ?? before)![table.keyColumn]),
    before: view(before),
    after: view(after),
  };
}

/** Runs a write; a row that cannot stand here stops the import with the reason. */
function write(run: MergeRun, table: MergedTable, row: Row, statement: () => unknown): void {
  try {
    statement();
  } catch (error) {
    const { code = '', message = '' } = error as { code?: string; message?: string };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw (mergeRules[table.key]?.clash ?? genericClash)(run, row, message);
    }
    // A type, a check or a missing person or outage: not a file this app wrote.
    if (code.startsWith('SQLITE_CONSTRAINT')) throw fileErrors.damaged();
    throw error;
  }
}

function genericClash(run: MergeRun, row: Row): Error {
  return fileErrors.clash(
    `En post i filen från ${run.source.name} krockar med en post här (${String(row.id ?? '')}).`,
  );
}

const updatedColumns = (table: MergedTable) =>
  table.columns.filter((column) => column !== table.keyColumn);

interface Statements {
  select: Statement;
  insert: Statement;
  update: Statement;
  seen: Statement;
  remember: Statement;
}

function prepare(db: SqliteConnection, table: MergedTable): Statements {
  const { table: name, keyColumn, columns } = table;
  return {
    select: db.prepare(`SELECT ${columns.join(', ')} FROM ${name} WHERE ${keyColumn} = ?`),
    insert: db.prepare(
      `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE ${name} SET ${updatedColumns(table)
        .map((column) => `${column} = ?`)
        .join(', ')} WHERE ${keyColumn} = ?`,
    ),
    seen: db.prepare(
      `SELECT fingerprint FROM transfer_seen
        WHERE source_device_id = ? AND row_table = ? AND row_key = ?`,
    ),
    remember: db.prepare(
      `INSERT INTO transfer_seen (source_device_id, row_table, row_key, fingerprint)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (source_device_id, row_table, row_key)
       DO UPDATE SET fingerprint = excluded.fingerprint`,
    ),
  };
}
