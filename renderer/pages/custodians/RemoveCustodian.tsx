import { useEffect, useRef, useState } from 'react';
import type { Custodian } from '../../../shared/custodians';
import { api } from '../../app/api';

/**
 * Asks before a custodian comes off Bilaga 1. Nothing is deleted: the person stays in
 * the list's history with who removed them and when, and in the audit log.
 */
export function RemoveCustodian({
  custodian,
  onDone,
  onCancel,
}: {
  custodian: Custodian;
  onDone: (custodian: Custodian) => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  async function remove() {
    setBusy(true);
    const result = await api().custodians.remove({ id: custodian.id });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else if (result.error.code !== 'SESSION_LOCKED') setError(result.error.message);
  }

  return (
    <div
      className="panel"
      role="group"
      aria-labelledby="remove-custodian-title"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <h2 id="remove-custodian-title">Ta bort {custodian.name}?</h2>
      <p>
        {custodian.name} tas bort ur listan över kassaförvaltare (Bilaga 1). Uppgifterna finns kvar
        i historiken, med vem som tog bort och när.
      </p>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void remove()}
        >
          Ta bort ur listan
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
