import { EntitySchema } from 'typeorm';

export interface AuditRecord {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** JSON snapshots; null where there was nothing before (create) or after (delete). */
  beforeJson: string | null;
  afterJson: string | null;
}

export const AuditEntity = new EntitySchema<AuditRecord>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'text' },
    actorId: { type: 'text', name: 'actor_id', nullable: true },
    actorName: { type: 'text', name: 'actor_name', nullable: true },
    action: { type: 'text' },
    entity: { type: 'text' },
    entityId: { type: 'text', name: 'entity_id', nullable: true },
    beforeJson: { type: 'text', name: 'before_json', nullable: true },
    afterJson: { type: 'text', name: 'after_json', nullable: true },
  },
});
