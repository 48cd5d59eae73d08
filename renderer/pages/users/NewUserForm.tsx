import type { User } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { api } from '../../app/api';
import { FormError, PasswordField, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { roleOptions } from './roleOptions';

interface Props {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export function NewUserForm({ onCreated, onCancel }: Props) {
  const form = useForm({
    fullName: '',
    initials: '',
    username: '',
    role: 'caseWorker',
    password: '',
    passwordConfirm: '',
  });
  const submit = form.submitWith(
    (v) => api().users.create({ ...v, role: v.role as Role }),
    onCreated,
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">Ny användare</h2>
      <FormError error={form.error} />
      <div className="grid-2">
        <TextField label="Namn" autoFocus {...form.field('fullName')} />
        <TextField label="Signatur (initialer)" {...form.field('initials')} />
        <TextField label="Användarnamn" autoComplete="off" {...form.field('username')} />
        <SelectField label="Roll" options={roleOptions} {...form.field('role')} />
        <PasswordField label="Lösenord" isNew {...form.field('password')} />
        <PasswordField label="Upprepa lösenordet" isNew {...form.field('passwordConfirm')} />
      </div>
      <div className="actions">
        <button className="button button--primary" type="submit" disabled={form.busy}>
          Spara användare
        </button>
        <button className="button" type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
