import { useCallback, useEffect, useState } from 'react';
import {
  BACKUP_INTERVAL_MAX,
  BACKUP_INTERVAL_MIN,
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  type BackupStatus,
} from '../../../shared/backup';
import type { AppErrorData } from '../../../shared/result';
import { formatDateTime } from '../../../shared/time';
import { countOf, fileSizeText, newestOf } from '../../../shared/swedishText';
import { api } from '../../app/api';
import { FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

/**
 * Where automatic backups go (an encrypted USB stick, typically), how often during an
 * outage and how many are kept; a backup at once; the newest in the folder. Main checks
 * the folder and the numbers and says what is wrong next to the field.
 */
export function BackupSettingsPanel() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void api()
      .backup.status()
      .then((result) => (result.ok ? setStatus(result.value) : setLoadError(result.error.message)));
  }, []);
  useEffect(reload, [reload]);
  if (loadError) {
    return (
      <section className="panel" aria-labelledby="backup-settings-title">
        <h2 id="backup-settings-title">Säkerhetskopior</h2>
        <div className="alert alert--error" role="alert">
          {loadError}
        </div>
      </section>
    );
  }
  if (!status) return null;
  return <BackupPanel status={status} onChanged={setStatus} />;
}

function BackupPanel({
  status,
  onChanged,
}: {
  status: BackupStatus;
  onChanged: (status: BackupStatus) => void;
}) {
  const form = useForm({
    folder: status.settings.folder,
    intervalMinutes: String(status.settings.intervalMinutes),
    keep: String(status.settings.keep),
  });
  const [notice, setNotice] = useNotice<string | null>(null);
  const [backupError, setBackupError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState<'choose' | 'backup' | null>(null);

  const save = form.submitWith(
    (values) => api().backup.configure(values),
    (next) => {
      onChanged(next);
      setNotice(
        `Sparat. Under ett avbrott görs en säkerhetskopia med ` +
          `${countOf(next.settings.intervalMinutes, 'minuts', 'minuters')} mellanrum, och ` +
          `${newestOf(next.settings.keep)} sparas i ${next.settings.folder}.`,
      );
    },
  );

  async function chooseFolder() {
    setBusy('choose');
    try {
      const result = await api().backup.chooseFolder();
      if (result.ok && result.value.folder) {
        form.setValues((current) => ({ ...current, folder: result.value.folder! }));
      } else if (!result.ok) {
        setBackupError(result.error);
      }
    } finally {
      setBusy(null);
    }
  }

  async function backupNow() {
    setBusy('backup');
    setNotice(null);
    setBackupError(null);
    try {
      const result = await api().backup.now();
      if (result.ok) {
        onChanged(result.value);
        setNotice(`Säkerhetskopian är gjord: ${result.value.lastBackup?.fileName ?? ''}.`);
      } else {
        setBackupError(result.error);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">Säkerhetskopior</h2>
      <p className="muted">
        Under ett avbrott sparas en krypterad säkerhetskopia av databasen med jämna mellanrum, när
        någon loggar ut, när Reservpärm avslutas och när batteriet går under 20 %. Välj helst en
        mapp på ett krypterat USB-minne, så att kopiorna finns kvar om datorn går sönder.
      </p>
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      <FormError error={backupError} />
      {status.folderProblem && (
        <div className="alert alert--error" role="alert">
          {status.folderProblem}
        </div>
      )}
      {status.isDefaultFolder && !status.folderProblem && (
        <div className="alert alert--info">
          Kopiorna sparas nu i en mapp bredvid databasen, på samma disk. Välj ett USB-minne.
        </div>
      )}
      <form
        onSubmit={(event) => {
          setNotice(null);
          setBackupError(null);
          void save(event);
        }}
        noValidate
        aria-label="Inställningar för säkerhetskopior"
      >
        <FormError error={form.error} />
        <div className="backup-folder">
          <TextField
            label="Mapp för säkerhetskopior"
            hint="Hela sökvägen, t.ex. E:\Säkerhetskopior."
            autoComplete="off"
            spellCheck={false}
            {...form.field('folder')}
          />
          <button
            type="button"
            className="button"
            onClick={() => void chooseFolder()}
            disabled={busy !== null}
          >
            Välj mapp…
          </button>
        </div>
        <div className="grid-2">
          <TextField
            label="Hur ofta under ett avbrott (minuter)"
            hint={`${BACKUP_INTERVAL_MIN}–${BACKUP_INTERVAL_MAX} minuter.`}
            inputMode="numeric"
            autoComplete="off"
            {...form.field('intervalMinutes')}
          />
          <TextField
            label="Antal säkerhetskopior att spara"
            hint={`${BACKUP_KEEP_MIN}–${BACKUP_KEEP_MAX}. De äldsta tas bort, utom den sista från var och en av de sju senaste dagarna.`}
            inputMode="numeric"
            autoComplete="off"
            {...form.field('keep')}
          />
        </div>
        <div className="actions">
          <button className="button button--primary" type="submit" disabled={form.busy}>
            Spara
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void backupNow()}
            disabled={busy !== null}
          >
            {busy === 'backup' ? 'Gör säkerhetskopia…' : 'Gör en säkerhetskopia nu'}
          </button>
        </div>
      </form>
      <h3>Senaste säkerhetskopiorna</h3>
      {status.latest.length === 0 ? (
        <p className="muted">Mappen har inga säkerhetskopior ännu.</p>
      ) : (
        <table className="table">
          <caption className="muted">
            {status.count === 1 ? '1 säkerhetskopia' : `${status.count} säkerhetskopior`} i mappen
            {status.count > status.latest.length
              ? `, ${newestOf(status.latest.length)} visas.`
              : '.'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Gjord</th>
              <th scope="col">Fil</th>
              <th scope="col">Storlek</th>
            </tr>
          </thead>
          <tbody>
            {status.latest.map((backup) => (
              <tr key={backup.fileName}>
                <td>{formatDateTime(backup.madeAt)}</td>
                <td>
                  <code>{backup.fileName}</code>
                </td>
                <td>{fileSizeText(backup.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
