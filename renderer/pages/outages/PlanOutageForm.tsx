import type { OutageLevel } from '../../../shared/outages';
import { api } from '../../app/api';
import { instantFromInput } from '../../../shared/time';
import {
  FormError,
  SelectField,
  TextAreaField,
  DateTimeField,
  TextField,
} from '../../components/Field';
import { useForm } from '../../components/useForm';
import { levelOptions, splitSystems } from './levelOptions';

/** The enhetschef enters a planned outage ahead, e.g. a system upgrade. */
export function PlanOutageForm({ onDone }: { onDone: (message: string) => void }) {
  const form = useForm({ level: 'I', affectedSystems: '', note: '', startsAt: '', endsAt: '' });
  const submit = form.submitWith(
    (v) =>
      api().outages.plan({
        level: v.level as OutageLevel,
        affectedSystems: splitSystems(v.affectedSystems),
        note: v.note,
        startsAt: instantFromInput(v.startsAt) ?? '',
        endsAt: instantFromInput(v.endsAt) ?? '',
      }),
    () => {
      form.reset();
      onDone('Det planerade avbrottet är registrerat.');
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="plan-outage-title">
      <h2 id="plan-outage-title">Planera avbrott</h2>
      <FormError error={form.error} />
      <div className="grid-2">
        <DateTimeField label="Från" {...form.field('startsAt')} />
        <DateTimeField label="Till" {...form.field('endsAt')} />
      </div>
      <SelectField label="Nivå" options={levelOptions} {...form.field('level')} />
      <TextField label="Berörda system" {...form.field('affectedSystems')} />
      <TextAreaField label="Anteckning" {...form.field('note')} />
      <button className="button" type="submit" disabled={form.busy}>
        Spara planerat avbrott
      </button>
    </form>
  );
}
