import type { DataSource } from 'typeorm';
import { exportTitles, worklistLabels } from '../../../shared/exports';
import { registerKeys, registers, type RegisterDefinition } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import { deadlineStatusWords, entryStateText } from '../../../shared/registers/entryState';
import { formatFieldValue } from '../../../shared/registers/format';
import {
  columnHeadings,
  fieldHeading,
  type HeadingWords,
} from '../../../shared/registers/headings';
import type { RegisterListFilter, RegisterRecord } from '../../../shared/registers/schemas';
import { bySwedish } from '../../../shared/swedishText';
import { countRecords, recordPages } from '../registers/recordPages';
import { tableOf } from '../registers/table';
import { writeAboutSheet } from './aboutSheet';
import { emptyCell, personnummerCell, textCell, type ExcelCell } from './cells';
import { deadlineCell, recordDateCell } from './recordCells';
import { inDateRange, recordDate, resolveScope, type ExportRequest } from './scope';
import type { SheetColumn } from './sheet';
import { columnWidth } from './widths';
import { ROWS_PER_DRAIN, writeWorkbook, type ExportSummary, type WorkbookOutput } from './workbook';

/** One record to enter, with what sorting and the sheet need. */
interface Item {
  definition: RegisterDefinition;
  record: RegisterRecord;
  date: string;
}

/**
 * The worklist for later entry ("Att föra in"): every record of the selection not yet in
 * the social system (not voided, no entry mark, or changed since it was entered), one sheet
 * per person who registered them, each sorted by deadline (the earliest first, records
 * without one after), then by date. A column "Införd ☐" to tick, in Excel or on paper,
 * what has been carried over. Returns each sheet's rows, for the audit log.
 */
export async function writeEntryWorklist(
  dataSource: DataSource,
  request: ExportRequest,
  output: WorkbookOutput,
): Promise<ExportSummary> {
  const scope = await resolveScope(dataSource, request);
  const { filter } = scope;
  const words = { cardProvider: scope.cardProvider };
  const readable = registerKeys
    .map((key) => registers[key])
    .filter((definition) => mayRead(definition, request.actor.role));
  const toEnter = (createdById: string | null): Partial<RegisterListFilter> => ({
    outageId: filter.outageId,
    createdById,
    entry: 'notEntered',
    voided: 'exclude',
    sort: 'deadline',
    direction: 'asc',
  });
  // Known beforehand unless a date range picks among the records as they are read.
  let total: number | null = null;
  if (!filter.from && !filter.to) {
    total = 0;
    for (const definition of readable) {
      total += await countRecords(dataSource, definition, toEnter(filter.createdById), request.now);
    }
  }
  const authors = await authorsWithWork(dataSource, readable, filter);
  const progress = { total, onProgress: request.onProgress };
  return writeWorkbook(output, scope.context, progress, async (workbook) => {
    for (const author of authors) {
      const items: Item[] = [];
      for (const definition of readable) {
        const pages = recordPages(dataSource, definition, toEnter(author.id), request.now);
        for await (const page of pages) {
          for (const record of page) {
            const date = recordDate(definition, record);
            if (inDateRange(date, filter)) items.push({ definition, record, date });
          }
        }
      }
      if (items.length === 0) continue;
      items.sort(byDeadline);
      const title = `${exportTitles.worklist} – ${author.name}`;
      const sheet = workbook.addSheet(
        title,
        worklistColumns,
        { kind: 'person', personId: author.id },
        author.name,
      );
      for (const item of items) {
        sheet.add(worklistRow(item, words));
        if (sheet.rows % ROWS_PER_DRAIN === 0) await workbook.drain();
      }
      sheet.finish();
      await workbook.drain();
    }
    if (workbook.sheets.length === 0) {
      const sheet = workbook.addSheet(exportTitles.worklist, worklistColumns, {
        kind: 'person',
        personId: filter.createdById ?? '',
      });
      sheet.addTotals([[textCell('Inga poster att föra in.')]]);
      sheet.finish();
    }
    writeAboutSheet(workbook, 'worklist', scope);
  });
}

const worklistColumns: SheetColumn[] = [
  { header: columnHeadings.deadline, width: columnWidth(columnHeadings.deadline, 'date') },
  { header: worklistLabels.deadlineStatus, width: 10 },
  { header: worklistLabels.register, width: columnWidth('', { text: 20 }) },
  { header: worklistLabels.date, width: columnWidth('', 'dateTime') },
  { header: columnHeadings.reference, width: columnWidth(columnHeadings.reference, 'reference') },
  { header: columnHeadings.clientName, width: columnWidth('', 'name') },
  { header: columnHeadings.personnummer, width: columnWidth('', 'personnummer') },
  { header: worklistLabels.details, width: columnWidth('', 'longText'), wrap: true },
  { header: worklistLabels.task, width: 34, wrap: true },
  { header: worklistLabels.tick, width: columnWidth(worklistLabels.tick, 'tick'), tick: true },
];

function worklistRow({ definition, record }: Item, words: HeadingWords): ExcelCell[] {
  const overdue = record.deadlineStatus === 'overdue';
  return [
    deadlineCell(record),
    record.deadlineStatus
      ? { ...textCell(deadlineStatusWords[record.deadlineStatus]), alert: overdue }
      : emptyCell,
    textCell(definition.title),
    recordDateCell(definition, record),
    textCell(record.paperReference),
    textCell(record.clientName),
    personnummerCell(record.personnummer),
    textCell(details(definition, record, words)),
    textCell(task(record)),
    emptyCell,
  ];
}

/** The record's fields, "Heading: value" a line, but its date (a column of its own). */
function details(definition: RegisterDefinition, record: RegisterRecord, words: HeadingWords) {
  return definition.fields
    .filter((f) => !f.onlyWhenAsked && f.key !== definition.dateField)
    .map((field) => [fieldHeading(field, words), formatFieldValue(field, record.values[field.key])])
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `${label}: ${value}`)
    .join('\n');
}

/**
 * "Ej införd", or "Ändrad efter införing (införd 2026-11-23 KH)" and what changed since:
 * that must reach the social system too.
 */
function task(record: RegisterRecord): string {
  const changes = (record.changedAfterEntry?.changes ?? []).map(
    (c) => `${c.label}: ${c.before || '–'} → ${c.after || '–'}`,
  );
  return [entryStateText(record), ...changes].join('\n');
}

/** The earliest deadline first, records without one last; then by date, then as registered. */
function byDeadline(a: Item, b: Item): number {
  const da = a.record.deadline;
  const db = b.record.deadline;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.record.createdAt < b.record.createdAt
    ? -1
    : a.record.createdAt > b.record.createdAt
      ? 1
      : 0;
}

interface Author {
  id: string;
  name: string;
}

/**
 * Everyone who registered a record of the selection that is still to be entered, by name
 * the Swedish way, under the name on their latest such record.
 */
async function authorsWithWork(
  dataSource: DataSource,
  readable: readonly RegisterDefinition[],
  filter: { outageId: string | null; createdById: string | null },
): Promise<Author[]> {
  const latest = new Map<string, { name: string; at: string }>();
  for (const definition of readable) {
    const where = ['entered_on IS NULL', 'voided_at IS NULL'];
    const params: unknown[] = [];
    if (filter.outageId) {
      where.push('outage_id = ?');
      params.push(filter.outageId);
    }
    if (filter.createdById) {
      where.push('created_by_id = ?');
      params.push(filter.createdById);
    }
    // SQLite takes the bare name from the row that has the max().
    const rows = (await dataSource.query(
      `SELECT created_by_id AS id, created_by_name AS name, max(created_at) AS at
         FROM ${tableOf(definition)} WHERE ${where.join(' AND ')} GROUP BY created_by_id`,
      params,
    )) as { id: string; name: string; at: string }[];
    for (const row of rows) {
      const known = latest.get(row.id);
      if (!known || known.at < row.at) latest.set(row.id, { name: row.name, at: row.at });
    }
  }
  return [...latest]
    .map(([id, { name }]) => ({ id, name }))
    .sort(bySwedish((author: Author) => author.name));
}
