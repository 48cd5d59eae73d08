import { recordAudit } from '../audit/auditLog';
import { UserEntity } from '../db/entities/userRecord';
import type { AppState } from '../state';

/**
 * Writes the inactivity lock the session noticed, if any: the person, when the limit
 * passed and after how many minutes, so IT sees the app locked by itself and not that
 * the person signed out. Called wherever the session is asked who is signed in.
 */
export async function auditInactivityLock(state: AppState): Promise<void> {
  const lock = state.session.takeInactivityLock();
  if (!lock || !state.isOpen) return;
  const dataSource = state.db();
  const user = await dataSource.getRepository(UserEntity).findOneBy({ id: lock.userId });
  await dataSource.transaction((manager) =>
    recordAudit(manager, {
      actor: user ? { id: user.id, fullName: user.fullName } : null,
      at: lock.at,
      action: 'session.inactivityLock',
      entity: 'session',
      entityId: lock.userId,
      after: { minutes: lock.minutes },
    }),
  );
}
