import type { Status } from '../../shared/contract';
import { getThisDevice } from './devices/deviceService';
import { auditInactivityLock } from './session/inactivityLock';
import type { AppState } from './state';
import { getUnit, toUnit } from './unit/unitService';
import { findActiveOutage, toOutage } from './outages/outageService';
import { findActiveUser, toSessionUser } from './users/userService';

export async function buildStatus(state: AppState): Promise<Status> {
  const base = {
    dbPath: state.dbPath,
    signedOutReason: state.session.signedOutReason,
    activeOutage: null,
    now: state.now().toISOString(),
    autoLockAt: null,
    deviceKind: null,
  };
  if (!state.isSetUp) return { ...base, phase: 'setup', unit: null, user: null };
  if (!state.isOpen) return { ...base, phase: 'locked', unit: null, user: null };
  const dataSource = state.db();
  const unit = toUnit(await getUnit(dataSource));
  const { kind: deviceKind } = await getThisDevice(dataSource);
  const userId = state.session.currentUserId(state.now());
  await auditInactivityLock(state);
  const user = userId ? await findActiveUser(dataSource, userId) : null;
  if (!user) {
    if (userId) state.session.signOut();
    return {
      ...base,
      phase: 'signedOut',
      unit,
      deviceKind,
      user: null,
      signedOutReason: state.session.signedOutReason,
    };
  }
  const now = state.now();
  const active = await findActiveOutage(dataSource, now);
  return {
    ...base,
    phase: 'signedIn',
    unit,
    deviceKind,
    user: toSessionUser(user),
    activeOutage: active ? toOutage(active, now) : null,
    autoLockAt: state.session.lockAt()?.toISOString() ?? null,
  };
}
