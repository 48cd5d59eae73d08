import type { AuditAction } from '../../../shared/audit/actions';
import { AppError, type ErrorCode } from '../../../shared/result';
import { waitText } from '../../../shared/time';

export { waitText };

export interface ThrottlePolicy {
  /** Failures allowed without any wait: people mistype. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further one. */
  firstDelayMs: number;
  /** The longest wait: a delay, never a lock-out. */
  maxDelayMs: number;
  /** A name with no failure for this long starts again from nothing. */
  forgetAfterMs: number;
}

/** 1 s after the 3rd failure, then 2, 4, 8 … up to 5 minutes. */
export const defaultThrottlePolicy: ThrottlePolicy = {
  freeFailures: 2,
  firstDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

interface Attempts {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
  /** The current wait's first refusal has been reported: the rest are not worth a log row. */
  refusalReported: boolean;
}

/**
 * Repeated failed attempts (sign-in per username, unlock per unit) make the next attempt
 * wait, growing with each failure and capped, so guessing a password at the keyboard
 * takes days while the person who mistyped waits seconds. Held in main's memory: the
 * unlock happens before there is a database to keep it in. Times come from the app's
 * clock, so tests move it.
 */
export class Throttle {
  private readonly attempts = new Map<string, Attempts>();

  constructor(private readonly policy: ThrottlePolicy = defaultThrottlePolicy) {}

  /** Whole seconds to wait before this key may try again; 0 if it may try now. */
  waitSeconds(key: string, now: Date): number {
    const entry = this.current(key, now);
    return entry ? Math.max(0, Math.ceil((entry.blockedUntil - now.getTime()) / 1000)) : 0;
  }

  /** Counts a failed attempt; returns the seconds the next attempt must wait. */
  fail(key: string, now: Date): number {
    const at = now.getTime();
    this.forgetOld(at);
    const entry = this.current(key, now) ?? {
      failures: 0,
      lastFailureAt: at,
      blockedUntil: 0,
      refusalReported: false,
    };
    entry.failures += 1;
    entry.lastFailureAt = at;
    entry.refusalReported = false;
    const over = entry.failures - this.policy.freeFailures;
    if (over > 0) {
      const delay = Math.min(this.policy.firstDelayMs * 2 ** (over - 1), this.policy.maxDelayMs);
      entry.blockedUntil = at + delay;
    }
    this.attempts.set(key, entry);
    return this.waitSeconds(key, now);
  }

  /**
   * Marks a refusal during the current wait; true only for the first one since the wait
   * began, so hammering during one wait is reported once, not once per attempt.
   */
  firstRefusal(key: string, now: Date): boolean {
    const entry = this.current(key, now);
    if (!entry || entry.refusalReported) return false;
    entry.refusalReported = true;
    return true;
  }

  succeed(key: string): void {
    this.attempts.delete(key);
  }

  private current(key: string, now: Date): Attempts | undefined {
    const entry = this.attempts.get(key);
    if (entry && now.getTime() - entry.lastFailureAt > this.policy.forgetAfterMs) {
      this.attempts.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Keeps the map small when someone types many different names. */
  private forgetOld(at: number): void {
    if (this.attempts.size < 100) return;
    for (const [key, entry] of this.attempts) {
      if (at - entry.lastFailureAt > this.policy.forgetAfterMs) this.attempts.delete(key);
    }
  }
}

/** The refusal while a wait is running: the attempt is not even tried. */
export function throttledError(seconds: number, field: string): AppError {
  const message = `För många misslyckade försök. Vänta ${waitText(seconds)} innan du försöker igen.`;
  return new AppError('THROTTLED', message, { [field]: 'För många misslyckade försök.' }, seconds);
}

/** A failed attempt's own error, with the wait it has started (if any). */
export function failedAttemptError(error: AppError, seconds: number): AppError {
  if (seconds <= 0) return error;
  const message = `${error.message} Vänta ${waitText(seconds)} innan du försöker igen.`;
  return new AppError(error.code, message, error.fields, seconds);
}

/** The audit actions of one kind of throttled attempt. */
export interface AttemptActions {
  /** A wrong secret, really tried. */
  failed: AuditAction;
  /** The first attempt refused during a wait, not tried. */
  throttled: AuditAction;
}

export interface ThrottledAttempt<T> {
  throttle: Throttle;
  key: string;
  now: Date;
  /** The form field a refusal is shown at. */
  field: string;
  /** The error code the attempt throws for a wrong secret: only that failure is counted. */
  wrongCode: ErrorCode;
  actions: AttemptActions;
  /** Writes one audit entry, in its own transaction (or keeps it, while the file is locked). */
  audit: (action: AuditAction, waitSeconds: number) => Promise<void> | void;
  /** Tries the secret; throws an AppError with `wrongCode` if it is wrong. */
  attempt: () => Promise<T> | T;
}

/**
 * The one flow of every attempt to prove a secret (sign-in, own password, unit
 * passphrase): refused without trying while a wait runs, the first refusal per wait
 * audited; a wrong secret counted, audited and answered with the wait it starts; a
 * right one clears the count. Any other error passes through uncounted.
 */
export async function throttledAttempt<T>(options: ThrottledAttempt<T>): Promise<T> {
  const { throttle, key, now } = options;
  const wait = throttle.waitSeconds(key, now);
  if (wait > 0) {
    if (throttle.firstRefusal(key, now)) await options.audit(options.actions.throttled, wait);
    throw throttledError(wait, options.field);
  }
  let result: T;
  try {
    result = await options.attempt();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== options.wrongCode) throw error;
    const delay = throttle.fail(key, now);
    await options.audit(options.actions.failed, delay);
    throw failedAttemptError(error, delay);
  }
  throttle.succeed(key);
  return result;
}
