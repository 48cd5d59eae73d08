import { useEffect, useState, type ReactNode } from 'react';
import { registers } from '../../../shared/registers';
import type { BackupList, RestoreDescription } from '../../../shared/restore';
import type { AppErrorData } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import { api, statusChanged } from '../../app/api';
import { FormError, PasswordField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { useForm } from '../../components/useForm';

const megabytes = (bytes: number) =>
  `${(bytes / 1_048_576).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/**
 * "Återställ från säkerhetskopia": the enhetschef picks one of the folder's backups, sees
 * what the database holds now against what the backup holds and what would be lost, and
 * confirms with the unit passphrase. Everyone is then signed out to the sign-in screen.
 */
export function RestoreBackupPanel() {
  const [list, setList] = useState<BackupList | null>(null);
  const [listError, setListError] = useState<AppErrorData | null>(null);
  const [chosen, setChosen] = useState<RestoreDescription | null>(null);
  const [describeError, setDescribeError] = useState<AppErrorData | null>(null);
  const form = useForm({ passphrase: '' }, { trackUnsaved: false });
  const wait = useRetryWait(form.error);

  useEffect(() => {
    void api()
      .restore.list()
      .then((answer) => {
        if (answer.ok) setList(answer.value);
        else setListError(answer.error);
      });
  }, []);

  async function choose(backupName: string) {
    setDescribeError(null);
    form.reset();
    const answer = await api().restore.describe({ backupName });
    if (answer.ok) setChosen(answer.value);
    else setDescribeError(answer.error);
  }

  // The answer is the sign-in screen: the app shell shows it once it asks main again.
  const restore = form.submitWith(
    (v) =>
      api().restore.run({
        backupName: chosen!.backup.name,
        passphrase: v.passphrase,
        keptAsideName: chosen!.keptAsideName,
      }),
    () => statusChanged(),
  );

  return (
    <section className="panel" aria-labelledby="restore-title">
      <h2 id="restore-title">Återställ från säkerhetskopia</h2>
      <p className="muted">
        Ersätter databasen med en äldre säkerhetskopia. Den nuvarande databasen raderas inte utan
        sparas undan bredvid. Alla loggas ut.
      </p>
      <FormError error={listError} />
      {list && (
        <>
          <p>
            Mapp: <code>{list.folder}</code>
          </p>
          {list.folderProblem && <div className="alert alert--warning">{list.folderProblem}</div>}
          {!list.folderProblem && list.backups.length === 0 && (
            <p className="muted">Det finns inga säkerhetskopior i mappen.</p>
          )}
          {list.backups.length > 0 && (
            <table className="table" aria-label="Säkerhetskopior">
              <thead>
                <tr>
                  <th scope="col">Säkerhetskopia från</th>
                  <th scope="col">Storlek</th>
                  <th scope="col">
                    <span className="visually-hidden">Välj</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((backup) => (
                  <tr key={backup.name} aria-selected={chosen?.backup.name === backup.name}>
                    <th scope="row">{formatDateTime(backup.madeAt)}</th>
                    <td>{megabytes(backup.bytes)}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        aria-label={`Välj säkerhetskopian från ${formatDateTime(backup.madeAt)}`}
                        onClick={() => void choose(backup.name)}
                      >
                        Välj
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <FormError error={describeError} />
      {chosen && (
        <RestoreConfirmation description={chosen}>
          {chosen.backup.problem ? (
            <div className="alert alert--error" role="alert">
              {chosen.backup.problem}
            </div>
          ) : (
            <form onSubmit={restore} noValidate>
              {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={form.error} />}
              <PasswordField label="Enhetens lösenfras" {...form.field('passphrase')} />
              <div className="form-actions">
                <button
                  className="button button--danger"
                  type="submit"
                  disabled={form.busy || wait > 0}
                >
                  {form.busy ? 'Återställer…' : 'Ersätt databasen med säkerhetskopian'}
                </button>
                <button type="button" className="button" onClick={() => setChosen(null)}>
                  Avbryt
                </button>
              </div>
            </form>
          )}
        </RestoreConfirmation>
      )}
    </section>
  );
}

function RestoreConfirmation({
  description,
  children,
}: {
  description: RestoreDescription;
  children: ReactNode;
}) {
  const { current, backup } = description;
  const time = formatDateTime(backup.madeAt);
  const backupCount = (key: string) =>
    backup.counts?.find((row) => row.register === key)?.count ?? '–';
  return (
    <div className="confirm-box" role="group" aria-labelledby="restore-confirm-title">
      <h3 id="restore-confirm-title">Ersätta databasen med säkerhetskopian från {time}?</h3>
      <table className="table" aria-label="Poster per register">
        <thead>
          <tr>
            <th scope="col">Register</th>
            <th scope="col">
              Databasen nu
              <br />
              <span className="muted small">
                senast ändrad{' '}
                {current.lastChangeAt ? formatDateTime(current.lastChangeAt) : '(inga ändringar)'}
              </span>
            </th>
            <th scope="col">
              Säkerhetskopian
              <br />
              <span className="muted small">från {time}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {current.counts.map((row) => (
            <tr key={row.register}>
              <th scope="row">{registers[row.register].title}</th>
              <td>{row.count}</td>
              <td>{backupCount(row.register)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        <li>
          Allt som sparats efter {time} försvinner ur databasen och måste föras in igen från
          pappersblanketterna.
        </li>
        <li>
          Den nuvarande databasen sparas undan som <code>{description.keptAsideName}</code> i{' '}
          <code>{description.databaseFolder}</code>. Den raderas inte.
        </li>
        <li>Alla loggas ut och loggar in igen i den återställda databasen.</li>
      </ul>
      {children}
    </div>
  );
}
