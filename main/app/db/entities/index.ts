import { AuditEntity } from './auditRecord';
import { UnitEntity } from './unitRecord';
import { UserEntity } from './userRecord';

export const entities = [UnitEntity, UserEntity, AuditEntity];
