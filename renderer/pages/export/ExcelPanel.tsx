import { useState } from 'react';
import type { Outage } from '../../../shared/outages';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { CheckboxField, DateField, FormError } from '../../components/Field';
import { TaskProgress } from '../../components/TaskProgress';
import { useForm } from '../../components/useForm';
import { OutageChoice } from './OutageChoice';
import { useNotice } from '../../components/useNotice';

type Saved = { savedAs: string | null; sheets: { name: string; rows: number }[] };

/**
 * The registers as an Excel workbook (a sheet per register the person may read), and the
 * worklist of what is not yet entered into the social system (a sheet per person who must
 * enter it), for an outage, a date range or one's own records. Saved where the person
 * chooses; the file is not encrypted, so the dialog's place matters.
 */
export function ExcelPanel({ outages }: { outages: Outage[] }) {
  const { user } = useSession();
  const [saved, setSaved] = useNotice<Saved | null>(null);
  const [running, setRunning] = useState<'registers' | 'worklist' | null>(null);
  const form = useForm(
    { outageId: outages[0]?.id ?? '', from: '', to: '', onlyMine: false as boolean },
    { trackUnsaved: false },
  );
  const filter = () => ({
    outageId: form.values.outageId || null,
    from: form.values.from || null,
    to: form.values.to || null,
    createdById: form.values.onlyMine ? user.id : null,
  });
  const save = (kind: 'registers' | 'worklist') =>
    form.submitWith(
      () => {
        setRunning(kind);
        setSaved(null);
        const call =
          kind === 'registers'
            ? api().export.registerWorkbook(filter())
            : api().export.entryWorklist(filter());
        return call.finally(() => setRunning(null));
      },
      (answer) => setSaved(answer),
    );

  return (
    <form
      className="panel"
      onSubmit={(event) => void save('registers')(event)}
      noValidate
      aria-labelledby="excel-title"
    >
      <h2 id="excel-title">Excel för inmatning i verksamhetssystemet</h2>
      <p className="muted">
        Registren med samma rubriker som blanketterna, och en arbetslista med allt som inte förts in
        ännu, sorterad efter när det senast ska vara infört. Filen är inte krypterad: spara den på
        enhetens krypterade USB-minne och radera den när uppgifterna är införda.
      </p>
      <FormError error={form.error} />
      <div className="filters">
        <OutageChoice outages={outages} {...form.field('outageId')} />
        <DateField label="Från och med" {...form.field('from')} />
        <DateField label="Till och med" {...form.field('to')} />
        <CheckboxField label="Bara mina poster" {...form.flag('onlyMine')} />
      </div>
      <div className="form-actions">
        <button className="button button--primary" type="submit" disabled={form.busy}>
          {running === 'registers' ? 'Skriver arbetsboken…' : 'Spara registren som Excel…'}
        </button>
        <button
          className="button"
          type="button"
          disabled={form.busy}
          onClick={() => void save('worklist')()}
        >
          {running === 'worklist' ? 'Skriver arbetslistan…' : 'Spara arbetslista (att föra in)…'}
        </button>
      </div>
      <TaskProgress running={running !== null} />
      <div aria-live="polite">
        {saved?.savedAs && (
          <div className="alert alert--success" role="status">
            Sparad som {saved.savedAs}:{' '}
            {saved.sheets.map((sheet) => `${sheet.name} (${sheet.rows})`).join(', ')}.
          </div>
        )}
        {saved && !saved.savedAs && (
          <div className="alert alert--info" role="status">
            Ingen fil sparades.
          </div>
        )}
      </div>
    </form>
  );
}
