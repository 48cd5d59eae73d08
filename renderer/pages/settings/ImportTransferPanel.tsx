import { useState } from 'react';
import type { TransferFileInfo, TransferSummary } from '../../../shared/transfer';
import { formatDateTime } from '../../../shared/time';
import { api } from '../../app/api';
import { FormError, PasswordField } from '../../components/Field';
import { RetryWait, useRetryWait } from '../../components/RetryWait';
import { TaskProgress } from '../../components/TaskProgress';
import { useForm } from '../../components/useForm';

/**
 * "Läs in överföringsfil": a laptop's records of an outage come to the office PC. The file
 * is shown first (from which computer, by whom, what it holds); "Läs in" reads it in, in
 * one transaction, and ends with what was added, skipped and kept per register.
 */
export function ImportTransferPanel() {
  const [chosen, setChosen] = useState<{ fileToken: string; info: TransferFileInfo } | null>(null);
  const [summary, setSummary] = useState<TransferSummary | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const form = useForm({ passphrase: '' }, { trackUnsaved: false });
  const wait = useRetryWait(form.error);

  const choose = form.submitWith(
    (v) => api().transfer.chooseImport({ passphrase: v.passphrase }),
    (answer) => {
      setSummary(null);
      setCancelled(answer === null);
      setChosen(answer);
    },
  );
  const read = form.submitWith(
    (v) => api().transfer.import({ fileToken: chosen!.fileToken, passphrase: v.passphrase }),
    (answer) => {
      setChosen(null);
      setSummary(answer);
      form.reset();
    },
  );

  return (
    <form
      className="panel"
      onSubmit={chosen ? read : choose}
      noValidate
      aria-labelledby="import-title"
    >
      <h2 id="import-title">Läs in överföringsfil från bärbar dator</h2>
      <p className="muted">
        Poster som redan finns hoppas över, nya läggs till. Har samma post ändrats på båda datorerna
        behålls den senaste ändringen och den andra sparas i händelseloggen.
      </p>
      {wait > 0 ? <RetryWait seconds={wait} /> : <FormError error={form.error} />}
      <PasswordField label="Enhetens lösenfras" {...form.field('passphrase')} />
      <div aria-live="polite">{cancelled && <p className="muted">Ingen fil valdes.</p>}</div>
      {chosen && (
        <dl className="facts" aria-label="Överföringsfilen">
          <dt>Från</dt>
          <dd>{chosen.info.deviceName}</dd>
          <dt>Skapad</dt>
          <dd>
            {formatDateTime(chosen.info.createdAt)} av {chosen.info.createdByName}
          </dd>
          <dt>Omfattar</dt>
          <dd>{chosen.info.scope.label}</dd>
          <dt>Innehåll</dt>
          <dd>
            {chosen.info.rows
              .filter((row) => row.rows > 0)
              .map((row) => `${row.label}: ${row.rows}`)
              .join(', ') || 'Inga poster'}
          </dd>
        </dl>
      )}
      <div className="form-actions">
        {chosen ? (
          <>
            <button className="button button--primary" type="submit" disabled={form.busy}>
              {form.busy ? 'Läser in…' : 'Läs in'}
            </button>
            <button type="button" className="button" onClick={() => setChosen(null)}>
              Avbryt
            </button>
          </>
        ) : (
          <button className="button button--primary" type="submit" disabled={form.busy || wait > 0}>
            {form.busy ? 'Läser filen…' : 'Välj överföringsfil…'}
          </button>
        )}
      </div>
      <TaskProgress running={form.busy && chosen !== null} />
      {summary && <ImportSummary summary={summary} />}
    </form>
  );
}

function ImportSummary({ summary }: { summary: TransferSummary }) {
  return (
    <div>
      <div className="alert alert--success" role="status">
        Överföringsfilen från {summary.file.deviceName} är inläst.
      </div>
      {summary.warnings.map((warning) => (
        <div key={warning} className="alert alert--warning">
          {warning}
        </div>
      ))}
      <table className="table transfer-summary" aria-label="Inläst per register">
        <thead>
          <tr>
            <th scope="col">Register</th>
            <th scope="col">Nya</th>
            <th scope="col">Fanns redan</th>
            <th scope="col">Uppdaterade</th>
            <th scope="col">Konflikter (kontorsdatorns version behölls)</th>
          </tr>
        </thead>
        <tbody>
          {summary.tables.map((row) => (
            <tr key={row.table}>
              <th scope="row">{row.label}</th>
              <td>{row.added}</td>
              <td>{row.skipped}</td>
              <td>{row.updated}</td>
              <td>{row.conflicts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
