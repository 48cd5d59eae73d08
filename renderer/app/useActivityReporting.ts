import { useEffect } from 'react';
import { api } from './api';

/** At most one report a minute: enough for a 10-minute auto-lock to see real work. */
const REPORT_EVERY_MS = 60_000;

/**
 * Main locks the session after inactivity. Activity is what the person does (keys,
 * pointer), not what the app does, so someone typing a long note is never locked out.
 */
export function useActivityReporting(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let lastReport = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      void api().session.touch();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, onActivity, { passive: true }));
    return () => events.forEach((name) => window.removeEventListener(name, onActivity));
  }, [active]);
}
