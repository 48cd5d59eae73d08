import { useEffect, useState } from 'react';
import {
  checklistQuestions,
  contactPeriods,
  type FaultContact,
  type LocalRoutines,
} from '../../../shared/localRoutines';
import { api } from '../../app/api';
import { FormError, SelectField, TextAreaField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

type Values = Record<string, string>;
const contactKeys = ['period', 'hours', 'who', 'phone', 'note'] as const;

/**
 * The unit's checklist for planned outages and whom to call about a fault, as printed for
 * the binder. Flat field names ("contacts.1.phone") are the paths main's messages come
 * back under, so each message lands next to its field.
 */
export function LocalRoutinesForm() {
  const [loaded, setLoaded] = useState<LocalRoutines | null>(null);
  useEffect(() => {
    void api()
      .localRoutines.get()
      .then((result) => result.ok && setLoaded(result.value));
  }, []);
  if (!loaded) return null;
  return <RoutinesForm initial={loaded} />;
}

function toValues(routines: LocalRoutines): Values {
  const values: Values = {};
  routines.checklistAnswers.forEach((answer, i) => (values[`checklistAnswers.${i}`] = answer));
  routines.contacts.forEach((contact, i) => {
    for (const key of contactKeys) values[`contacts.${i}.${key}`] = contact[key];
  });
  return values;
}

function contactCount(values: Values): number {
  return Object.keys(values).filter((key) => /^contacts\.\d+\.who$/.test(key)).length;
}

function toRoutines(values: Values): LocalRoutines {
  return {
    checklistAnswers: checklistQuestions.map((_, i) => values[`checklistAnswers.${i}`] ?? ''),
    contacts: Array.from({ length: contactCount(values) }, (_, i) => {
      const get = (key: (typeof contactKeys)[number]) => values[`contacts.${i}.${key}`] ?? '';
      return {
        period: get('period') as FaultContact['period'],
        hours: get('hours'),
        who: get('who'),
        phone: get('phone'),
        note: get('note'),
      };
    }),
  };
}

function RoutinesForm({ initial }: { initial: LocalRoutines }) {
  const form = useForm<Values>(toValues(initial));
  const [done, setDone] = useNotice(false);
  const routines = toRoutines(form.values);
  const submit = form.submitWith(
    (values) => {
      setDone(false);
      return api().localRoutines.update(toRoutines(values));
    },
    () => setDone(true),
  );
  const setContacts = (contacts: FaultContact[]) =>
    form.setValues(toValues({ checklistAnswers: routines.checklistAnswers, contacts }));

  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="routines-title">
      <h2 id="routines-title">Lokal checklista och kontaktlista</h2>
      <p className="muted">
        Skrivs ut till pärmen. Checklistan gäller planerade avbrott (rutinens avsnitt 2.3);
        kontaktlistan säger vem man anmäler fel till, på och utanför kontorstid.
      </p>
      {done && (
        <div className="alert alert--success" role="status">
          Checklistan och kontaktlistan är sparade.
        </div>
      )}
      <FormError error={form.error} />
      <h3>Checklista för planerade avbrott</h3>
      {checklistQuestions.map((question, i) => (
        <TextAreaField
          key={question}
          label={question}
          rows={3}
          maxLength={4000}
          {...form.field(`checklistAnswers.${i}`)}
        />
      ))}
      <h3>Kontakter för felanmälan</h3>
      {routines.contacts.map((_, i) => (
        <fieldset key={i} className="contact-row">
          <legend>Kontakt {i + 1}</legend>
          <div className="grid-2">
            <SelectField
              label="När"
              options={contactPeriods}
              {...form.field(`contacts.${i}.period`)}
            />
            <TextField label="Tider" maxLength={40} {...form.field(`contacts.${i}.hours`)} />
            <TextField label="Vem *" maxLength={120} {...form.field(`contacts.${i}.who`)} />
            <TextField label="Telefon" maxLength={40} {...form.field(`contacts.${i}.phone`)} />
            <div className="span-2">
              <TextField
                label="Anteckning"
                maxLength={1000}
                {...form.field(`contacts.${i}.note`)}
              />
            </div>
          </div>
          <button
            type="button"
            className="button button--small"
            onClick={() => setContacts(routines.contacts.filter((__, j) => j !== i))}
          >
            Ta bort kontakt {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={routines.contacts.length >= 20}
          onClick={() =>
            setContacts([
              ...routines.contacts,
              { period: 'office', hours: '', who: '', phone: '', note: '' },
            ])
          }
        >
          Lägg till kontakt
        </button>
        <button className="button button--primary" type="submit" disabled={form.busy}>
          Spara checklista och kontakter
        </button>
      </div>
    </form>
  );
}
