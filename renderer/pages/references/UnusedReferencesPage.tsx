import { useEffect, useState } from 'react';
import type { Outage } from '../../../shared/outages';
import { templateKindLabels, type PrintedReference } from '../../../shared/references';
import { formatDateTime } from '../../../shared/time';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { FormError, TextField } from '../../components/Field';
import { OutageFilter } from '../../components/OutageFilter';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

/**
 * Paper that may still hold a record: every reference printed on a blank template that is
 * neither transcribed nor written off. Each row of paper ends here as one or the other, so
 * nothing written by hand during an outage is forgotten. Everyone transcribes, so everyone
 * sees the list; the enhetschef writes off any reference, others those they printed.
 */
export function UnusedReferencesPage() {
  const { user } = useSession();
  const [rows, setRows] = useState<PrintedReference[]>([]);
  const [total, setTotal] = useState(0);
  const [outages, setOutages] = useState<Outage[]>([]);
  const [outageId, setOutageId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useNotice<string | null>(null);
  const form = useForm({ reason: '' }, { trackUnsaved: false });

  useEffect(() => {
    void api()
      .outages.list()
      .then((result) => result.ok && setOutages(result.value));
  }, []);
  useEffect(() => {
    void api()
      .references.listUnused({ outageId })
      .then((result) => {
        if (!result.ok) return;
        setRows(result.value.rows);
        setTotal(result.value.total);
        setSelected(new Set());
      });
  }, [outageId, version]);

  const mayWriteOff = (row: PrintedReference) =>
    user.role === 'unitManager' || row.printedById === user.id;
  const writable = rows.filter(mayWriteOff);
  const toggle = (reference: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(reference)) next.add(reference);
      return next;
    });
  const submit = form.submitWith(
    (v) => api().references.writeOff({ references: [...selected], reason: v.reason }),
    ({ count }) => {
      setNotice(count === 1 ? '1 referens är avskriven.' : `${count} referenser är avskrivna.`);
      form.reset();
      setVersion((n) => n + 1);
    },
  );

  return (
    <section aria-labelledby="references-title">
      <h1 id="references-title">Utskrivna referenser som inte förts in</h1>
      <p className="muted">
        Varje rad i en utskriven blankett har en referens. När en pappersblankett efterregistreras
        anges dess referens och raden försvinner härifrån. Rader som aldrig fylldes i skrivs av med
        ett skäl, så att inget som skrivits på papper glöms bort.
      </p>
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      <div className="filters">
        <OutageFilter outages={outages} value={outageId} onChange={setOutageId} />
      </div>
      <p>
        {total === 0
          ? 'Alla utskrivna referenser är införda eller avskrivna.'
          : `${total} ${total === 1 ? 'referens' : 'referenser'} återstår${total > rows.length ? ` (de ${rows.length} första visas)` : ''}.`}
      </p>
      {rows.length > 0 && (
        <table className="table" aria-label="Referenser som inte förts in">
          <thead>
            <tr>
              <th scope="col" className="col-select">
                {/* A sheet's unused rows are written off together: all at once. */}
                <input
                  type="checkbox"
                  aria-label="Välj alla som du kan skriva av"
                  checked={writable.length > 0 && selected.size === writable.length}
                  disabled={writable.length === 0}
                  onChange={(event) =>
                    setSelected(
                      new Set(event.target.checked ? writable.map((row) => row.reference) : []),
                    )
                  }
                />
              </th>
              <th scope="col">Referens</th>
              <th scope="col">Blankett</th>
              <th scope="col">Utskriven</th>
              <th scope="col">Utskriven av</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.reference}
                className={selected.has(row.reference) ? 'row--selected' : ''}
              >
                <td className="col-select">
                  <input
                    type="checkbox"
                    aria-label={`Välj ${row.reference}`}
                    checked={selected.has(row.reference)}
                    disabled={!mayWriteOff(row)}
                    onChange={() => toggle(row.reference)}
                  />
                </td>
                <td className="nowrap mono">{row.reference}</td>
                <td>{templateKindLabels[row.kind] ?? row.kind}</td>
                <td className="nowrap">{formatDateTime(row.printedAt)}</td>
                <td>{row.printedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable.length > 0 && (
        <form
          className="panel write-off"
          onSubmit={submit}
          noValidate
          aria-labelledby="write-off-title"
        >
          <h2 id="write-off-title">Skriv av markerade referenser ({selected.size})</h2>
          <p className="muted">
            {user.role === 'unitManager'
              ? 'Till exempel tomma rader eller en kasserad blankett.'
              : 'Du kan skriva av referenser du själv har skrivit ut; enhetschefen kan skriva av alla.'}
          </p>
          <FormError error={form.error} />
          <TextField label="Skäl *" maxLength={500} {...form.field('reason')} />
          <button
            className="button button--danger"
            type="submit"
            disabled={form.busy || selected.size === 0}
          >
            Skriv av
          </button>
        </form>
      )}
    </section>
  );
}
