import { actionsOfKind } from '../../../shared/audit/actions';
import type { AuditFilter } from '../../../shared/audit/entry';
import { registerKeys, registers } from '../../../shared/registers';
import { foldName } from '../../../shared/swedishText';
import { addDays, localToInstant } from '../../../shared/time';
import { tableOf } from '../registers/table';

/** A WHERE clause over audit_log and its values. */
export interface AuditWhere {
  sql: string;
  values: unknown[];
}

/**
 * The Händelselogg's filters as SQL, each on an indexed column (0011, and (entity,
 * entity_id) since 0001): the person who acted, the kind of event (its actions), the
 * register (the entries' entity), office dates (both included; `at` is an ISO instant in
 * UTC, so the days' bounds are instants too) and the client. A client is found the way the
 * register lists find one (digits: the personnummer or its start; else a part of the name,
 * folded), among the records of each register, and the log keeps the entries about them.
 */
export function auditWhere(filter: AuditFilter): AuditWhere {
  const clauses: string[] = [];
  const values: unknown[] = [];
  if (filter.actorId) {
    clauses.push('actor_id = ?');
    values.push(filter.actorId);
  }
  if (filter.kind) {
    const actions = actionsOfKind(filter.kind, filter.register);
    clauses.push(`action IN (${actions.map(() => '?').join(', ')})`);
    values.push(...actions);
  }
  if (filter.register) {
    clauses.push('entity = ?');
    values.push(filter.register);
  }
  if (filter.from) {
    clauses.push('at >= ?');
    values.push(localToInstant(filter.from));
  }
  if (filter.to) {
    clauses.push('at < ?');
    values.push(localToInstant(addDays(filter.to, 1)));
  }
  if (filter.client) {
    const client = clientClause(filter.client, filter.register ? [filter.register] : registerKeys);
    clauses.push(client.sql);
    values.push(...client.values);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

function clientClause(search: string, keys: readonly (keyof typeof registers)[]): AuditWhere {
  const digits = /^[\d\s+-]+$/.test(search) ? search.replace(/\D/g, '') : null;
  const match = digits
    ? {
        sql: '(personnummer GLOB ? OR substr(personnummer, 3) GLOB ?)',
        values: [`${digits}*`, `${digits}*`],
      }
    : { sql: 'instr(client_fold, ?) > 0', values: [foldName(search)] };
  const parts = keys.map((key) => ({
    sql: `(entity = ? AND entity_id IN (SELECT id FROM ${tableOf(registers[key])} WHERE ${match.sql}))`,
    values: [key, ...match.values],
  }));
  return {
    sql: `(${parts.map((p) => p.sql).join(' OR ')})`,
    values: parts.flatMap((p) => p.values),
  };
}
