import { createContext, useContext } from 'react';
import type { SessionUser, Unit } from '../../shared/contract';
import type { DeviceKind } from '../../shared/devices';
import type { Outage } from '../../shared/outages';

export interface SessionValue {
  user: SessionUser;
  unit: Unit;
  /** The outage going on now; new records belong to it. */
  activeOutage: Outage | null;
  /** This computer: the office PC (prepares laptops, reads their files in) or a laptop. */
  deviceKind: DeviceKind;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in shell');
  return value;
}
