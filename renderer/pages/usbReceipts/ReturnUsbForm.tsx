import type { UsbReceipt } from '../../../shared/usbReceipts';
import { api } from '../../app/api';
import { officeToday } from '../../app/clock';
import { useSession } from '../../app/session';
import { CheckboxField, FormError, DateField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** Taking a stick back: dated, signed, and certified as entered and wiped. */
export function ReturnUsbForm({ receipt, onDone }: { receipt: UsbReceipt; onDone: () => void }) {
  const { user } = useSession();
  const form = useForm({ returnedOn: officeToday(), certified: false });
  const submit = form.submitWith(
    (v) =>
      api().usbReceipts.return({
        id: receipt.id,
        returnedOn: String(v.returnedOn),
        certified: v.certified as true,
      }),
    onDone,
  );
  return (
    <form
      className="inline-form return-form"
      onSubmit={submit}
      noValidate
      aria-label={`Återlämna ${receipt.stickNumber}`}
    >
      <DateField label="Återlämnat" {...form.field('returnedOn')} />
      <CheckboxField
        label="All data på USB är infört och rensat från USB innan återlämning"
        hint={`Signeras ${user.initials}.`}
        {...form.flag('certified')}
      />
      <button className="button button--small" type="submit" disabled={form.busy}>
        Ta emot
      </button>
      {!form.error?.fields && <FormError error={form.error} />}
    </form>
  );
}
