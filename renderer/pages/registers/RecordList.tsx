import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RegisterDefinition } from '../../../shared/registers';
import {
  columnKey,
  registerColumns,
  type RegisterColumn,
} from '../../../shared/registers/headings';
import { deadlineStatusWords, entryStateWords } from '../../../shared/registers/entryState';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { useSession } from '../../app/session';
import { formatFieldValue, formatIdentity } from './fieldFormat';

const ROW_HEIGHT = 38;
const OVERSCAN = 10;

interface Props {
  definition: RegisterDefinition;
  total: number;
  rowAt: (index: number) => RegisterRecord | undefined;
  ensure: (first: number, last: number) => void;
  selected: ReadonlySet<string>;
  onToggle: (record: RegisterRecord) => void;
  onOpen: (record: RegisterRecord) => void;
}

/**
 * Windowed: only the rows in view (and a few around them) are in the DOM, so the list
 * scrolls the same with 50 records or 100 000.
 */
export function RecordList(props: Props) {
  const { definition, total, rowAt, ensure, selected, onToggle, onOpen } = props;
  const { unit } = useSession();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);

  // The same columns and headings as the printed list (registerColumns), those shown here.
  const columns = registerColumns(definition, unit).filter((c) => c.onScreen);
  const indexes = total > 0 ? range(first, last) : [];

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, record: RegisterRecord) {
    if (event.key === 'Enter') onOpen(record);
    if (event.key === ' ') {
      event.preventDefault();
      onToggle(record);
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling =
        event.key === 'ArrowDown'
          ? event.currentTarget.nextElementSibling
          : event.currentTarget.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    }
  }

  return (
    <div
      ref={scroller}
      className="record-list"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <table className="table table--records" aria-rowcount={total}>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <span className="visually-hidden">Vald</span>
            </th>
            {columns.map((column) => (
              <th scope="col" key={columnKey(column)}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />
          {indexes.map((index) => {
            const record = rowAt(index);
            if (!record) {
              return (
                <tr key={`loading-${index}`} className="row--loading">
                  <td colSpan={columns.length + 1}>Hämtar…</td>
                </tr>
              );
            }
            const overdue = record.deadlineStatus === 'overdue';
            return (
              <tr
                key={record.id}
                tabIndex={0}
                aria-rowindex={index + 1}
                aria-selected={selected.has(record.id)}
                className={[
                  record.voidedAt ? 'row--voided' : '',
                  overdue ? 'row--overdue' : '',
                  selected.has(record.id) ? 'row--selected' : '',
                ].join(' ')}
                onDoubleClick={() => onOpen(record)}
                onKeyDown={(event) => onRowKey(event, record)}
              >
                <td className="col-select">
                  <input
                    type="checkbox"
                    aria-label={`Välj ${record.clientName}`}
                    checked={selected.has(record.id)}
                    disabled={record.voidedAt !== null || record.enteredOn !== null}
                    onChange={() => onToggle(record)}
                  />
                </td>
                {columns.map((column) => (
                  <RecordCell
                    key={columnKey(column)}
                    column={column}
                    record={record}
                    onOpen={onOpen}
                  />
                ))}
              </tr>
            );
          })}
          <tr aria-hidden="true" style={{ height: Math.max(0, total - last - 1) * ROW_HEIGHT }} />
        </tbody>
      </table>
    </div>
  );
}

/** One cell of a record's row, by its column. */
function RecordCell(props: {
  column: RegisterColumn;
  record: RegisterRecord;
  onOpen: (record: RegisterRecord) => void;
}) {
  const { column, record, onOpen } = props;
  if (column.kind === 'field') {
    return <td>{formatFieldValue(column.field, record.values[column.field.key])}</td>;
  }
  switch (column.column) {
    case 'clientName':
      return (
        <td>
          <button type="button" className="link" onClick={() => onOpen(record)}>
            {record.clientName}
          </button>
          {record.voidedAt && <span className="badge">{entryStateWords.voided}</span>}
          {/* By the name: seen without scrolling a wide list. */}
          {record.changedAfterEntry && (
            <span
              className="badge badge--warning"
              title={`Ändrat: ${record.changedAfterEntry.changes.map((c) => c.label).join(', ')}`}
            >
              {entryStateWords.changedAfterEntry}
            </span>
          )}
        </td>
      );
    case 'personnummer':
    case 'clientIdentity':
      return (
        <td className="nowrap">
          {formatIdentity(record)}
          {record.reserveIdentity && <span className="badge badge--warning">Följ upp</span>}
        </td>
      );
    case 'reference':
      return <td className="nowrap">{paperReferenceText(record)}</td>;
    case 'deadline':
      return (
        <td className="nowrap">
          {record.deadline ?? '–'}
          {record.deadlineStatus === 'overdue' && (
            <span className="badge badge--warning">{deadlineStatusWords.overdue}</span>
          )}
          {record.deadlineStatus === 'dueSoon' && (
            <span className="badge badge--active">{deadlineStatusWords.dueSoon}</span>
          )}
        </td>
      );
    case 'entry':
      return (
        <td className="nowrap">
          {record.enteredOn ? `${record.enteredOn} ${record.enteredByInitials}` : '–'}
        </td>
      );
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** The paper's reference; "saknas" for paper transcribed without one, "–" for no paper. */
export function paperReferenceText(record: RegisterRecord): string {
  if (record.paperReference) return record.paperReference;
  return record.transcribedFromPaper ? 'saknas' : '–';
}
