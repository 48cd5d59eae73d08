import { useEffect, useState } from 'react';
import type { Status } from '../../shared/contract';
import { SetupPage } from '../pages/setup/SetupPage';
import { SignInPage } from '../pages/signIn/SignInPage';
import { UnlockPage } from '../pages/unlock/UnlockPage';
import { api, onStatusChanged } from './api';
import { followMainClock } from './clock';
import { Shell } from './Shell';
import { useActivityReporting } from './useActivityReporting';

/** How often the app asks main whether the session has been locked for inactivity. */
const STATUS_POLL_MS = 30_000;

export function App() {
  const [status, setShownStatus] = useState<Status | null>(null);
  const setStatus = (next: Status) => {
    followMainClock(next.now);
    setShownStatus(next);
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

  useActivityReporting(status?.phase === 'signedIn');

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

  switch (status.phase) {
    case 'setup':
      return <SetupPage dbPath={status.dbPath} onDone={setStatus} />;
    case 'locked':
      return <UnlockPage dbPath={status.dbPath} onDone={setStatus} />;
    case 'signedOut':
      return <SignInPage status={status} onDone={setStatus} />;
    case 'signedIn':
      return status.user && status.unit ? (
        <Shell
          user={status.user}
          unit={status.unit}
          dbPath={status.dbPath}
          activeOutage={status.activeOutage}
          onStatus={setStatus}
        />
      ) : null;
  }
}
