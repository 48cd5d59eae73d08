import type { Status } from '../../../shared/contract';
import { api } from '../../app/api';
import { FormError, PasswordField, TextField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { useForm } from '../../components/useForm';
import { notePasswordLength } from '../account/passwordPrompt';
import { countOf } from '../../../shared/swedishText';

interface Props {
  status: Status;
  /** Whose unsaved input is held in memory since the inactivity lock, if anyone's. */
  heldFor?: string | null;
  onDone: (status: Status) => void;
}

/** Each person signs in with their own account, so every entry carries their signature. */
export function SignInPage({ status, heldFor = null, onDone }: Props) {
  const form = useForm({ username: '', password: '' });
  const wait = useRetryWait(form.error);
  const submit = form.submitWith(
    (v) => api().session.signIn({ username: v.username, password: v.password }),
    (next) => {
      notePasswordLength(form.values.password);
      onDone(next);
    },
  );

  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} noValidate>
        <h1>Logga in</h1>
        {status.unit && (
          <p className="lead">
            {status.unit.name} · {status.unit.department}
          </p>
        )}
        {status.signedOutReason === 'inactivity' && !form.error && (
          <div className="alert alert--info" role="status">
            Du loggades ut efter {countOf(status.unit?.autoLockMinutes ?? 10, 'minuts', 'minuters')}{' '}
            inaktivitet.
            {heldFor && (
              <p>
                Osparade ändringar för {heldFor} finns kvar och kommer tillbaka vid nästa inloggning
                med samma konto. Loggar någon annan in tas de bort.
              </p>
            )}
          </div>
        )}
        {status.signedOutReason === 'restored' && !form.error && (
          <div className="alert alert--info" role="status">
            Databasen har återställts från en säkerhetskopia och alla har loggats ut. Logga in igen
            och för in det som ändrats efter säkerhetskopians tid från pappersblanketterna.
          </div>
        )}
        {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={form.error} />}
        <TextField
          label="Användarnamn"
          autoFocus
          autoComplete="username"
          {...form.field('username')}
        />
        <PasswordField label="Lösenord" {...form.field('password')} />
        <button className="button button--primary" type="submit" disabled={form.busy || wait > 0}>
          {form.busy ? 'Loggar in…' : 'Logga in'}
        </button>
      </form>
    </main>
  );
}
