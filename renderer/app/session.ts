import { createContext, useContext } from 'react';
import type { SessionUser, Unit } from '../../shared/contract';

export interface SessionValue {
  user: SessionUser;
  unit: Unit;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in shell');
  return value;
}
