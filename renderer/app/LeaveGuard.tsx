import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { hasUnsavedChanges } from './unsavedChanges';

/** Runs `leave` at once when no form holds unsaved input, or after the person agrees. */
export type LeaveGuard = (leave: () => void) => void;

const LeaveGuardContext = createContext<LeaveGuard>((leave) => leave());

/** Every way of leaving a form (menu, another record, Alt+N, sign-out) goes through this. */
export function useLeaveGuard(): LeaveGuard {
  return useContext(LeaveGuardContext);
}

/**
 * For a page that shows one form at a time: asks only when the action replaces an open
 * form (opening the one already open replaces nothing).
 */
export function useReplaceGuard(): (replaces: boolean, action: () => void) => void {
  const guard = useLeaveGuard();
  return useCallback((replaces, action) => (replaces ? guard(action) : action()), [guard]);
}

/** The guard for the signed-in shell, with its dialog; children reach it by useLeaveGuard. */
export function LeaveGuardProvider({ children }: { children: (guard: LeaveGuard) => ReactNode }) {
  const [pending, setPending] = useState<{ leave: () => void } | null>(null);
  const guard = useCallback<LeaveGuard>((leave) => {
    if (hasUnsavedChanges()) setPending({ leave });
    else leave();
  }, []);

  return (
    <LeaveGuardContext.Provider value={guard}>
      {children(guard)}
      {pending && (
        <LeaveDialog
          onStay={() => setPending(null)}
          onLeave={() => {
            setPending(null);
            pending.leave();
          }}
        />
      )}
    </LeaveGuardContext.Provider>
  );
}

/**
 * A modal alert dialog (the native <dialog>: focus moves in, the page behind is inert,
 * Esc cancels). Staying is the default button, so Enter or Esc never throws text away.
 */
function LeaveDialog({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      // Back to where the person was typing, if that is still there.
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="leave-title"
      aria-describedby="leave-text"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id="leave-title">Osparade ändringar</h2>
      <p id="leave-text">
        Du har ändringar som inte är sparade. Lämnar du nu försvinner de. Vill du lämna utan att
        spara?
      </p>
      <div className="actions">
        <button type="button" className="button button--primary" autoFocus onClick={onStay}>
          Avbryt
        </button>
        <button type="button" className="button button--danger" onClick={onLeave}>
          Lämna utan att spara
        </button>
      </div>
    </dialog>
  );
}
