import { useCallback, useEffect, useState } from 'react';
import { backupAgeText, type BackupStatus } from '../../../shared/backup';
import type { AppErrorData } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import { api, onStatusChanged } from '../../app/api';
import { officeClock } from '../../app/clock';
import { FormError } from '../../components/Field';

/** How often "för 12 minuter sedan" is brought up to date (from the clock, not main). */
const AGE_REFRESH_MS = 30_000;

/**
 * When the last backup was made, and a warning when backups cannot be made: the folder
 * (a USB stick) cannot be reached, or an outage goes on without one. Shown to everyone:
 * whoever is at the laptop during an outage can put the stick back or make one now.
 */
export function BackupCard({ canChooseFolder }: { canChooseFolder: boolean }) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [now, setNow] = useState(() => officeClock());
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    void api()
      .backup.status()
      .then((result) => result.ok && setStatus(result.value));
  }, []);
  useEffect(() => {
    reload();
    // An outage started or ended changes what the card must say.
    return onStatusChanged(reload);
  }, [reload]);
  useEffect(() => {
    const timer = setInterval(() => setNow(officeClock()), AGE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (!status) return null;

  async function backupNow() {
    setBusy(true);
    setError(null);
    try {
      const result = await api().backup.now();
      if (result.ok) {
        setStatus(result.value);
        setNow(officeClock());
      } else {
        setError(result.error);
        reload();
      }
    } finally {
      setBusy(false);
    }
  }

  const last = status.lastBackup;
  const choose = canChooseFolder
    ? 'Välj ett USB-minne under Inställningar.'
    : 'Enhetschefen kan välja ett USB-minne under Inställningar.';
  return (
    <article className="card" aria-labelledby="backup-card-title">
      <h2 id="backup-card-title">Säkerhetskopia</h2>
      {status.folderProblem && (
        <div className="alert alert--error" role="alert">
          {status.folderProblem}
        </div>
      )}
      {status.outageWithoutBackup && (
        <div className="alert alert--warning" role="alert">
          Ingen säkerhetskopia har gjorts under det pågående avbrottet.
          {status.lastFailure && !status.folderProblem && <p>{status.lastFailure.message}</p>}
        </div>
      )}
      {status.lastFailure && !status.folderProblem && !status.outageWithoutBackup && (
        <div className="alert alert--warning" role="alert">
          Senaste försöket misslyckades {formatDateTime(status.lastFailure.at)}:{' '}
          {status.lastFailure.message}
        </div>
      )}
      <p>
        {last ? (
          <>
            Senaste säkerhetskopia <strong>{formatDateTime(last.madeAt)}</strong> (
            {backupAgeText(new Date(last.madeAt), now)})
          </>
        ) : status.folderProblem ? (
          'Ingen säkerhetskopia kan läsas i mappen just nu.'
        ) : (
          'Ingen säkerhetskopia har gjorts ännu.'
        )}
      </p>
      {status.isDefaultFolder && !status.folderProblem && (
        <p className="muted">Kopiorna sparas på samma disk som databasen. {choose}</p>
      )}
      {/* The folder's problem is said above already; any other reason here. */}
      {error && error.message !== status.folderProblem && <FormError error={error} />}
      <button
        type="button"
        className="button button--small"
        onClick={() => void backupNow()}
        disabled={busy}
      >
        {busy ? 'Gör säkerhetskopia…' : 'Gör en säkerhetskopia nu'}
      </button>
    </article>
  );
}
