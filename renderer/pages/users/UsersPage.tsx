import { useEffect, useState } from 'react';
import type { User } from '../../../shared/contract';
import { roleLabels } from '../../../shared/roles';
import { api } from '../../app/api';
import { useReplaceGuard } from '../../app/LeaveGuard';
import { formatDateTime } from '../../../shared/time';
import { useSession } from '../../app/session';
import { EditUserPanel } from './EditUserPanel';
import { NewUserForm } from './NewUserForm';
import { useNotice } from '../../components/useNotice';

/** The enhetschef's user administration: add, edit role, deactivate, reset password. */
export function UsersPage() {
  const { user: me } = useSession();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useNotice<string | null>(null);
  const replaceForm = useReplaceGuard();

  const [version, setVersion] = useState(0);

  useEffect(() => {
    void api()
      .users.list()
      .then((result) => (result.ok ? setUsers(result.value) : setError(result.error.message)));
  }, [version]);

  const shared = sharedSignatures(users);

  function done(message: string) {
    setNotice(message);
    setAdding(false);
    setEditing(null);
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">Användare</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() =>
            replaceForm(editing !== null, () => {
              setNotice(null);
              setEditing(null);
              setAdding(true);
            })
          }
        >
          Ny användare
        </button>
      </div>
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      {shared.map(([initials, names]) => (
        <div key={initials} className="alert alert--error" role="alert">
          Signaturen {initials} används av flera aktiva: {names.join(', ')}. En signatur ska peka ut
          en enda person: ändra signaturen för en av dem.
        </div>
      ))}
      {adding && (
        <NewUserForm
          onCancel={() => setAdding(false)}
          onCreated={(u) => done(`${u.fullName} har lagts till.`)}
        />
      )}
      {editing && (
        <EditUserPanel
          key={editing.id}
          user={editing}
          isSelf={editing.id === me.id}
          onCancel={() => setEditing(null)}
          onDone={done}
        />
      )}
      <table className="table">
        <caption className="visually-hidden">Enhetens användare</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Signatur</th>
            <th scope="col">Användarnamn</th>
            <th scope="col">Roll</th>
            <th scope="col">Status</th>
            <th scope="col">Ändrad</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärder</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'row--inactive'}>
              <td>{u.fullName}</td>
              <td>{u.initials}</td>
              <td>{u.username}</td>
              <td>{roleLabels[u.role]}</td>
              <td>{u.active ? 'Aktiv' : 'Inaktiverad'}</td>
              <td>{formatDateTime(u.updatedAt)}</td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Ändra ${u.fullName}`}
                  onClick={() =>
                    replaceForm(adding || (editing !== null && editing.id !== u.id), () => {
                      setNotice(null);
                      setAdding(false);
                      setEditing(u);
                    })
                  }
                >
                  Ändra
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Signatures that more than one active person has: possible in a database from before the
 * rule, which main now refuses for any new save. Shown so the enhetschef resolves them.
 */
function sharedSignatures(users: User[]): [string, string[]][] {
  const byInitials = new Map<string, string[]>();
  for (const user of users.filter((u) => u.active)) {
    const key = user.initials.toLocaleUpperCase('sv-SE');
    byInitials.set(key, [...(byInitials.get(key) ?? []), user.fullName]);
  }
  return [...byInitials].filter(([, names]) => names.length > 1);
}
