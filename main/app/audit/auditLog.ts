import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '../../../shared/audit/actions';
import type { AuditEntry, SessionUser } from '../../../shared/contract';
import { AuditEntity, type AuditRecord } from '../db/entities/auditRecord';
import { connectionOf } from '../db/open';
import { appendChained } from './chain';

export interface AuditEvent {
  actor: Pick<SessionUser, 'id' | 'fullName'> | null;
  at: Date;
  /** Every action has its Swedish words in shared/audit/actions.ts. */
  action: AuditAction;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit entry. Call it with the EntityManager of the transaction that makes
 * the change, so the change and its audit entry are committed together or not at all.
 * Snapshots must already be free of secrets (password hashes never reach this log).
 */
export async function recordAudit(manager: EntityManager, event: AuditEvent): Promise<void> {
  // On the transaction's own connection (one connection; TypeORM's runs the same), chained
  // to this installation's previous entry (chain.ts).
  appendChained(connectionOf(manager.connection), {
    at: event.at.toISOString(),
    actor_id: event.actor?.id ?? null,
    actor_name: event.actor?.fullName ?? null,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId,
    before_json: event.before === undefined ? null : JSON.stringify(event.before),
    after_json: event.after === undefined ? null : JSON.stringify(event.after),
  });
  return Promise.resolve();
}

export async function listAudit(
  dataSource: DataSource,
  offset: number,
  limit: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const repository = dataSource.getRepository(AuditEntity);
  const [records, total] = await repository.findAndCount({
    order: { id: 'DESC' },
    skip: offset,
    take: limit,
  });
  return { entries: records.map(toEntry), total };
}

/**
 * Every entry about one thing, oldest first (indexed on entity, entity_id). By the time it
 * happened, then by id: entries read in from a laptop's transfer file come after the office's
 * own in the log, but happened between them.
 */
export async function listAuditOf(
  dataSource: DataSource,
  entity: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const records = await dataSource
    .getRepository(AuditEntity)
    .find({ where: { entity, entityId }, order: { at: 'ASC', id: 'ASC' } });
  return records.map(toEntry);
}

export function toEntry(record: AuditRecord): AuditEntry {
  return {
    id: record.id,
    at: record.at,
    actorName: record.actorName,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId,
    before: record.beforeJson === null ? null : (JSON.parse(record.beforeJson) as unknown),
    after: record.afterJson === null ? null : (JSON.parse(record.afterJson) as unknown),
  };
}
