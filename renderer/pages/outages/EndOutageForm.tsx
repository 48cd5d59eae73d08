import { useState } from 'react';
import type { Outage } from '../../../shared/outages';
import { api, statusChanged } from '../../app/api';
import {
  formatDateTime,
  formatDuration,
  instantToLocalInput,
  instantFromInput,
} from '../../../shared/time';
import { officeClock } from '../../app/clock';
import { FormError, TextAreaField, DateTimeField } from '../../components/Field';
import { useForm } from '../../components/useForm';

interface Props {
  outage: Outage;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Ending an outage sets every journal note's deadline, so it is confirmed here with the
 * real end time (now unless the systems came back earlier) and a note on how it ended.
 */
export function EndOutageForm({ outage, onDone, onCancel }: Props) {
  const [shownNow] = useState(() => instantToLocalInput(officeClock()));
  const form = useForm({ endedAt: shownNow, note: '' });
  const submit = form.submitWith(
    (v) =>
      api().outages.end({
        id: outage.id,
        // Left as shown: main's "now", to the second, not the minute shown. Anything else,
        // emptied or no date/time, goes as typed ('' if empty or invalid) so main refuses it
        // at the field instead of ending the outage now.
        endedAt: v.endedAt === shownNow ? undefined : (instantFromInput(v.endedAt) ?? ''),
        note: v.note,
      }),
    (ended) => {
      statusChanged();
      onDone(`Avbrottet är avslutat efter ${formatDuration(ended.durationMinutes)}.`);
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="end-outage-title">
      <h2 id="end-outage-title">Avsluta avbrottet</h2>
      <p>
        Avbrottet (nivå {outage.level}) började {formatDateTime(outage.startsAt)}. Alla
        journalanteckningar får sin sista dag för införing räknad från slutdagen: HSL inom en vecka,
        SoL och LSS inom tio arbetsdagar.
      </p>
      <FormError error={form.error} />
      <div className="grid-2">
        <DateTimeField
          label="Slutade *"
          hint="Då systemen fungerade igen. Kan inte ligga i framtiden."
          autoFocus
          {...form.field('endedAt')}
        />
        <TextAreaField
          label="Anteckning"
          placeholder="T.ex. Paraplyet åter i drift enligt IT-supporten."
          {...form.field('note')}
        />
      </div>
      <div className="actions">
        <button className="button button--primary" type="submit" disabled={form.busy}>
          Avsluta avbrottet
        </button>
        <button className="button" type="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
