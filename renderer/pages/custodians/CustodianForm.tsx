import type { Custodian } from '../../../shared/custodians';
import { api } from '../../app/api';
import { CheckboxField, FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

interface Props {
  custodian: Custodian | null;
  onDone: (custodian: Custodian) => void;
  onCancel: () => void;
}

export function CustodianForm({ custodian, onDone, onCancel }: Props) {
  const form = useForm({
    name: custodian?.name ?? '',
    unitName: custodian?.unitName ?? '',
    phone: custodian?.phone ?? '',
    email: custodian?.email ?? '',
    active: custodian?.active ?? true,
  });
  const submit = form.submitWith(({ active, ...fields }) => {
    const values = { ...fields } as {
      name: string;
      unitName: string;
      phone: string;
      email: string;
    };
    return custodian
      ? api().custodians.update({ ...values, id: custodian.id, active: active === true })
      : api().custodians.create(values);
  }, onDone);
  const title = custodian ? `Ändra ${custodian.name}` : 'Ny kassaförvaltare';
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <FormError error={form.error} />
      <div className="grid-2">
        <TextField label="Namn" autoFocus {...form.field('name')} />
        <TextField label="Enhet" {...form.field('unitName')} />
        <TextField label="Telefonnummer" type="tel" {...form.field('phone')} />
        <TextField label="E-post" type="email" {...form.field('email')} />
      </div>
      {custodian && <CheckboxField label="Är kassaförvaltare" {...form.flag('active')} />}
      <div className="actions">
        <button className="button button--primary" type="submit" disabled={form.busy}>
          Spara
        </button>
        <button className="button" type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
