import { useCallback, useEffect, useId, useState } from 'react';
import { useLatest } from '../../components/useLatest';
import type { AuditFilterInput, DescribedAuditEntry } from '../../../shared/audit/entry';
import type { Output, User } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { bySwedish } from '../../../shared/swedishText';
import { api } from '../../app/api';
import { DateField, FieldFrame, FormError, SelectField, TextField } from '../../components/Field';
import { usePrintPreview } from '../../components/preview/usePrintPreview';
import { TaskProgress } from '../../components/TaskProgress';
import { useForm, type FieldProps } from '../../components/useForm';
import {
  emptyFilterForm,
  kindGroups,
  registerOptions,
  toAuditFilter,
  type FilterForm,
} from './auditFilterForm';

const PAGE_SIZE = 50;

type Page = { entries: DescribedAuditEntry[]; total: number };
type Saved = { savedAs: string | null; rows: number };
type Verified = Output<'audit.verify'>;

/**
 * Händelselogg: every change, sign-in, lock-out, print and export, newest first, in
 * Swedish words: who, what, which record and client, and what changed field by field.
 * Filtered and paged in main (it may hold 100 000 entries); printed or saved as PDF, or
 * exported to Excel, as filtered.
 */
export function AuditPage() {
  const [offset, setOffset] = useState(0);
  const [applied, setApplied] = useState<AuditFilterInput>(toAuditFilter(emptyFilterForm));
  const [page, setPage] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [people, setPeople] = useState<User[]>([]);
  const [exporting, setExporting] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const preview = usePrintPreview();
  const form = useForm(emptyFilterForm, { trackUnsaved: false });

  useEffect(() => {
    void api()
      .users.list()
      .then((answer) => {
        if (answer.ok) setPeople([...answer.value].sort(bySwedish((u) => u.fullName)));
      });
  }, []);

  // Only the latest request's answer is shown: an earlier, slower one (a count over a
  // long log) must not replace the page asked for after it.
  const latestOnly = useLatest();
  const load = useCallback(
    (filter: AuditFilterInput, from: number) =>
      latestOnly(() => api().audit.list({ filter, offset: from, limit: PAGE_SIZE })).then(
        ({ latest, value: answer }) => {
          if (!latest) return answer;
          if (answer.ok) {
            setPage(answer.value);
            setOffset(from);
            setLoadError(null);
          } else if (answer.error.code !== 'VALIDATION') {
            // A filter main refuses is shown at its field (the form's error).
            setLoadError(answer.error.message);
          }
          return answer;
        },
      ),
    [latestOnly],
  );

  useEffect(() => {
    void load(toAuditFilter(emptyFilterForm), 0);
  }, [load]);

  const search = form.submitWith(
    (values: FilterForm) => load(toAuditFilter(values), 0).then(withFormFields),
    () => {
      setApplied(toAuditFilter(form.values));
      setSaved(null);
    },
  );

  function clear() {
    form.reset();
    setApplied(toAuditFilter(emptyFilterForm));
    setSaved(null);
    void load(toAuditFilter(emptyFilterForm), 0);
  }

  async function exportExcel() {
    setExporting(true);
    setSaved(null);
    setExportError(null);
    try {
      const answer = await api().audit.export(applied);
      if (answer.ok) setSaved(answer.value);
      else setExportError(answer.error.message);
    } finally {
      setExporting(false);
    }
  }

  async function verify() {
    setVerifying(true);
    setVerified(null);
    setVerifyError(null);
    try {
      const answer = await api().audit.verify();
      if (answer.ok) setVerified(answer.value);
      else setVerifyError(answer.error.message);
    } finally {
      setVerifying(false);
    }
    // The check is itself in the log now.
    void load(applied, offset);
  }

  const total = page?.total ?? 0;
  const last = Math.min(offset + PAGE_SIZE, total);
  const filtered = JSON.stringify(applied) !== JSON.stringify(toAuditFilter(emptyFilterForm));

  return (
    <section aria-labelledby="audit-title" className="audit">
      <h1 id="audit-title">Händelselogg</h1>
      <p className="muted">
        Allt som har ändrats, loggats in och skrivits ut, nyast först. Filtrera på person, händelse,
        register, datum eller klient; utskrift och Excel tar med det som visas.
      </p>
      <div className="panel audit__verify">
        <div className="form-actions">
          <button
            className="button"
            type="button"
            disabled={verifying}
            onClick={() => void verify()}
          >
            {verifying ? 'Verifierar…' : 'Verifiera händelseloggen'}
          </button>
          <span className="muted">
            Kontrollerar att ingen händelse har ändrats, tagits bort, lagts till eller flyttats.
          </span>
        </div>
        <div aria-live="polite">
          {verifyError && (
            <div className="alert alert--error" role="alert">
              {verifyError}
            </div>
          )}
          {verified && (
            <div
              className={`alert ${verified.whole ? 'alert--success' : 'alert--error'}`}
              role="status"
            >
              <p>{verified.message}</p>
              {verified.problems.length > 0 && (
                <ul className="audit__problems">
                  {verified.problems.map((problem, index) => (
                    <li key={index}>{problem}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
      <form className="panel audit__filters" onSubmit={(event) => void search(event)} noValidate>
        <h2 className="visually-hidden">Filter</h2>
        <FormError error={form.error} />
        <div className="filters">
          <PeopleSelect people={people} {...form.field('actorId')} />
          <KindSelect {...form.field('kind')} />
          <SelectField
            label="Register"
            options={[{ value: '', label: 'Alla register' }, ...registerOptions]}
            {...form.field('register')}
          />
          <DateField label="Från och med" {...form.field('from')} />
          <DateField label="Till och med" {...form.field('to')} />
          <TextField
            label="Klient"
            placeholder="Namn eller pnr"
            maxLength={60}
            {...form.field('client')}
          />
        </div>
        <div className="form-actions">
          <button className="button button--primary" type="submit" disabled={form.busy}>
            Visa
          </button>
          <button className="button" type="button" onClick={clear} disabled={form.busy}>
            Rensa filter
          </button>
          <span className="form-actions__spacer" />
          <button
            className="button"
            type="button"
            disabled={preview.preparing !== null || total === 0}
            onClick={() =>
              void preview.open('auditLog', 'Händelselogg', () => api().audit.print(applied))
            }
          >
            {preview.preparing ? 'Skapar PDF…' : 'Skriv ut / spara som PDF…'}
          </button>
          <button
            className="button"
            type="button"
            disabled={exporting || total === 0}
            onClick={() => void exportExcel()}
          >
            {exporting ? 'Skriver Excel-filen…' : 'Spara som Excel…'}
          </button>
        </div>
        <TaskProgress running={exporting} />
        <div aria-live="polite">
          {(preview.error || exportError) && (
            <div className="alert alert--error" role="alert">
              {preview.error ?? exportError}
            </div>
          )}
          {saved?.savedAs && (
            <div className="alert alert--success" role="status">
              Sparad som {saved.savedAs} ({saved.rows} {saved.rows === 1 ? 'händelse' : 'händelser'}
              ).
            </div>
          )}
          {saved && !saved.savedAs && (
            <div className="alert alert--info" role="status">
              Ingen fil sparades.
            </div>
          )}
        </div>
      </form>
      {loadError && (
        <div className="alert alert--error" role="alert">
          {loadError}
        </div>
      )}
      <table className="table audit__table">
        <caption className="visually-hidden">Händelser, nyast först</caption>
        <colgroup>
          <col className="audit__col-when" />
          <col className="audit__col-actor" />
          <col className="audit__col-event" />
          <col className="audit__col-subject" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Tidpunkt</th>
            <th scope="col">Vem</th>
            <th scope="col">Händelse</th>
            <th scope="col">Post och klient</th>
            <th scope="col">Vad som ändrades</th>
          </tr>
        </thead>
        <tbody>
          {page?.entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{entry.when}</td>
              <td>{entry.actor}</td>
              <td>{entry.event}</td>
              <td>
                {entry.subject && <div>{entry.subject}</div>}
                {entry.client && <Client text={entry.client} />}
              </td>
              <td>
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
          {page && page.entries.length === 0 && (
            <tr>
              <td colSpan={5}>
                {filtered
                  ? 'Inga händelser matchar filtret. Ändra eller rensa filtret.'
                  : 'Inga händelser ännu.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="pager">
        <span>
          {total === 0
            ? 'Inga händelser'
            : `${(offset + 1).toLocaleString('sv-SE')}–${last.toLocaleString('sv-SE')} av ${total.toLocaleString('sv-SE')}`}
        </span>
        <button
          type="button"
          className="button"
          disabled={offset === 0}
          onClick={() => void load(applied, Math.max(0, offset - PAGE_SIZE))}
        >
          Nyare
        </button>
        <button
          type="button"
          className="button"
          disabled={last >= total}
          onClick={() => void load(applied, offset + PAGE_SIZE)}
        >
          Äldre
        </button>
      </div>
      {preview.dialog}
    </section>
  );
}

/** Main names a filter's fields "filter.from": the form's fields are "from". */
function withFormFields<T>(answer: Result<T>): Result<T> {
  if (answer.ok || !answer.error.fields) return answer;
  const fields = Object.fromEntries(
    Object.entries(answer.error.fields).map(([key, message]) => [
      key.replace(/^filter\./, ''),
      message,
    ]),
  );
  return { ok: false, error: { ...answer.error, fields } };
}

/** "Zoltán Kővári (20050607-1232)": the name may wrap, the personnummer stays whole. */
function Client({ text }: { text: string }) {
  const match = /^(.*) (\([^()]*\))$/.exec(text);
  return (
    <div className="audit__client">
      {match ? (
        <>
          {match[1]} <span className="nowrap">{match[2]}</span>
        </>
      ) : (
        text
      )}
    </div>
  );
}

/** Field by field: "Belopp till klient 1 200 kr → 1 500,50 kr"; then the note. */
function Changes({ entry }: { entry: DescribedAuditEntry }) {
  if (entry.changes.length === 0 && !entry.note) return null;
  return (
    <>
      {entry.changes.length > 0 && (
        <ul className="changes">
          {entry.changes.map((change) => (
            <li key={change.label}>
              <span className="changes__label">{change.label}:</span>{' '}
              {change.before !== null && (
                <>
                  <span className="changes__before">{change.before}</span> →{' '}
                </>
              )}
              <span className="changes__after">{change.after}</span>
            </li>
          ))}
        </ul>
      )}
      {entry.note && <p className="audit__note">{entry.note}</p>}
    </>
  );
}

function PeopleSelect({ people, ...field }: FieldProps & { people: User[] }) {
  return (
    <SelectField
      label="Person"
      options={[
        { value: '', label: 'Alla personer' },
        ...people.map((p) => ({
          value: p.id,
          label: p.active ? p.fullName : `${p.fullName} (inaktiverad)`,
        })),
      ]}
      {...field}
    />
  );
}

/** The kinds of event in their groups (records, security, the rest A–Ö). */
function KindSelect({ error, ...select }: FieldProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label="Händelse" error={error}>
      {(described) => (
        <select
          id={id}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          {...select}
        >
          <option value="">Alla händelser</option>
          {kindGroups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
