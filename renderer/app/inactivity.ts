/** The warning shows for the last two minutes before main locks the session. */
export const WARN_BEFORE_LOCK_MS = 2 * 60_000;

/** Activity is reported at most once a minute while the lock is far away. */
export const REPORT_EVERY_MS = 60_000;

/**
 * How near the lock counts as near: the warning time plus one throttle interval. The
 * shortest auto-lock (shared/unitSettings.ts AUTO_LOCK_MIN_MINUTES) must be longer.
 */
export const NEAR_LOCK_MS = WARN_BEFORE_LOCK_MS + REPORT_EVERY_MS;

/** Near the lock, activity is reported at once (but not for every key). */
const NEAR_LOCK_REPORT_GAP_MS = 5_000;

/** Milliseconds until main locks the session, or null when it will not. */
export function msUntilLock(autoLockAt: string | null, now: Date): number | null {
  return autoLockAt === null ? null : Date.parse(autoLockAt) - now.getTime();
}

export function showsLockWarning(msLeft: number | null): boolean {
  return msLeft !== null && msLeft > 0 && msLeft <= WARN_BEFORE_LOCK_MS;
}

/** "1:05": minutes and seconds left, rounded up so it never says 0:00 before the lock. */
export function formatCountdown(msLeft: number): string {
  const seconds = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Whether activity now should be reported to main. Throttled to once a minute, except
 * when main's lock is within the warning time plus one throttle interval: there a
 * throttled report would let main lock (or the warning show) although the person is
 * working, so the warning would lie.
 */
export function shouldReportActivity(
  nowMs: number,
  lastReportMs: number,
  autoLockAt: string | null,
): boolean {
  const sinceReport = nowMs - lastReportMs;
  if (sinceReport >= REPORT_EVERY_MS) return true;
  return isNearLock(nowMs, autoLockAt) && sinceReport >= NEAR_LOCK_REPORT_GAP_MS;
}

/** Whether a report now should be followed by a fresh status (to move the countdown). */
export function isNearLock(nowMs: number, autoLockAt: string | null): boolean {
  if (autoLockAt === null) return false;
  return Date.parse(autoLockAt) - nowMs <= NEAR_LOCK_MS;
}
