import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { countOf } from '../../../shared/swedishText';
import type { Outage } from '../../../shared/outages';
import type { RegisterDefinition } from '../../../shared/registers';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { api } from '../../app/api';
import { useLeaveGuard } from '../../app/LeaveGuard';
import { useSession } from '../../app/session';
import { usePrintPreview } from '../../components/preview/usePrintPreview';
import { MarkEnteredBar } from './MarkEnteredBar';
import { RecordDetails } from './RecordDetails';
import { RecordForm } from './RecordForm';
import { RecordList } from './RecordList';
import { RegisterEmptyState } from './RegisterEmptyState';
import { RegisterFilters } from './RegisterFilters';
import { useRecordPages, type ListFilter } from './useRecordPages';
import { useNotice } from '../../components/useNotice';

type Panel =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'details'; record: RegisterRecord }
  | { kind: 'edit'; record: RegisterRecord };

const initialFilter: ListFilter = {
  search: '',
  outageId: null,
  createdById: null,
  law: null,
  entry: 'all',
  voided: 'exclude',
  sort: 'createdAt',
  direction: 'desc',
};

/** A register: its list with search and filters, its form, and entry marking. */
interface Props {
  definition: RegisterDefinition;
  /** Told after every change, for pages that show totals beside the list. */
  onChanged?: () => void;
  /** Changed by the page when something beside the list changed its rows. */
  reloadToken?: number;
  /** Shown under the heading, e.g. the cash card account above the payouts. */
  children?: ReactNode;
}

export function RegisterPage({ definition, onChanged, reloadToken = 0, children }: Props) {
  const { user } = useSession();
  const mayWrite = definition.access.write.includes(user.role);
  const [filter, setFilter] = useState(initialFilter);
  const [version, setVersion] = useState(0);
  const [panel, setShownPanel] = useState<Panel>({ kind: 'none' });
  // Only a saved new record gives a fresh blank form; other changes leave the form be.
  const [blankForm, setBlankForm] = useState(0);
  const guard = useLeaveGuard();
  const [notice, setNotice] = useNotice<string | null>(null);
  const shownPanel = useRef(panel);
  useEffect(() => {
    shownPanel.current = panel;
  }, [panel]);

  /** Replacing what is open asks first if a form there holds unsaved input. */
  const setPanel = useCallback(
    (next: Panel) => {
      if (samePanel(shownPanel.current, next)) return;
      guard(() => {
        // Opening something else starts the next action: the last one's message is done.
        setNotice(null);
        setShownPanel(next);
      });
    },
    [guard, setNotice],
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outages, setOutages] = useState<Outage[]>([]);
  const [staff, setStaff] = useState<{ id: string; fullName: string }[]>([]);
  const { total, rowAt, ensure, error } = useRecordPages(
    definition.key,
    filter,
    version + reloadToken * 1_000_000,
  );

  useEffect(() => {
    void api()
      .outages.list()
      .then((result) => result.ok && setOutages(result.value));
    void api()
      .users.directory()
      .then((result) => result.ok && setStaff(result.value));
  }, []);

  // Alt+N: a new record from anywhere on the page, as fast as reaching for a blank form.
  useEffect(() => {
    if (!mayWrite) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        setPanel({ kind: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayWrite, setPanel]);

  // Ctrl+P: this register with the list's filter, in the print preview, instead of the
  // browser printing the page with its menus.
  const preview = usePrintPreview();
  const printList = useRef<() => void>(() => {});
  useEffect(() => {
    printList.current = () =>
      void preview.open('register', `Förteckning: ${definition.title}`, () =>
        api().print.register({ register: definition.key, filter }),
      );
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        printList.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // After a save the form's input is in the database: nothing is lost, no need to ask.
  function changed(message: string, next: Panel = { kind: 'none' }) {
    onChanged?.();
    setNotice(message);
    setShownPanel(next);
    setSelected(new Set());
    setVersion((v) => v + 1);
  }

  function toggle(record: RegisterRecord) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(record.id)) next.delete(record.id);
      else next.add(record.id);
      return next;
    });
  }

  return (
    <section aria-labelledby="register-title" className="register">
      <div className="page-head">
        <h1 id="register-title">{definition.title}</h1>
        {mayWrite && (
          <button
            type="button"
            className="button button--primary"
            aria-keyshortcuts="Alt+N"
            onClick={() => setPanel({ kind: 'new' })}
          >
            {definition.newTitle} (Alt+N)
          </button>
        )}
      </div>
      {children}
      {preview.preparing && (
        <div className="alert alert--info" role="status">
          Förbereder utskriften…
        </div>
      )}
      {preview.error && (
        <div className="alert alert--error" role="alert">
          {preview.error}
        </div>
      )}
      {preview.dialog}
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      {panel.kind === 'new' && (
        <RecordForm
          key={`new-${blankForm}`}
          definition={definition}
          record={null}
          outages={outages}
          onSaved={() => {
            setBlankForm((n) => n + 1);
            changed('Posten är sparad. Formuläret är tomt för nästa.', { kind: 'new' });
          }}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      {panel.kind === 'edit' && (
        <RecordForm
          key={panel.record.id}
          definition={definition}
          record={panel.record}
          outages={outages}
          onSaved={(record) => changed('Ändringen är sparad.', { kind: 'details', record })}
          onCancel={() => setPanel({ kind: 'details', record: panel.record })}
        />
      )}
      {panel.kind === 'details' && (
        <RecordDetails
          key={panel.record.id + panel.record.updatedAt}
          definition={definition}
          record={panel.record}
          onEdit={() => setPanel({ kind: 'edit', record: panel.record })}
          onChanged={(record, message) => changed(message, { kind: 'details', record })}
          onClose={() => setPanel({ kind: 'none' })}
        />
      )}
      <RegisterFilters
        definition={definition}
        filter={filter}
        outages={outages}
        userId={user.id}
        staff={staff}
        onChange={(next) => {
          setFilter(next);
          setSelected(new Set());
        }}
      />
      {error && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <div className="list-meta" aria-live="polite">
        {total === null ? 'Hämtar…' : posts(total)}
      </div>
      {mayWrite && selected.size > 0 && (
        <MarkEnteredBar
          registerKey={definition.key}
          ids={[...selected]}
          onDone={(count) =>
            changed(
              `${posts(count)} ${count === 1 ? 'markerad som införd' : 'markerade som införda'}.`,
              // An open form stays as it is; a record shown in full is out of date.
              panel.kind === 'new' || panel.kind === 'edit' ? panel : { kind: 'none' },
            )
          }
        />
      )}
      {total === 0 && (
        <RegisterEmptyState
          definition={definition}
          filtered={narrows(filter)}
          mayWrite={mayWrite}
          outages={outages}
          onClearFilter={() => {
            setFilter({ ...initialFilter, sort: filter.sort, direction: filter.direction });
            setSelected(new Set());
          }}
        />
      )}
      {total !== null && total > 0 && (
        <RecordList
          definition={definition}
          total={total}
          rowAt={rowAt}
          ensure={ensure}
          selected={selected}
          onToggle={toggle}
          onOpen={(record) => setPanel({ kind: 'details', record })}
        />
      )}
    </section>
  );
}

/** Whether the search or a filter leaves rows out (the order does not). */
const narrows = (filter: ListFilter) =>
  (['search', 'outageId', 'createdById', 'law', 'entry', 'voided'] as const).some(
    (key) => filter[key] !== initialFilter[key],
  );

function samePanel(a: Panel, b: Panel): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'none' || a.kind === 'new' || ('record' in b && a.record.id === b.record.id);
}

const posts = (n: number) => countOf(n, 'post', 'poster');
