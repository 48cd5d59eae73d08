import type { Outage } from '../../../shared/outages';
import { api } from '../../app/api';
import { DateField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** Records that the management group and unions have analysed a long outage. */
export function AnalysisForm({ outage, onDone }: { outage: Outage; onDone: () => void }) {
  const form = useForm({ doneOn: '' });
  const submit = form.submitWith(
    (v) => api().outages.recordAnalysis({ id: outage.id, doneOn: v.doneOn }),
    onDone,
  );
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <DateField label="Analys gjord" {...form.field('doneOn')} />
      <button className="button button--small" type="submit" disabled={form.busy}>
        Spara
      </button>
      {form.error && !form.error.fields && (
        <span className="field__error" role="alert">
          {form.error.message}
        </span>
      )}
    </form>
  );
}
