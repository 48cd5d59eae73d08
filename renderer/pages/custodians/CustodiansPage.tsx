import { useEffect, useState, type ReactNode } from 'react';
import { custodianColumns, removedWords, type Custodian } from '../../../shared/custodians';
import { localDate } from '../../../shared/time';
import { api } from '../../app/api';
import { useReplaceGuard } from '../../app/LeaveGuard';
import { useSession } from '../../app/session';
import { CustodianForm } from './CustodianForm';
import { RemoveCustodian } from './RemoveCustodian';
import { useNotice } from '../../components/useNotice';

/** Bilaga 1: who may handle the cash cards, and how to reach them. */
export function CustodiansPage() {
  const { user } = useSession();
  const mayWrite = user.role === 'financialAidManager';
  const [custodians, setCustodians] = useState<Custodian[]>([]);
  const [editing, setEditing] = useState<Custodian | 'new' | null>(null);
  const [removing, setRemoving] = useState<Custodian | null>(null);
  const [notice, setNotice] = useNotice<string | null>(null);
  const [version, setVersion] = useState(0);
  const replaceForm = useReplaceGuard();
  const open = (next: Custodian | 'new') => {
    const key = (e: Custodian | 'new' | null) => (e === null || e === 'new' ? e : e.id);
    replaceForm(editing !== null && key(editing) !== key(next), () => {
      setNotice(null);
      setRemoving(null);
      setEditing(next);
    });
  };

  useEffect(() => {
    void api()
      .custodians.list()
      .then((result) => result.ok && setCustodians(result.value));
  }, [version]);

  const done = (message: string | null = null) => {
    setEditing(null);
    setRemoving(null);
    setNotice(message);
    setVersion((v) => v + 1);
  };
  const listed = custodians.filter((c) => !c.removedAt);
  const removed = custodians.filter((c) => c.removedAt);
  // The actions column only for someone who has an action there (the enhetschef reads).
  const columns = custodianColumns.length + (mayWrite ? 1 : 0);

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
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      {editing && (
        <CustodianForm
          key={editing === 'new' ? 'new' : editing.id}
          custodian={editing === 'new' ? null : editing}
          onDone={() => done()}
          onCancel={() => setEditing(null)}
        />
      )}
      {removing && (
        <RemoveCustodian
          key={removing.id}
          custodian={removing}
          onDone={(c) => done(`${c.name} är borttagen ur listan och finns kvar i historiken.`)}
          onCancel={() => setRemoving(null)}
        />
      )}
      <table className="table">
        <thead>
          <CustodianHeadings>
            {mayWrite && (
              <th scope="col">
                <span className="visually-hidden">Åtgärder</span>
              </th>
            )}
          </CustodianHeadings>
        </thead>
        <tbody>
          {listed.length === 0 && (
            <tr>
              <td colSpan={columns} className="muted">
                {mayWrite
                  ? 'Inga kassaförvaltare registrerade. Lägg till en med ”Ny kassaförvaltare”.'
                  : 'Inga kassaförvaltare registrerade. De läggs till av chefen för ekonomiskt bistånd.'}
              </td>
            </tr>
          )}
          {listed.map((c) => (
            <tr key={c.id} className={c.active ? undefined : 'row--inactive'}>
              <CustodianCells
                custodian={c}
                badge={!c.active && <span className="badge">Inte längre</span>}
              />
              {mayWrite && (
                <td className="nowrap">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Ändra ${c.name}`}
                    onClick={() => open(c)}
                  >
                    Ändra
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Ta bort ${c.name}`}
                    onClick={() => {
                      setNotice(null);
                      replaceForm(editing !== null, () => {
                        setEditing(null);
                        setRemoving(c);
                      });
                    }}
                  >
                    Ta bort…
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {removed.length > 0 && (
        <section className="history-section" aria-labelledby="custodians-removed-title">
          <h2 id="custodians-removed-title">Historik: borttagna kassaförvaltare</h2>
          <table className="table">
            <thead>
              <CustodianHeadings>
                <th scope="col">{removedWords}</th>
              </CustodianHeadings>
            </thead>
            <tbody>
              {removed.map((c) => (
                <tr key={c.id} className="row--inactive">
                  <CustodianCells
                    custodian={c}
                    badge={<span className="badge">{removedWords}</span>}
                  />
                  <td>
                    <span className="nowrap">{localDate(c.removedAt!)}</span> av {c.removedByName}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** Bilaga 1's headings (shared/custodians.ts), then the table's own last column. */
function CustodianHeadings({ children }: { children: ReactNode }) {
  return (
    <tr>
      {custodianColumns.map((column) => (
        <th scope="col" key={column.key}>
          {column.label}
        </th>
      ))}
      {children}
    </tr>
  );
}

/** A custodian's Bilaga 1 columns, the name with its badge (no longer one, removed). */
function CustodianCells({ custodian: c, badge }: { custodian: Custodian; badge: ReactNode }) {
  return (
    <>
      <td>
        {c.name} {badge}
      </td>
      <td>{c.unitName}</td>
      <td className="nowrap">{c.phone}</td>
      <td>{c.email}</td>
    </>
  );
}
