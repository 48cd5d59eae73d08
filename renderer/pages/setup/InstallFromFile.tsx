import { useState } from 'react';
import type { Status } from '../../../shared/contract';
import type { SetupFileInfo } from '../../../shared/transfer';
import { formatDateTime } from '../../../shared/time';
import { api } from '../../app/api';
import { FormError, PasswordField, TextField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { useForm } from '../../components/useForm';

/**
 * A laptop's first run: set up from the installation file the enhetschef made on the
 * office PC, so the unit, its people and their passwords are the office's. Main opens the
 * file dialog and reads the file with the passphrase; nothing is created until
 * "Installera".
 */
export function InstallFromFile({ onDone }: { onDone: (status: Status) => void }) {
  const [chosen, setChosen] = useState<{ fileToken: string; info: SetupFileInfo } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const form = useForm({ passphrase: '', deviceName: '' });
  const wait = useRetryWait(form.error);

  const choose = form.submitWith(
    (v) => api().setupFile.choose({ passphrase: v.passphrase }),
    (answer) => {
      setCancelled(answer === null);
      setChosen(answer);
      if (answer) form.setValues((v) => ({ ...v, deviceName: answer.info.laptopName }));
    },
  );
  const install = form.submitWith(
    (v) =>
      api().setupFile.install({
        fileToken: chosen!.fileToken,
        passphrase: v.passphrase,
        deviceName: v.deviceName,
      }),
    onDone,
  );
  // A file that is gone or cannot be read any more: choose again.
  const fileGone = ['NOT_FOUND', 'DAMAGED_FILE', 'WRONG_FILE'].includes(form.error?.code ?? '');

  return (
    <form
      className="card card--wide"
      onSubmit={chosen && !fileGone ? install : choose}
      noValidate
      aria-labelledby="install-title"
    >
      <h1 id="install-title">Installera från installationsfil</h1>
      <p>
        Enhetschefen skapar en installationsfil på enhetens kontorsdator (Inställningar → Förbered
        bärbar dator). Med den får den här datorn samma enhet och samma användare, och alla loggar
        in med sina vanliga konton.
      </p>
      {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={form.error} />}
      <PasswordField label="Enhetens lösenfras" autoFocus {...form.field('passphrase')} />
      <div aria-live="polite">
        {cancelled && !chosen && <p className="muted">Ingen fil valdes.</p>}
      </div>
      {chosen && (
        <>
          <dl className="facts" aria-label="Installationsfilen">
            <dt>Enhet</dt>
            <dd>{chosen.info.unitName}</dd>
            <dt>Skapad</dt>
            <dd>
              {formatDateTime(chosen.info.madeAt)} av {chosen.info.madeByName} på{' '}
              {chosen.info.madeOnDeviceName}
            </dd>
            <dt>Användare</dt>
            <dd>{chosen.info.userCount}</dd>
            <dt>Blankettreferenser</dt>
            <dd>
              {chosen.info.firstReference}–{chosen.info.lastReference}
            </dd>
          </dl>
          <TextField label="Datorns namn" {...form.field('deviceName')} />
        </>
      )}
      <div className="form-actions">
        {chosen && !fileGone ? (
          <>
            <button
              className="button button--primary"
              type="submit"
              disabled={form.busy || wait > 0}
            >
              {form.busy ? 'Installerar…' : 'Installera'}
            </button>
            <button
              className="button"
              type="button"
              disabled={form.busy}
              onClick={() => void choose()}
            >
              Välj en annan fil…
            </button>
          </>
        ) : (
          <button className="button button--primary" type="submit" disabled={form.busy || wait > 0}>
            {form.busy ? 'Läser filen…' : 'Välj installationsfil…'}
          </button>
        )}
      </div>
    </form>
  );
}
