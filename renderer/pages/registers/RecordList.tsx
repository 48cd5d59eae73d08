import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
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

/** A row of one line; taller rows (a long name wrapped) are measured as they are drawn. */
const ROW_HEIGHT = 38;

interface Props {
  definition: RegisterDefinition;
  total: number;
  rowAt: (index: number) => RegisterRecord | undefined;
  ensure: (first: number, last: number) => void;
  selected: ReadonlySet<string>;
  /**
   * Why the person may not choose this row to mark as entered ("makulerad"), or null if
   * they may; absent for those who mark nothing in this register (no column of boxes).
   */
  whyNotSelectable?: (record: RegisterRecord) => string | null;
  /** Choose (or leave) these rows; the list offers only selectable ones. */
  onSelect: (records: RegisterRecord[], chosen: boolean) => void;
  onOpen: (record: RegisterRecord) => void;
}

/**
 * Windowed by @tanstack/react-virtual: only the rows in view (and a few around them) are
 * in the DOM, so the list scrolls the same with 50 records or 100 000. Its columns fit
 * the page: fixed widths for dates, numbers and amounts, the rest share what is left and
 * wrap, so nothing people work from hides to the right.
 */
export function RecordList(props: Props) {
  const { definition, total, rowAt, ensure, selected, whyNotSelectable, onSelect, onOpen } = props;
  const choosing = whyNotSelectable !== undefined;
  const selectable = (record: RegisterRecord) => choosing && whyNotSelectable(record) === null;
  const { unit } = useSession();
  const scroller = useRef<HTMLDivElement>(null);
  // Where Shift+click and Shift+arrow extend a choice from.
  const anchor = useRef<number | null>(null);

  // The virtualizer's functions change as it scrolls; this list re-renders with them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= first) ensure(first, last);
  }, [ensure, first, last]);

  // The same columns and headings as the printed list (registerColumns), those shown here.
  const columns = registerColumns(definition, unit).filter((c) => c.onScreen);
  const span = columns.length + (choosing ? 1 : 0);
  const above = items[0]?.start ?? 0;
  const below = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));

  /** Said on a box that cannot be ticked: why ("Kan inte väljas: makulerad"). */
  const whyNot = (record: RegisterRecord) => {
    const reason = whyNotSelectable?.(record);
    return reason ? `Kan inte väljas: ${reason}` : undefined;
  };

  /** Rows index..to that are loaded and may be chosen. */
  function choosableBetween(from: number, to: number): RegisterRecord[] {
    const rows: RegisterRecord[] = [];
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
      const record = rowAt(i);
      if (record && selectable(record)) rows.push(record);
    }
    return rows;
  }

  function focusRow(index: number) {
    if (index < 0 || index >= total) return;
    const drawn = () =>
      scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`) ?? null;
    const now = drawn();
    if (now) return now.focus();
    // Not drawn yet: scroll to it, and focus it once it is.
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => requestAnimationFrame(() => drawn()?.focus()));
  }

  function onRowKey(
    event: KeyboardEvent<HTMLTableRowElement>,
    record: RegisterRecord,
    index: number,
  ) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') onOpen(record);
    if (event.key === ' ') {
      event.preventDefault();
      if (selectable(record)) onSelect([record], !selected.has(record.id));
      anchor.current = index;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (event.shiftKey) {
        // Shift+arrow chooses the rows it passes over, as in a file list.
        const from = anchor.current ?? index;
        onSelect(choosableBetween(from, next), true);
        anchor.current ??= index;
      } else {
        anchor.current = null;
      }
      focusRow(next);
    }
  }

  function onBoxClick(event: MouseEvent<HTMLInputElement>, record: RegisterRecord, index: number) {
    if (event.shiftKey && anchor.current !== null) {
      onSelect(choosableBetween(anchor.current, index), true);
    } else {
      onSelect([record], !selected.has(record.id));
    }
    anchor.current = index;
  }

  return (
    <div ref={scroller} className="record-list">
      <table className="table table--records" aria-rowcount={total + 1}>
        <colgroup>
          {choosing && <col className="col-select" />}
          {columns.map((column) => (
            <col key={columnKey(column)} style={{ width: columnWidth(column) }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {choosing && (
              <th scope="col" className="col-select">
                <span className="visually-hidden">Vald</span>
              </th>
            )}
            {columns.map((column) => (
              <th scope="col" key={columnKey(column)}>
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {above > 0 && (
            <tr aria-hidden="true" className="row--spacer">
              <td colSpan={span} style={{ height: above }} />
            </tr>
          )}
          {items.map(({ index }) => {
            const record = rowAt(index);
            if (!record) {
              return (
                <tr
                  key={`loading-${index}`}
                  className="row--loading"
                  data-index={index}
                  ref={virtualizer.measureElement}
                >
                  <td colSpan={span}>Hämtar…</td>
                </tr>
              );
            }
            const overdue = record.deadlineStatus === 'overdue';
            const chosen = selected.has(record.id);
            return (
              <tr
                key={record.id}
                ref={virtualizer.measureElement}
                data-index={index}
                data-record-id={record.id}
                tabIndex={0}
                aria-rowindex={index + 2}
                className={[
                  record.voidedAt ? 'row--voided' : '',
                  overdue ? 'row--overdue' : '',
                  chosen ? 'row--selected' : '',
                ].join(' ')}
                onDoubleClick={() => onOpen(record)}
                onKeyDown={(event) => onRowKey(event, record, index)}
              >
                {choosing && (
                  <td className="col-select">
                    <input
                      type="checkbox"
                      aria-label={`Välj ${record.clientName}`}
                      title={whyNot(record)}
                      checked={chosen}
                      readOnly
                      disabled={!selectable(record)}
                      onClick={(event) => onBoxClick(event, record, index)}
                    />
                  </td>
                )}
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
          {below > 0 && (
            <tr aria-hidden="true" className="row--spacer">
              <td colSpan={span} style={{ height: below }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A column's width, by what it holds: dates, numbers, amounts and the entry mark have a
 * known length; names and free text share the rest and wrap.
 */
function columnWidth(column: RegisterColumn): string | undefined {
  if (column.kind === 'common') {
    const widths: Partial<Record<typeof column.column, string>> = {
      personnummer: '9em',
      reference: '7.4em',
      deadline: '7.4em',
      entry: '13.2em',
    };
    return widths[column.column];
  }
  const widths: Partial<Record<typeof column.field.kind, string>> = {
    date: '8.4em',
    datetime: '6.6em',
    amount: '7.6em',
    flag: '7.6em',
  };
  return widths[column.field.kind];
}

/** One cell of a record's row, by its column. */
function RecordCell(props: {
  column: RegisterColumn;
  record: RegisterRecord;
  onOpen: (record: RegisterRecord) => void;
}) {
  const { column, record, onOpen } = props;
  if (column.kind === 'field') {
    const text = formatFieldValue(column.field, record.values[column.field.key]);
    // Dates, times and amounts are read as one: they break only between date and time.
    const whole = ['date', 'datetime', 'amount'].includes(column.field.kind);
    if (!whole) return <td>{text}</td>;
    const parts = column.field.kind === 'datetime' ? text.split(' ') : [text];
    return (
      <td>
        {parts.map((part, i) => (
          <Fragment key={i}>
            {i > 0 && ' '}
            <span className="nowrap">{part}</span>
          </Fragment>
        ))}
      </td>
    );
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
        <td>
          <span className="nowrap">{formatIdentity(record)}</span>
          {record.reserveIdentity && <span className="badge badge--warning">Följ upp</span>}
        </td>
      );
    case 'reference':
      return <td>{paperReferenceText(record)}</td>;
    case 'deadline':
      return (
        <td>
          <span className="nowrap">{record.deadline ?? '–'}</span>
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
        <td>
          {record.enteredOn ? (
            <>
              <span className="nowrap">{record.enteredOn}</span> {record.enteredByInitials}
            </>
          ) : (
            '–'
          )}
        </td>
      );
  }
}

/** The paper's reference; "saknas" for paper transcribed without one, "–" for no paper. */
export function paperReferenceText(record: RegisterRecord): string {
  if (record.paperReference) return record.paperReference;
  return record.transcribedFromPaper ? 'saknas' : '–';
}
