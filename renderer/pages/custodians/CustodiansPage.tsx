import { useEffect, useState } from 'react';
import { custodianColumns, type Custodian } from '../../../shared/custodians';
import { api } from '../../app/api';
import { useReplaceGuard } from '../../app/LeaveGuard';
import { useSession } from '../../app/session';
import { CustodianForm } from './CustodianForm';

/** Bilaga 1: who may handle the cash cards, and how to reach them. */
export function CustodiansPage() {
  const { user } = useSession();
  const mayWrite = user.role === 'financialAidManager';
  const [custodians, setCustodians] = useState<Custodian[]>([]);
  const [editing, setEditing] = useState<Custodian | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  const replaceForm = useReplaceGuard();
  const open = (next: Custodian | 'new') => {
    const key = (e: Custodian | 'new' | null) => (e === null || e === 'new' ? e : e.id);
    replaceForm(editing !== null && key(editing) !== key(next), () => setEditing(next));
  };

  useEffect(() => {
    void api()
      .custodians.list()
      .then((result) => result.ok && setCustodians(result.value));
  }, [version]);

  const done = () => {
    setEditing(null);
    setVersion((v) => v + 1);
  };

  return (
    <section aria-labelledby="custodians-title">
      <div className="page-head">
        <h1 id="custodians-title">Kassaförvaltare</h1>
        {mayWrite && (
          <button type="button" className="button button--primary" onClick={() => open('new')}>
            Ny kassaförvaltare
          </button>
        )}
      </div>
      {editing && (
        <CustodianForm
          key={editing === 'new' ? 'new' : editing.id}
          custodian={editing === 'new' ? null : editing}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            {custodianColumns.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {custodians.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {mayWrite
                  ? 'Inga kassaförvaltare registrerade. Lägg till en med ”Ny kassaförvaltare”.'
                  : 'Inga kassaförvaltare registrerade. De läggs till av chefen för ekonomiskt bistånd.'}
              </td>
            </tr>
          )}
          {custodians.map((c) => (
            <tr key={c.id} className={c.active ? undefined : 'row--inactive'}>
              <td>
                {c.name} {!c.active && <span className="badge">Inte längre</span>}
              </td>
              <td>{c.unitName}</td>
              <td className="nowrap">{c.phone}</td>
              <td>{c.email}</td>
              <td>
                {mayWrite && (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Ändra ${c.name}`}
                    onClick={() => open(c)}
                  >
                    Ändra
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
