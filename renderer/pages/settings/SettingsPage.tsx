import { MIN_PASSPHRASE_LENGTH } from '../../../shared/fields';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { FormError, PasswordField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { useForm } from '../../components/useForm';
import { BackupSettingsPanel } from './BackupSettingsPanel';
import { ImportTransferPanel } from './ImportTransferPanel';
import { LaptopPanel } from './LaptopPanel';
import { LocalRoutinesForm } from './LocalRoutinesForm';
import { ReferencePrefixForm } from './ReferencePrefixForm';
import { RestoreBackupPanel } from './RestoreBackupPanel';
import { UnitDetailsForm } from './UnitDetailsForm';
import { UnitSettingsForm } from './UnitSettingsForm';
import { useNotice } from '../../components/useNotice';

/** The enhetschef changes the unit passphrase; the database is re-encrypted in place. */
export function SettingsPage() {
  const { deviceKind } = useSession();
  const [done, setDone] = useNotice(false);
  const form = useForm({ current: '', next: '', nextConfirm: '' });
  const wait = useRetryWait(form.error);
  const submit = form.submitWith(
    (v) => api().unit.changePassphrase(v),
    () => {
      form.reset();
      setDone(true);
    },
  );
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Inställningar</h1>
      <UnitDetailsForm />
      <UnitSettingsForm />
      <ReferencePrefixForm />
      <LocalRoutinesForm />
      {deviceKind === 'office' && <LaptopPanel />}
      {deviceKind === 'office' && <ImportTransferPanel />}
      <BackupSettingsPanel />
      <RestoreBackupPanel />
      <form className="panel" onSubmit={submit} noValidate>
        <h2>Byt enhetens lösenfras</h2>
        <p className="muted">
          Databasen krypteras om med den nya lösenfrasen. Alla som öppnar Reservpärm på den här
          datorn behöver sedan den nya. Minst {MIN_PASSPHRASE_LENGTH} tecken.
        </p>
        {done && (
          <div className="alert alert--success" role="status">
            Lösenfrasen är bytt.
          </div>
        )}
        {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={form.error} />}
        <PasswordField label="Nuvarande lösenfras" {...form.field('current')} />
        <PasswordField label="Ny lösenfras" isNew {...form.field('next')} />
        <PasswordField label="Upprepa ny lösenfras" isNew {...form.field('nextConfirm')} />
        <button className="button button--primary" type="submit" disabled={form.busy || wait > 0}>
          {form.busy ? 'Krypterar om…' : 'Byt lösenfras'}
        </button>
      </form>
    </section>
  );
}
