import { useEffect, useState } from 'react';
import type { Status } from '../../../shared/contract';
import type { StartupOffer } from '../../../shared/restore';
import type { AppErrorData } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import { api } from '../../app/api';
import { FormError } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';

interface Props {
  /** The passphrase the unlock was tried with: the backups are checked with it. */
  passphrase: string;
  dbPath: string;
  onDone: (status: Status) => void;
}

/**
 * Shown under the unlock's "the database is damaged": the latest backup that opens with
 * the passphrase and passes its check, offered by its time, and a confirmation that says
 * what happens to the damaged file and what the backup does not hold.
 */
export function RestoreOffer({ passphrase, dbPath, onDone }: Props) {
  const [offer, setOffer] = useState<StartupOffer | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const wait = useRetryWait(error);

  useEffect(() => {
    let current = true;
    void api()
      .restore.offer({ passphrase })
      .then((answer) => {
        if (!current) return;
        if (answer.ok) setOffer(answer.value);
        else setError(answer.error);
      });
    return () => {
      current = false;
    };
  }, [passphrase]);

  async function restore() {
    if (!offer?.offer || busy) return;
    setBusy(true);
    try {
      const answer = await api().restore.atStartup({
        passphrase,
        backupName: offer.offer.name,
        keptAsideName: offer.keptAsideName,
      });
      if (answer.ok) onDone(answer.value);
      else {
        setError(answer.error);
        setConfirming(false);
      }
    } finally {
      setBusy(false);
    }
  }

  if (!offer) {
    return (
      <section className="restore-offer" aria-labelledby="restore-offer-title">
        <h2 id="restore-offer-title">Säkerhetskopior</h2>
        {error ? (
          wait > 0 ? (
            <RetryWait seconds={wait} />
          ) : (
            <FormError error={error} />
          )
        ) : (
          <p role="status">Söker efter säkerhetskopior…</p>
        )}
      </section>
    );
  }

  const chosen = offer.offer;
  const time = chosen ? formatDateTime(chosen.madeAt) : '';
  return (
    <section className="restore-offer" aria-labelledby="restore-offer-title">
      <h2 id="restore-offer-title">Säkerhetskopior</h2>
      {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={error} />}
      {offer.skipped.length > 0 && (
        <div className="alert alert--warning">
          <p>
            {chosen
              ? 'Nyare säkerhetskopior som inte kan användas:'
              : 'Säkerhetskopiorna kan inte användas:'}
          </p>
          <ul>
            {offer.skipped.map((skipped) => (
              <li key={skipped.name}>
                {formatDateTime(skipped.madeAt)}: {skipped.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!chosen && (
        // A status, not a second alert: the damage above is the alert; this says what next.
        <div className="alert alert--error" role="status">
          <strong>Det finns ingen säkerhetskopia att återställa från</strong>
          {offer.folderProblem ? (
            <p>{offer.folderProblem}</p>
          ) : (
            <p>
              Ingen säkerhetskopia i <code>{offer.backupFolder}</code> går att öppna och kontrollera
              med lösenfrasen.
            </p>
          )}
          <p>
            Kontakta IT. Den skadade filen är orörd: <code>{dbPath}</code>. Fortsätt under tiden på
            pappersblanketterna.
          </p>
        </div>
      )}
      {chosen && !confirming && (
        <p>Den senaste säkerhetskopian som går att använda är från {time}.</p>
      )}
      {chosen && !confirming && (
        <button
          type="button"
          className="button button--primary"
          disabled={wait > 0}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          Återställ från säkerhetskopian {time}
        </button>
      )}
      {chosen && confirming && (
        <div className="confirm-box" role="group" aria-labelledby="restore-confirm-title">
          <h3 id="restore-confirm-title">Återställa från säkerhetskopian {time}?</h3>
          <ul>
            <li>
              Den skadade filen sparas undan som <code>{offer.keptAsideName}</code> i{' '}
              <code>{offer.databaseFolder}</code>. Den raderas inte.
            </li>
            <li>Säkerhetskopian från {time} blir databasen.</li>
            <li>
              Ändringar som gjordes efter {time} finns inte i den och måste föras in igen från
              pappersblanketterna.
            </li>
          </ul>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void restore()}
            >
              {busy ? 'Återställer…' : 'Återställ och öppna'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Avbryt
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
