import { useState } from 'react';
import type { User } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { api } from '../../app/api';
import { FormError, PasswordField, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { roleOptions } from './roleOptions';

interface Props {
  user: User;
  isSelf: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function EditUserPanel({ user, isSelf, onDone, onCancel }: Props) {
  const details = useForm({ fullName: user.fullName, initials: user.initials, role: user.role });
  const password = useForm({ password: '', passwordConfirm: '' });
  const [activeError, setActiveError] = useState<string | null>(null);

  const saveDetails = details.submitWith(
    (v) => api().users.update({ id: user.id, ...v, role: v.role as Role }),
    (u) => onDone(`Uppgifterna för ${u.fullName} har sparats.`),
  );
  const savePassword = password.submitWith(
    (v) => api().users.resetPassword({ id: user.id, ...v }),
    () => onDone(`Nytt lösenord har satts för ${user.fullName}.`),
  );

  async function toggleActive() {
    const result = await api().users.setActive({ id: user.id, active: !user.active });
    if (result.ok) {
      onDone(`${user.fullName} är ${result.value.active ? 'aktiverad' : 'inaktiverad'}.`);
    } else {
      setActiveError(result.error.message);
    }
  }

  return (
    <div className="panel" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title">
        Ändra {user.fullName} {isSelf && <span className="muted">(du)</span>}
      </h2>
      <form onSubmit={saveDetails} noValidate>
        <FormError error={details.error} />
        <div className="grid-3">
          <TextField label="Namn" autoFocus {...details.field('fullName')} />
          <TextField label="Signatur (initialer)" {...details.field('initials')} />
          <SelectField label="Roll" options={roleOptions} {...details.field('role')} />
        </div>
        <div className="actions">
          <button className="button button--primary" type="submit" disabled={details.busy}>
            Spara ändringar
          </button>
          <button className="button" type="button" onClick={onCancel}>
            Stäng
          </button>
        </div>
      </form>

      <form onSubmit={savePassword} noValidate>
        <h3>Nytt lösenord</h3>
        <FormError error={password.error} />
        <div className="grid-2">
          <PasswordField label="Nytt lösenord" isNew {...password.field('password')} />
          <PasswordField
            label="Upprepa nytt lösenord"
            isNew
            {...password.field('passwordConfirm')}
          />
        </div>
        <button className="button" type="submit" disabled={password.busy}>
          Sätt nytt lösenord
        </button>
      </form>

      <h3>Konto</h3>
      {activeError && (
        <div className="alert alert--error" role="alert">
          {activeError}
        </div>
      )}
      <button
        className={`button ${user.active ? 'button--danger' : ''}`}
        type="button"
        onClick={() => void toggleActive()}
      >
        {user.active ? 'Inaktivera konto' : 'Aktivera konto'}
      </button>
      <p className="muted small">
        Ett inaktiverat konto kan inte logga in. Det tas aldrig bort: det står kvar vid de poster
        personen har gjort.
      </p>
    </div>
  );
}
