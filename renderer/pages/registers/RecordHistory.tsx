import { useEffect, useState } from 'react';
import type { RegisterKey } from '../../../shared/registers';
import type { HistoryEntry } from '../../../shared/registers/schemas';
import { formatDateTime } from '../../../shared/time';
import { ChangeList } from './ChangeList';
import { registerApi } from './registerApi';

/** The record's own history from the audit log: who did what, and when (office time). */
export function RecordHistory({ registerKey, id }: { registerKey: RegisterKey; id: string }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void registerApi(registerKey)
      .history({ id })
      .then((result) => (result.ok ? setEntries(result.value) : setError(result.error.message)));
  }, [registerKey, id]);

  return (
    <section aria-labelledby="record-history-title" className="record-history">
      <h3 id="record-history-title">Historik</h3>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {entries === null && !error && <p className="muted">Hämtar…</p>}
      {entries && (
        <ol className="history">
          {entries.map((entry, index) => (
            <li key={index} className={`history__item history__item--${entry.kind}`}>
              <span className="history__when nowrap">{formatDateTime(entry.at)}</span>{' '}
              <span className="history__who">{entry.actorName ?? '–'}</span>
              <div>{entry.summary}</div>
              <ChangeList changes={entry.changes} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
