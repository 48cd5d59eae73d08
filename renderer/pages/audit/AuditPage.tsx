import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract';
import { api } from '../../app/api';
import { formatDateTime } from '../../../shared/time';
import { auditActionLabels, auditFieldLabel, auditValue } from './auditLabels';

const PAGE_SIZE = 50;

/** Every change and sign-in, newest first, with what it was before and after. */
export function AuditPage() {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ entries: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api()
      .audit.list({ offset, limit: PAGE_SIZE })
      .then((result) => (result.ok ? setPage(result.value) : setError(result.error.message)));
  }, [offset]);

  const total = page?.total ?? 0;
  const last = Math.min(offset + PAGE_SIZE, total);

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Händelselogg</h1>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Tidpunkt</th>
            <th scope="col">Vem</th>
            <th scope="col">Händelse</th>
            <th scope="col">Detaljer</th>
          </tr>
        </thead>
        <tbody>
          {page?.entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatDateTime(entry.at)}</td>
              <td>{entry.actorName ?? '–'}</td>
              <td>{auditActionLabels[entry.action] ?? entry.action}</td>
              <td>
                <AuditDetails entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <span>{total === 0 ? 'Inga händelser' : `${offset + 1}–${last} av ${total}`}</span>
        <button
          type="button"
          className="button"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          Nyare
        </button>
        <button
          type="button"
          className="button"
          disabled={last >= total}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          Äldre
        </button>
      </div>
    </section>
  );
}

function AuditDetails({ entry }: { entry: AuditEntry }) {
  const changes = describeChanges(entry.before, entry.after);
  if (entry.action === 'access.denied') return <span>{entry.entityId}</span>;
  if (changes.length === 0) return null;
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change}>{change}</li>
      ))}
    </ul>
  );
}

/** Ids, timestamps and values derived from others say nothing a person needs here. */
const hiddenKeys = ['id', 'createdAt', 'updatedAt', 'durationMinutes', 'needsAnalysis', 'status'];

/** "Roll: Handläggare → Enhetschef" for fields that changed; all fields on create. */
function describeChanges(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (key) => !hiddenKeys.includes(key),
  );
  return keys
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) =>
      key in b
        ? `${auditFieldLabel(key)}: ${auditValue(key, b[key])} → ${auditValue(key, a[key])}`
        : `${auditFieldLabel(key)}: ${auditValue(key, a[key])}`,
    );
}
