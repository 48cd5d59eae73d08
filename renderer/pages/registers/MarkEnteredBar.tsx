import type { RegisterKey } from '../../../shared/registers';
import { countOf } from '../../../shared/swedishText';
import { officeToday } from '../../app/clock';
import { useSession } from '../../app/session';
import { FormError, DateField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { registerApi } from './registerApi';

interface Props {
  registerKey: RegisterKey;
  ids: readonly string[];
  onDone: (count: number) => void;
}

/** Marks the selected records as entered in the social system, signed by whoever is signed in. */
export function MarkEnteredBar({ registerKey, ids, onDone }: Props) {
  const { user } = useSession();
  // Marking keeps any open record form, and the date is no one's text: no need to ask.
  const form = useForm({ enteredOn: officeToday() }, { trackUnsaved: false });
  const submit = form.submitWith(
    (v) => registerApi(registerKey).markEntered({ ids: [...ids], enteredOn: v.enteredOn }),
    (result) => onDone(result.count),
  );
  return (
    <form className="mark-bar" onSubmit={submit} noValidate aria-label="Markera som införda">
      <strong>{countOf(ids.length, 'vald', 'valda')}</strong>
      <DateField label="Införda datum" {...form.field('enteredOn')} />
      <span className="muted">Signeras {user.initials}</span>
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Markera som införda
      </button>
      {!form.error?.fields && <FormError error={form.error} />}
    </form>
  );
}
