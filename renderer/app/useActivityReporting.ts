import { useEffect, useRef } from 'react';
import { api, statusChanged } from './api';
import { officeClock } from './clock';
import { isNearLock, shouldReportActivity } from './inactivity';

/**
 * Main locks the session after inactivity. Activity is what the person does (keys,
 * pointer), not what the app does, so someone typing a long note is never locked out.
 * Reports go at most once a minute, except near main's lock time, where they go at once
 * and fetch the new lock time, so the countdown warning goes away as soon as anyone works.
 */
export function useActivityReporting(active: boolean, autoLockAt: string | null): void {
  const lockAt = useRef(autoLockAt);
  useEffect(() => {
    lockAt.current = autoLockAt;
  }, [autoLockAt]);

  useEffect(() => {
    if (!active) return;
    let lastReport = officeClock().getTime();
    const onActivity = () => {
      const now = officeClock().getTime();
      if (!shouldReportActivity(now, lastReport, lockAt.current)) return;
      lastReport = now;
      const near = isNearLock(now, lockAt.current);
      void api()
        .session.touch()
        .then((result) => result.ok && near && statusChanged());
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, onActivity, { passive: true }));
    return () => events.forEach((name) => window.removeEventListener(name, onActivity));
  }, [active]);
}
