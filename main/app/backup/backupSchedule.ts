import { findActiveOutage } from '../outages/outageService';
import type { AppState } from '../state';
import { readBackupSettings } from './backupSettings';
import { backupNow, type BackupOutcome, type BackupReason } from './backupService';

/**
 * When automatic backups are made: every intervalMinutes while an outage is active (by
 * the app's clock), and after each sign-out (the inactivity lock included). The quit's
 * backup is main/index.ts's, the low battery's main/power.ts's (lowBattery.ts decides).
 *
 * The timer only ticks once a minute and asks; whether a backup is due is decided from
 * the app clock, the active outage and the settings read at that tick, so a new interval
 * or folder applies from the next minute, and tests drive it with their own timers.
 */
export const TICK_MS = 60_000;

export interface ScheduleTimers<H = unknown> {
  setInterval(callback: () => void, ms: number): H;
  clearInterval(handle: H): void;
}

/** Runs a task in line with the router's calls (Router.exclusive). */
export type Runner = <T>(task: () => Promise<T>) => Promise<T>;

export interface LastAttempt {
  at: Date;
  outageId: string;
}

/**
 * Whether the schedule makes a backup now: only during an outage; at once when the
 * outage is new to it, then when the interval has passed since the last attempt (a
 * failed one too: a missing stick is tried again a whole interval later, not each minute).
 * A clock set back counts as the interval passed.
 */
export function scheduledBackupDue(input: {
  now: Date;
  activeOutageId: string | null;
  last: LastAttempt | null;
  intervalMinutes: number;
}): boolean {
  const { now, activeOutageId, last, intervalMinutes } = input;
  if (activeOutageId === null) return false;
  if (!last || last.outageId !== activeOutageId) return true;
  const elapsed = now.getTime() - last.at.getTime();
  return elapsed < 0 || elapsed >= intervalMinutes * 60_000;
}

export interface BackupSchedule {
  /** One look at the clock: what the timer does each minute (tests call it directly). */
  tick(): Promise<BackupOutcome | null>;
  stop(): void;
}

export function startBackupSchedule<H>(
  state: AppState,
  timers: ScheduleTimers<H>,
  run: Runner,
  onOutcome: (reason: BackupReason, outcome: BackupOutcome) => void = () => undefined,
): BackupSchedule {
  let last: LastAttempt | null = null;

  async function tick(): Promise<BackupOutcome | null> {
    if (!state.isOpen) return null;
    const now = state.now();
    const outage = await findActiveOutage(state.db(), now);
    const { intervalMinutes } = readBackupSettings(state.dbPath);
    if (!scheduledBackupDue({ now, activeOutageId: outage?.id ?? null, last, intervalMinutes })) {
      return null;
    }
    last = { at: now, outageId: outage!.id };
    const outcome = await backupNow(state, 'scheduled');
    onOutcome('scheduled', outcome);
    return outcome;
  }

  const handle = timers.setInterval(() => {
    void run(tick).catch(() => undefined);
  }, TICK_MS);
  // Whoever signs out (or is locked out) leaves what they wrote in a backup. Queued behind
  // the call that signed them out; skipped when nothing changed or the database is closed.
  const stopListening = state.onSignedOut(() => {
    void run(() => backupNow(state, 'signOut'))
      .then((outcome) => onOutcome('signOut', outcome))
      .catch(() => undefined);
  });

  return {
    tick: () => run(tick),
    stop() {
      timers.clearInterval(handle);
      stopListening();
    },
  };
}
