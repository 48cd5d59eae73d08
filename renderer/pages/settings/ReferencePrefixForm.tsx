import { api, statusChanged } from '../../app/api';
import { useSession } from '../../app/session';
import { FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

/** The letters before each printed reference's number ("ST000123"). */
export function ReferencePrefixForm() {
  const { unit } = useSession();
  const form = useForm({ prefix: unit.referencePrefix });
  const [done, setDone] = useNotice(false);
  const submit = form.submitWith(
    (v) => api().unit.updateReferencePrefix({ prefix: v.prefix }),
    () => {
      setDone(true);
      statusChanged();
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="prefix-title">
      <h2 id="prefix-title">Referenser på blanketter</h2>
      <p className="muted">
        Varje rad i en utskriven blankett får en referens: enhetens prefix och ett löpnummer, till
        exempel {unit.referencePrefix}000123. Ett nytt prefix gäller det som skrivs ut härefter;
        redan utskrivna referenser behåller sitt.
      </p>
      {done && (
        <div className="alert alert--success" role="status">
          Prefixet är sparat.
        </div>
      )}
      <FormError error={form.error} />
      <TextField
        label="Prefix (2–4 bokstäver A–Z)"
        autoComplete="off"
        maxLength={4}
        // Saved in capitals whatever is typed: show it that way.
        className="uppercase"
        {...form.field('prefix')}
      />
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Spara prefix
      </button>
    </form>
  );
}
