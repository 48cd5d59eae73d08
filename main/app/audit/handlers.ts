import type { HandlersOf } from '../handler';
import { listAudit } from './auditLog';

export const auditHandlers: HandlersOf<'audit'> = {
  'audit.list': ({ offset, limit }, { state }) => listAudit(state.db(), offset, limit),
};
