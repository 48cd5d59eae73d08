import { columnHeadings } from '../../../shared/registers/headings';
import { useRef, useState, type KeyboardEvent } from 'react';
import { parsePersonnummer } from '../../../shared/domain/personnummer';
import type { Outage } from '../../../shared/outages';
import type { FieldDefinition, RegisterDefinition } from '../../../shared/registers';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import type { AppErrorData, Result } from '../../../shared/result';
import { api } from '../../app/api';
import { formatDateTime } from '../../../shared/time';
import { useSession } from '../../app/session';
import { CheckboxField, FormError, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { PaperReferenceField } from './PaperReferenceField';
import { RecordFieldInput } from './RecordFieldInput';
import { initialValues, toInput, type FormValues } from './recordFormValues';
import { registerApi } from './registerApi';

interface Props {
  definition: RegisterDefinition;
  record: RegisterRecord | null;
  outages: Outage[];
  onSaved: (record: RegisterRecord) => void;
  onCancel: () => void;
}

/**
 * One form for every register, built from its definition. Enter saves (Ctrl+Enter in
 * the note field); main validates and answers with messages next to the fields.
 */
export function RecordForm({ definition, record, outages, onSaved, onCancel }: Props) {
  const { user, activeOutage } = useSession();
  const selectable = outages.filter((o) => o.status !== 'planned');
  const defaultOutage = activeOutage?.id ?? selectable[0]?.id ?? '';
  const form = useForm<FormValues>(
    initialValues(definition, user, record, defaultOutage, activeOutage !== null),
  );
  const [confirmedMismatch, setConfirmedMismatch] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The date the person confirmed outside the outage's period; a new date is asked again.
  const [confirmedDate, setConfirmedDate] = useState<string | null>(null);
  const dateKey = `values.${definition.dateField}`;
  const dateOf = (values: FormValues) => String(values[dateKey] ?? '');
  const outsidePeriod = form.error?.code === 'OUTSIDE_PERIOD';
  const fromPaper = form.values.transcribedFromPaper === true;

  async function save(values: FormValues, dateConfirmed: boolean): Promise<Result<RegisterRecord>> {
    const input = { ...toInput(definition, values), confirmOutsidePeriod: dateConfirmed };
    const warning = await nameMismatch(input.personnummer, input.clientName, input.reserveIdentity);
    if (warning && confirmedMismatch !== warning.key) {
      setConfirmedMismatch(warning.key);
      return {
        ok: false,
        error: {
          code: 'CONFLICT',
          message: warning.message,
          fields: { clientName: warning.message },
        },
      };
    }
    const calls = registerApi(definition.key);
    return record ? calls.update({ id: record.id, input }) : calls.create(input);
  }
  const submit = form.submitWith(
    (values) => save(values, confirmedDate === dateOf(values)),
    onSaved,
  );
  const submitConfirmed = form.submitWith((values) => save(values, true), onSaved);

  function confirmOutsidePeriod() {
    setConfirmedDate(dateOf(form.values));
    void submitConfirmed();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
    if (event.key === 'Escape') {
      // Handled here: the same key must not also cancel the "leave?" dialog it may open.
      event.preventDefault();
      onCancel();
    }
  }

  const outageOptions = selectable.map((o) => ({
    value: o.id,
    label: `${formatDateTime(o.startsAt)} – nivå ${o.level}${o.status === 'active' ? ' (pågår)' : ''}`,
  }));
  const title = record ? `Ändra ${definition.singular}` : definition.newTitle;

  return (
    <form
      ref={formRef}
      className="panel record-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-labelledby="record-form-title"
    >
      <h2 id="record-form-title">{title}</h2>
      {(record?.enteredOn || record?.changedAfterEntry) && (
        <div className="alert alert--warning" role="note">
          {record.enteredOn
            ? `Posten är redan införd i verksamhetssystemet (${record.enteredOn} ${record.enteredByInitials ?? ''}). `
            : 'Posten är ändrad efter införing och väntar på att föras in igen. '}
          Ändringen måste också föras in där: när du sparar tas markeringen som införd bort och
          posten hamnar i listan att föra in, märkt ”Ändrad efter införing”.
        </div>
      )}
      <FormError error={form.error} />
      <div className="grid-2">
        <SelectField
          label="Avbrott *"
          hint={outageHint(selectable)}
          options={[{ value: '', label: 'Välj avbrott…' }, ...outageOptions]}
          {...form.field('outageId')}
        />
        <CheckboxField
          label="Efterregistrering från pappersblankett"
          hint={`Registreras av ${user.fullName}.`}
          {...form.flag('transcribedFromPaper')}
        />
        {fromPaper && (
          <PaperReferenceField
            reference={form.field('paperReference')}
            missing={form.flag('paperReferenceMissing')}
            setReference={(paperReference) =>
              form.setValues((current) => ({ ...current, paperReference }))
            }
            focusNext={() =>
              formRef.current?.querySelector<HTMLInputElement>('input[name="clientName"]')?.focus()
            }
            autoFocus={!record}
          />
        )}
        <TextField
          label={`${columnHeadings.clientName} *`}
          autoFocus={!fromPaper || Boolean(record)}
          {...form.field('clientName')}
        />
        <TextField
          label={columnHeadings.personnummer}
          hint="ÅÅÅÅMMDD-NNNN, 10 eller 12 siffror; samordningsnummer går bra"
          disabled={form.values.reserveIdentity === true}
          {...form.field('personnummer')}
        />
        <CheckboxField
          label="Personnummer saknas – reservidentitet"
          hint="Posten flaggas för uppföljning."
          {...form.flag('reserveIdentity')}
        />
      </div>
      <div className="grid-2">
        {definition.fields
          .filter((field) => shown(field, form.values, form.error))
          .map((field) => (
            <div key={field.key} className={field.kind === 'longText' ? 'span-2' : undefined}>
              <RecordFieldInput
                field={field}
                text={form.field(`values.${field.key}`)}
                flag={form.flag(`values.${field.key}`)}
              />
              {outsidePeriod && field.key === definition.dateField && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={form.busy}
                  onClick={confirmOutsidePeriod}
                >
                  Datumet stämmer – spara ändå
                </button>
              )}
            </div>
          ))}
      </div>
      <div className="actions">
        <button className="button button--primary" type="submit" disabled={form.busy}>
          {confirmedMismatch && form.error?.code === 'CONFLICT' ? 'Spara ändå' : 'Spara'}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          Avbryt
        </button>
        <span className="muted small">
          Enter sparar · Ctrl+Enter i anteckningsfält · Esc avbryter
        </span>
      </div>
    </form>
  );
}

/** Computed fields are never entered; "only when asked" ones appear once main asks. */
function shown(field: FieldDefinition, values: FormValues, error: AppErrorData | null): boolean {
  if (field.computed) return false;
  if (!field.onlyWhenAsked) return true;
  const key = `values.${field.key}`;
  return Boolean(values[key]) || Boolean(error?.fields?.[key]);
}

/**
 * Mixed-up people are the classic error when paper is entered afterwards: if the unit
 * already has this personnummer under another name, say so once before saving.
 */
async function nameMismatch(
  personnummer: string,
  clientName: string,
  reserveIdentity: boolean,
): Promise<{ key: string; message: string } | null> {
  if (reserveIdentity) return null;
  const parsed = parsePersonnummer(personnummer);
  if (!parsed.ok || !clientName.trim()) return null;
  const result = await api().clients.knownNames({ personnummer: parsed.value });
  if (!result.ok || result.value.length === 0) return null;
  const same = (a: string) =>
    a.trim().toLocaleLowerCase('sv') === clientName.trim().toLocaleLowerCase('sv');
  if (result.value.some(same)) return null;
  return {
    key: `${parsed.value}|${clientName.trim()}`,
    message: `Personnumret finns redan registrerat med namnet ${result.value.join(', ')}. Kontrollera att det är rätt person – spara igen om det stämmer.`,
  };
}

/** Said at the outage field when none is going on: a record belongs to an outage. */
function outageHint(selectable: readonly Outage[]): string | undefined {
  if (selectable.some((o) => o.status === 'active')) return undefined;
  return selectable.length === 0
    ? 'Inget avbrott pågår – starta ett under Avbrott.'
    : 'Inget avbrott pågår – starta ett under Avbrott, eller välj det avslutade avbrott som pappersblanketten hör till.';
}
