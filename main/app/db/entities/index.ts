import { AuditEntity } from './auditRecord';
import { OutageEntity } from './outageRecord';
import { UnitEntity } from './unitRecord';
import { UserEntity } from './userRecord';

export const entities = [UnitEntity, UserEntity, AuditEntity, OutageEntity];
