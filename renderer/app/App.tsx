import { Activity, useEffect, useState } from 'react';
import type { Status } from '../../shared/contract';
import { SetupPage } from '../pages/setup/SetupPage';
import { SignInPage } from '../pages/signIn/SignInPage';
import { UnlockPage } from '../pages/unlock/UnlockPage';
import { api, onStatusChanged } from './api';
import { followMainClock } from './clock';
import { initialView, nextView, seatKey } from './lockedSession';
import { Shell } from './Shell';
import { hasUnsavedChanges } from './unsavedChanges';
import { useActivityReporting } from './useActivityReporting';
import { useBatteryReporting } from './useBatteryReporting';

/** How often the app asks main whether the session has been locked for inactivity. */
const STATUS_POLL_MS = 30_000;

export function App() {
  const [view, setView] = useState(initialView);
  const { status, held } = view;
  const setStatus = (next: Status) => {
    followMainClock(next.now);
    // Asked now, while the forms are still on screen and counting themselves.
    const unsaved = hasUnsavedChanges();
    setView((current) => nextView(current, next, () => unsaved));
  };
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const refresh = () =>
      void api()
        .app.status()
        .then((result) =>
          result.ok ? setStatus(result.value) : setLoadError(result.error.message),
        );
    refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    const unsubscribe = onStatusChanged(() => void refresh());
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, []);

  useActivityReporting(status?.phase === 'signedIn', status?.autoLockAt ?? null);
  useBatteryReporting(status?.phase === 'signedIn' || status?.phase === 'signedOut');

  if (loadError) {
    return (
      <main className="centered">
        <div className="alert alert--error" role="alert">
          {loadError}
        </div>
      </main>
    );
  }
  if (!status) return <main className="centered" aria-busy="true" />;

  // The signed-in shell, or the one held hidden since the inactivity lock. It keeps its
  // place (and key) in the tree, so signing in again as the same person shows it with
  // every form as it was; another person's key mounts a fresh one.
  const signedIn = status.phase === 'signedIn' && status.user && status.unit;
  const seat = signedIn
    ? {
        user: status.user!,
        unit: status.unit!,
        activeOutage: status.activeOutage,
        deviceKind: status.deviceKind ?? 'office',
      }
    : held;
  const shell = seat && (
    <Activity key={seatKey(seat.user)} mode={signedIn ? 'visible' : 'hidden'}>
      <Shell
        user={seat.user}
        unit={seat.unit}
        dbPath={status.dbPath}
        activeOutage={seat.activeOutage}
        deviceKind={seat.deviceKind}
        autoLockAt={signedIn ? status.autoLockAt : null}
        restored={view.restored}
        onStatus={setStatus}
      />
    </Activity>
  );

  switch (status.phase) {
    case 'setup':
      return <SetupPage dbPath={status.dbPath} onDone={setStatus} />;
    case 'locked':
      return <UnlockPage dbPath={status.dbPath} onDone={setStatus} />;
    case 'signedOut':
      return (
        <>
          {shell}
          <SignInPage
            status={status}
            heldFor={held?.hadUnsaved ? held.user.fullName : null}
            onDone={setStatus}
          />
        </>
      );
    case 'signedIn':
      return (
        <>
          {shell}
          {null}
        </>
      );
  }
}
