import { MIN_PASSWORD_LENGTH } from '../../../shared/fields';
import { api } from '../../app/api';
import { FormError, PasswordField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

/** Every person changes their own password, knowing the current one. */
export function ChangePasswordPage({ prompted }: { prompted: boolean }) {
  const [done, setDone] = useNotice(false);
  const form = useForm({ current: '', password: '', passwordConfirm: '' });
  const wait = useRetryWait(form.error);
  const submit = form.submitWith(
    (v) => {
      setDone(false);
      return api().session.changePassword(v);
    },
    () => {
      form.reset();
      setDone(true);
    },
  );
  return (
    <section aria-labelledby="password-title">
      <h1 id="password-title">Byt lösenord</h1>
      <form className="panel" onSubmit={submit} noValidate>
        {prompted && !done && (
          <div className="alert alert--info" role="status">
            Ditt lösenord är kortare än {MIN_PASSWORD_LENGTH} tecken, som nu är kravet. Byt det
            gärna nu.
          </div>
        )}
        <p className="muted">
          Ange ditt nuvarande lösenord och välj ett nytt på minst {MIN_PASSWORD_LENGTH} tecken. Det
          nya gäller nästa gång du loggar in.
        </p>
        {done && (
          <div className="alert alert--success" role="status">
            Ditt lösenord är bytt.
          </div>
        )}
        {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={form.error} />}
        <PasswordField label="Nuvarande lösenord" autoFocus {...form.field('current')} />
        <PasswordField label="Nytt lösenord" isNew {...form.field('password')} />
        <PasswordField label="Upprepa nytt lösenord" isNew {...form.field('passwordConfirm')} />
        <button className="button button--primary" type="submit" disabled={form.busy || wait > 0}>
          Byt lösenord
        </button>
      </form>
    </section>
  );
}
