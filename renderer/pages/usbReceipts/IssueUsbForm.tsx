import { api } from '../../app/api';
import { officeToday } from '../../app/clock';
import { FormError, DateField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** Lending an encrypted stick: number, date, to whom, their signature, workplace. */
export function IssueUsbForm({ onDone }: { onDone: () => void }) {
  const form = useForm({
    stickNumber: '',
    issuedOn: officeToday(),
    receiverName: '',
    receiverSignature: '',
    workplace: '',
  });
  const submit = form.submitWith(
    (v) => api().usbReceipts.issue({ ...v, outageId: null }),
    () => {
      form.reset();
      onDone();
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label="Lämna ut USB-minne">
      <h2>Lämna ut USB-minne</h2>
      <FormError error={form.error} />
      <div className="grid-2">
        <TextField label="USB-minnets nummer" autoFocus {...form.field('stickNumber')} />
        <DateField label="Datum utlämning" {...form.field('issuedOn')} />
        <TextField label="Namn" {...form.field('receiverName')} />
        <TextField
          label="Signatur"
          hint="Mottagarens initialer, som på kvittenslistan."
          {...form.field('receiverSignature')}
        />
        <TextField label="Arbetsplats" {...form.field('workplace')} />
      </div>
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Lämna ut
      </button>
    </form>
  );
}
