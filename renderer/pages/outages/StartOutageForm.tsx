import type { OutageLevel } from '../../../shared/outages';
import { api, statusChanged } from '../../app/api';
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

/** Anyone at the office may register that the system is down. */
export function StartOutageForm({ onDone }: { onDone: (message: string) => void }) {
  const form = useForm({ level: 'I', affectedSystems: '', note: '', startedAt: '' });
  const submit = form.submitWith(
    (v) =>
      api().outages.start({
        level: v.level as OutageLevel,
        affectedSystems: splitSystems(v.affectedSystems),
        note: v.note,
        startedAt: instantFromInput(v.startedAt),
      }),
    () => {
      form.reset();
      statusChanged();
      onDone('Avbrottet är registrerat. Allt som registreras nu hör till det.');
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="start-outage-title">
      <h2 id="start-outage-title">Starta avbrott</h2>
      <FormError error={form.error} />
      <SelectField label="Nivå" options={levelOptions} {...form.field('level')} />
      <TextField
        label="Berörda system"
        hint="Skilj med kommatecken, t.ex. Paraplyet, VODOK"
        {...form.field('affectedSystems')}
      />
      <DateTimeField label="Började (om tidigare än nu)" {...form.field('startedAt')} />
      <TextAreaField label="Anteckning" {...form.field('note')} />
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Starta avbrott
      </button>
    </form>
  );
}
