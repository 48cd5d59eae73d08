import type { DataSource, EntityManager, EntitySchema, ObjectLiteral } from 'typeorm';
import type { AuditAction } from '../../../shared/audit/actions';
import type { SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { recordAudit } from './auditLog';

interface AuditedChange<R extends ObjectLiteral & { id: string; updatedAt: string }, V> {
  entity: EntitySchema<R>;
  /** The audit log's name for the kind of thing ("user", "outage", "decision"). */
  entityName: string;
  id: string;
  actor: SessionUser;
  action: AuditAction;
  now: Date;
  notFoundMessage: string;
  /** What the caller and the audit log see of a record (no secrets, derived fields). */
  view: (record: R) => V;
  /** The new values; may throw an AppError to refuse the change. */
  change: (before: R) => Partial<R>;
  /** Rules that need the database, checked inside the same transaction. */
  check?: (before: R, after: R, manager: EntityManager) => Promise<void>;
}

/**
 * The one way an existing record changes: read, change, check, save and write the audit
 * entry with before and after, all in one transaction, so a refused or failed change
 * leaves nothing half-saved.
 */
export function changeAudited<R extends ObjectLiteral & { id: string; updatedAt: string }, V>(
  dataSource: DataSource,
  options: AuditedChange<R, V>,
): Promise<V> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(options.entity);
    const before = (await repository.findOneBy({ id: options.id } as never)) as R | null;
    if (!before) throw new AppError('NOT_FOUND', options.notFoundMessage);
    const after = {
      ...before,
      ...options.change(before),
      updatedAt: options.now.toISOString(),
    } as R;
    await options.check?.(before, after, manager);
    await repository.save(after);
    await recordAudit(manager, {
      actor: options.actor,
      at: options.now,
      action: options.action,
      entity: options.entityName,
      entityId: options.id,
      before: options.view(before),
      after: options.view(after),
    });
    return options.view(after);
  });
}
