import type { SqliteConnection } from '../../main/app/db/sqlite';
import { storedFields } from '../../main/app/registers/table';
import { registers, snakeCase } from '../../shared/registers';

/** What the crash rounds' writer and the test share: the unit and its people. */
export const CRASH = {
  fileName: 'unit.db',
  passphrase: 'rätt häst batteri',
  passwords: { maja: 'chef-lösen-1', ebba: 'kalle-123' },
} as const;

export type SaveKind = 'decision' | 'payout' | 'user';

/** A save the writer is about to send: `id` for a change to an existing record. */
export interface Try {
  kind: SaveKind;
  tag: string;
  id?: string;
}

/** A save the router acknowledged, with what it answered. */
export interface Ack extends Try {
  saved: unknown;
}

/** The columns of one row that a save fixed: what must be found again, equal. */
export interface Expected {
  table: string;
  id: string;
  columns: Record<string, string | number | null>;
}

const tableOf = { decision: 'decisions', payout: 'payouts', user: 'users' } as const;

/** The purpose a decision gets when the writer changes it (the writer's `decision()`). */
export const changedPurpose = (tag: string) => `Ändrat beslut ${tag}`;

/** The row an acknowledged save must have left, from what the router answered. */
export function expectedOf(ack: Ack): Expected {
  if (ack.kind === 'user') {
    const user = ack.saved as { id: string; username: string; fullName: string; role: string };
    const saved = ack.saved as { updatedAt: string };
    return {
      table: 'users',
      id: user.id,
      columns: {
        username: user.username,
        full_name: user.fullName,
        role: user.role,
        updated_at: saved.updatedAt,
      },
    };
  }
  const record = ack.saved as {
    id: string;
    clientName: string;
    personnummer: string | null;
    updatedAt: string;
    values: Record<string, string | number | boolean | null>;
  };
  const definition = registers[ack.kind === 'decision' ? 'decisions' : 'payouts'];
  const columns: Expected['columns'] = {
    client_name: record.clientName,
    personnummer: record.personnummer,
    updated_at: record.updatedAt,
  };
  for (const field of storedFields(definition)) {
    if (!(field.key in record.values)) continue;
    const value = record.values[field.key]!;
    columns[snakeCase(field.key)] = typeof value === 'boolean' ? Number(value) : value;
  }
  return { table: tableOf[ack.kind], id: record.id, columns };
}

export function rowOf(db: SqliteConnection, expected: Pick<Expected, 'table' | 'id'>) {
  return db.prepare(`SELECT * FROM ${expected.table} WHERE id = ?`).get(expected.id) as
    Record<string, string | number | null> | undefined;
}

/** The same columns as `expected`, as the row holds them. */
export function columnsOf(
  row: Record<string, string | number | null>,
  expected: Expected,
): Expected['columns'] {
  return Object.fromEntries(Object.keys(expected.columns).map((key) => [key, row[key] ?? null]));
}

/** The writer's stdout as lines, and what the last one says it was doing when killed. */
export function phaseOf(
  lastLine: string | undefined,
): 'write' | 'checkpoint' | 'backup' | 'between' {
  if (lastLine === 'PHASE checkpoint') return 'checkpoint';
  if (lastLine === 'PHASE backup' || lastLine?.startsWith('BACKUP ')) return 'backup';
  if (lastLine?.startsWith('TRY ')) return 'write';
  return 'between';
}
