import { useState } from 'react';
import type { Status } from '../../../shared/contract';
import { api } from '../../app/api';
import { FormError, PasswordField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { useForm } from '../../components/useForm';
import { RestoreOffer } from './RestoreOffer';

interface Props {
  dbPath: string;
  onDone: (status: Status) => void;
}

/** Later starts: the unit passphrase opens the encrypted database. */
export function UnlockPage({ dbPath, onDone }: Props) {
  const form = useForm({ passphrase: '' });
  const wait = useRetryWait(form.error);
  const [tried, setTried] = useState('');
  const submit = form.submitWith((v) => {
    setTried(v.passphrase);
    return api().unit.unlock({ passphrase: v.passphrase });
  }, onDone);
  const startupFailure =
    form.error && ['NEWER_SCHEMA', 'CORRUPT'].includes(form.error.code) ? form.error : null;
  // The backups are checked with the passphrase the unlock was tried with, not with
  // whatever is typed afterwards.
  const damagedWith = form.error?.code === 'CORRUPT' ? tried : null;

  return (
    <main className="card-page">
      <form
        className={damagedWith === null ? 'card' : 'card card--wide'}
        onSubmit={submit}
        noValidate
      >
        <h1>Lås upp Reservpärm</h1>
        <p>Ange enhetens lösenfras för att öppna den krypterade databasen.</p>
        {startupFailure ? (
          <div className="alert alert--error" role="alert">
            <strong>
              {startupFailure.code === 'CORRUPT'
                ? 'Databasen kan inte öppnas'
                : 'Nyare databasversion'}
            </strong>
            <p>{startupFailure.message}</p>
          </div>
        ) : wait > 0 ? (
          <RetryWait seconds={wait} />
        ) : (
          <FormError error={form.error} />
        )}
        <PasswordField label="Lösenfras" autoFocus {...form.field('passphrase')} />
        <button className="button button--primary" type="submit" disabled={form.busy || wait > 0}>
          {form.busy ? 'Öppnar…' : 'Lås upp'}
        </button>
        <p className="muted small">
          Databas: <code>{dbPath}</code>
        </p>
        {damagedWith !== null && (
          <RestoreOffer passphrase={damagedWith} dbPath={dbPath} onDone={onDone} />
        )}
      </form>
    </main>
  );
}
