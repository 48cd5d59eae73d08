import type { Status } from '../../../shared/contract';
import { MIN_PASSPHRASE_LENGTH, MIN_PASSWORD_LENGTH } from '../../../shared/fields';
import { api } from '../../app/api';
import { FormError, PasswordField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useState } from 'react';
import { InstallFromFile } from './InstallFromFile';

interface Props {
  dbPath: string;
  onDone: (status: Status) => void;
}

/**
 * First run: a new unit (the office PC: the unit, its passphrase and the first enhetschef,
 * in one form), or a laptop of an existing unit, installed from the office's file.
 */
export function SetupPage({ dbPath, onDone }: Props) {
  const [fromFile, setFromFile] = useState(false);
  return (
    <main className="card-page card-page--choice">
      <div className="choice" role="group" aria-label="Hur datorn ska användas">
        <button
          type="button"
          className={`button${fromFile ? '' : ' button--primary'}`}
          aria-pressed={!fromFile}
          onClick={() => setFromFile(false)}
        >
          Ny enhet (kontorsdator)
        </button>
        <button
          type="button"
          className={`button${fromFile ? ' button--primary' : ''}`}
          aria-pressed={fromFile}
          onClick={() => setFromFile(true)}
        >
          Bärbar dator från installationsfil
        </button>
      </div>
      {fromFile ? <InstallFromFile onDone={onDone} /> : <NewUnit dbPath={dbPath} onDone={onDone} />}
    </main>
  );
}

function NewUnit({ dbPath, onDone }: Props) {
  const form = useForm({
    unitName: '',
    department: '',
    passphrase: '',
    passphraseConfirm: '',
    'manager.fullName': '',
    'manager.initials': '',
    'manager.username': '',
    'manager.password': '',
    'manager.passwordConfirm': '',
  });
  const submit = form.submitWith(
    (v) =>
      api().unit.setup({
        unitName: v.unitName,
        department: v.department,
        passphrase: v.passphrase,
        passphraseConfirm: v.passphraseConfirm,
        manager: {
          fullName: v['manager.fullName'],
          initials: v['manager.initials'],
          username: v['manager.username'],
          password: v['manager.password'],
          passwordConfirm: v['manager.passwordConfirm'],
        },
      }),
    onDone,
  );

  return (
    <form className="card card--wide" onSubmit={submit} noValidate>
      <h1>Upprätta enheten</h1>
      <p>
        Reservpärm används första gången på den här datorn. Uppgifterna sparas krypterat i{' '}
        <code>{dbPath}</code>.
      </p>
      <FormError error={form.error} />

      <fieldset>
        <legend>Enheten</legend>
        <TextField label="Enhetens namn" autoFocus {...form.field('unitName')} />
        <TextField label="Förvaltning" {...form.field('department')} />
      </fieldset>

      <fieldset>
        <legend>Enhetens lösenfras</legend>
        <p className="field__hint">
          Lösenfrasen krypterar all data. Minst {MIN_PASSPHRASE_LENGTH} tecken, gärna flera ord. Den
          kan inte återställas: förvara den som enhetens övriga nycklar.
        </p>
        <PasswordField label="Lösenfras" isNew {...form.field('passphrase')} />
        <PasswordField label="Upprepa lösenfrasen" isNew {...form.field('passphraseConfirm')} />
      </fieldset>

      <fieldset>
        <legend>Första enhetschefen</legend>
        <TextField label="Namn" {...form.field('manager.fullName')} />
        <TextField
          label="Signatur (initialer)"
          hint="Står vid varje post du gör, som på pappersblanketterna."
          {...form.field('manager.initials')}
        />
        <TextField
          label="Användarnamn"
          autoComplete="username"
          {...form.field('manager.username')}
        />
        <PasswordField
          label="Personligt lösenord"
          hint={`Minst ${MIN_PASSWORD_LENGTH} tecken.`}
          isNew
          {...form.field('manager.password')}
        />
        <PasswordField
          label="Upprepa lösenordet"
          isNew
          {...form.field('manager.passwordConfirm')}
        />
      </fieldset>

      <button className="button button--primary" type="submit" disabled={form.busy}>
        {form.busy ? 'Upprättar…' : 'Upprätta enheten'}
      </button>
    </form>
  );
}
