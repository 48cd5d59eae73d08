import { useEffect, useState } from 'react';
import { api, statusChanged } from './api';
import { officeClock } from './clock';
import { formatCountdown, msUntilLock, showsLockWarning } from './inactivity';

/**
 * The last two minutes before main locks the session: a visible countdown and a button
 * to stay. The time is main's (status.autoLockAt on main's clock), so it does not lie
 * about when the lock comes; at zero it asks main, which shows the sign-in screen.
 */
export function LockWarning({ autoLockAt }: { autoLockAt: string | null }) {
  const [now, setNow] = useState(() => officeClock());
  useEffect(() => {
    const timer = setInterval(() => setNow(officeClock()), 1000);
    return () => clearInterval(timer);
  }, []);

  const msLeft = msUntilLock(autoLockAt, now);
  const showing = showsLockWarning(msLeft);
  const expired = msLeft !== null && msLeft <= 0;
  // On showing, ask main once more: any call since the last status moved its lock time.
  useEffect(() => {
    if (showing || expired) statusChanged();
  }, [showing, expired]);

  if (!showing) return null;
  return (
    <div className="lock-warning" role="alert">
      <p>
        {/* The ticking time is for the eye; a screen reader hears the message once. */}
        <strong>
          <span aria-hidden="true">
            Du loggas ut om <span className="lock-warning__time">{formatCountdown(msLeft!)}</span>
          </span>
          <span className="visually-hidden">Du loggas snart ut</span> på grund av inaktivitet.
        </strong>{' '}
        Det du har skrivit men inte sparat finns kvar när du loggar in igen.
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() =>
          void api()
            .session.touch()
            .then(() => statusChanged())
        }
      >
        Fortsätt vara inloggad
      </button>
    </div>
  );
}
