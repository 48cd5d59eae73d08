import { AUTO_LOCK_MAX_MINUTES, AUTO_LOCK_MIN_MINUTES } from '../../../shared/unitSettings';
import { api, statusChanged } from '../../app/api';
import { useSession } from '../../app/session';
import { FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

/**
 * The unit's name and department, printed at the top of every document, and how long the
 * app waits before it locks itself. Main uses the new minutes at once.
 */
export function UnitDetailsForm() {
  const { unit } = useSession();
  const form = useForm({
    name: unit.name,
    department: unit.department,
    autoLockMinutes: String(unit.autoLockMinutes),
  });
  const [saved, setSaved] = useNotice<string | null>(null);
  const call = form.submitWith(
    (v) => api().unit.updateDetails(v),
    (next) => {
      setSaved(
        `Sparat: ${next.name}, ${next.department}. Reservpärm låses efter ${next.autoLockMinutes} ` +
          `${next.autoLockMinutes === 1 ? 'minut' : 'minuter'} utan aktivitet.`,
      );
      statusChanged();
    },
  );
  return (
    <form
      className="panel"
      onSubmit={(event) => {
        // A new attempt: the last confirmation no longer speaks for what is on screen.
        setSaved(null);
        void call(event);
      }}
      noValidate
      aria-labelledby="unit-details-title"
    >
      <h2 id="unit-details-title">Enhetens uppgifter och automatisk låsning</h2>
      {saved && (
        <div className="alert alert--success" role="status">
          {saved}
        </div>
      )}
      <FormError error={form.error} />
      <div className="grid-2">
        <TextField
          label="Enhetens namn"
          hint="Står överst på alla utskrifter."
          {...form.field('name')}
        />
        <TextField label="Förvaltning" {...form.field('department')} />
        <TextField
          label="Lås efter inaktivitet (minuter)"
          hint={`${AUTO_LOCK_MIN_MINUTES}–${AUTO_LOCK_MAX_MINUTES} minuter.`}
          inputMode="numeric"
          autoComplete="off"
          {...form.field('autoLockMinutes')}
        />
      </div>
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Spara uppgifterna
      </button>
    </form>
  );
}
