import { createContext, useContext } from 'react';
import type { SessionUser, Unit } from '../../shared/contract';
import type { Outage } from '../../shared/outages';

export interface SessionValue {
  user: SessionUser;
  unit: Unit;
  /** The outage going on now; new records belong to it. */
  activeOutage: Outage | null;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in shell');
  return value;
}
