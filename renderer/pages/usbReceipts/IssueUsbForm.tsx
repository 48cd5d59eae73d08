import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { officeToday } from '../../app/clock';
import { FormError, DateField, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** The receiver list's last choice: someone who is not one of the unit's users. */
const OTHER = 'other';

interface Person {
  id: string;
  fullName: string;
  initials: string;
}

/**
 * Lending an encrypted stick: number, date, to whom, their signature, workplace. The
 * receiver is picked from the unit's users (main signs with their name and initials);
 * only "Annan person…" asks for a name and signature typed in.
 */
export function IssueUsbForm({ onDone }: { onDone: () => void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const form = useForm({
    stickNumber: '',
    issuedOn: officeToday(),
    receiver: '',
    receiverName: '',
    receiverSignature: '',
    workplace: '',
  });
  useEffect(() => {
    void api()
      .users.directory()
      .then((result) => result.ok && setPeople(result.value.filter((p) => p.active)));
  }, []);
  const other = form.values.receiver === OTHER;
  const picked = people.find((p) => p.id === form.values.receiver);
  const submit = form.submitWith(
    ({ receiver, ...v }) =>
      api().usbReceipts.issue({
        ...v,
        outageId: null,
        receiverUserId: picked ? picked.id : null,
        receiverName: picked ? picked.fullName : v.receiverName,
        receiverSignature: picked ? picked.initials : v.receiverSignature,
        // Nobody chosen yet: main answers at the name, as for a name left empty.
        ...(receiver === '' ? { receiverName: '', receiverSignature: '' } : {}),
      }),
    () => {
      form.reset();
      onDone();
    },
  );
  // With a person picked, main's word on the name or the user belongs at the list.
  const receiverError = form.error?.fields?.receiverName ?? form.error?.fields?.receiverUserId;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label="Lämna ut USB-minne">
      <h2>Lämna ut USB-minne</h2>
      <FormError error={form.error} />
      <div className="grid-2">
        <TextField
          label="USB-minnets nummer"
          hint="T.ex. USB 10. Mellanslag, bindestreck och stora eller små bokstäver spelar ingen roll."
          autoFocus
          {...form.field('stickNumber')}
        />
        <DateField label="Datum utlämning" {...form.field('issuedOn')} />
        <SelectField
          label="Mottagare"
          options={[
            { value: '', label: 'Välj person…' },
            ...people.map((p) => ({ value: p.id, label: `${p.fullName} (${p.initials})` })),
            { value: OTHER, label: 'Annan person…' },
          ]}
          {...form.field('receiver')}
          error={other ? undefined : receiverError}
        />
        <TextField label="Arbetsplats" {...form.field('workplace')} />
        {other && (
          <>
            <TextField label="Namn" {...form.field('receiverName')} />
            <TextField
              label="Signatur"
              hint="Mottagarens initialer, som på kvittenslistan."
              {...form.field('receiverSignature')}
            />
          </>
        )}
      </div>
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Lämna ut
      </button>
    </form>
  );
}
