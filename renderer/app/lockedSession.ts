import type { DeviceKind } from '../../shared/devices';
import type { SessionUser, Status, Unit } from '../../shared/contract';
import type { Outage } from '../../shared/outages';

/**
 * The signed-in screen of a person whom main locked out for inactivity: kept mounted but
 * hidden (React's <Activity>), so every open form keeps its input in memory, on the page
 * and record where it was. Only that person gets it back; anyone else signing in, a
 * normal sign-out or a closed database discards it. Nothing of it is ever stored.
 */
export interface HeldSession {
  user: SessionUser;
  unit: Unit;
  activeOutage: Outage | null;
  deviceKind: DeviceKind;
  /** Whether a form held unsaved input at the lock, so the person is told it came back. */
  hadUnsaved: boolean;
}

export interface AppView {
  status: Status | null;
  held: HeldSession | null;
  /** Counts restorations, so the shell shows "your text is still here" once per restore. */
  restored: number;
}

export const initialView: AppView = { status: null, held: null, restored: 0 };

/** The view after main's next status; hadUnsaved is asked before anything is hidden. */
export function nextView(view: AppView, next: Status, hadUnsaved: () => boolean): AppView {
  const previous = view.status;
  if (next.phase === 'signedOut' && next.signedOutReason === 'inactivity') {
    if (previous?.phase === 'signedIn' && previous.user && previous.unit) {
      const held: HeldSession = {
        user: previous.user,
        unit: previous.unit,
        activeOutage: previous.activeOutage,
        deviceKind: previous.deviceKind ?? 'office',
        hadUnsaved: hadUnsaved(),
      };
      return { ...view, status: next, held };
    }
    return { ...view, status: next };
  }
  if (next.phase === 'signedIn' && view.held && next.user && sameSeat(view.held.user, next.user)) {
    return {
      status: next,
      held: null,
      restored: view.held.hadUnsaved ? view.restored + 1 : view.restored,
    };
  }
  return { ...view, status: next, held: null };
}

/**
 * The same person in the same role. A changed role remounts the shell: its pages were
 * built for what the old role could see.
 */
export function sameSeat(a: SessionUser, b: SessionUser): boolean {
  return a.id === b.id && a.role === b.role;
}

/** The key of the shell's place in the tree: the same key keeps its state. */
export const seatKey = (user: SessionUser) => `${user.id}:${user.role}`;
