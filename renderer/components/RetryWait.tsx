import { useEffect, useMemo, useState } from 'react';
import type { AppErrorData } from '../../shared/result';
import { officeClock } from '../app/clock';

/**
 * Seconds left of the wait main imposed after repeated failed attempts, counting down
 * to 0 on the office clock. 0 when there is nothing to wait for.
 */
export function useRetryWait(error: AppErrorData | null): number {
  const seconds = error?.retryAfterSeconds ?? 0;
  const until = useMemo(
    () => (seconds > 0 ? officeClock().getTime() + seconds * 1000 : 0),
    // A new refusal (a new error object) starts a new countdown, even with the same seconds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [error],
  );
  const [now, setNow] = useState(() => officeClock().getTime());
  useEffect(() => {
    if (until === 0) return;
    const timer = setInterval(() => setNow(officeClock().getTime()), 250);
    return () => clearInterval(timer);
  }, [until]);
  if (until === 0) return 0;
  return Math.min(seconds, Math.max(0, Math.ceil((until - now) / 1000)));
}

/** The countdown shown instead of the form's error while the next attempt must wait. */
export function RetryWait({ seconds }: { seconds: number }) {
  if (seconds <= 0) return null;
  return (
    <div className="alert alert--info" role="status">
      För många misslyckade försök. Du kan försöka igen om{' '}
      <strong>
        {seconds} {seconds === 1 ? 'sekund' : 'sekunder'}
      </strong>
      .
    </div>
  );
}
