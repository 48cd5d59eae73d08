import type { DataSource } from 'typeorm';
import { parsePersonnummer } from '../../../shared/domain/personnummer';
import { registers, snakeCase, type RegisterDefinition } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import type { RegisterSummary } from '../../../shared/registers/contract';
import {
  encodeCursor,
  MARK_BATCH_MAX,
  type RegisterListFilter,
  type RegisterListInput,
  type RegisterListPage,
  type RegisterRecord,
} from '../../../shared/registers/schemas';
import { bySwedish, foldName } from '../../../shared/swedishText';
import type { Role } from '../../../shared/roles';
import { deadlineWindow } from '../domain/deadlines';
import { readPage, type SortColumn } from './keyset';
import { rulesFor } from './rules';
import { rowToRecord, tableOf, type Row } from './table';

/**
 * One page of a register's list. Only the page asked for crosses IPC, never the whole
 * table; pages follow one another by keyset (see keyset.ts), and the count is made only
 * when asked for, with the first page.
 */
export async function listRecords(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: RegisterListInput,
  now: Date,
): Promise<RegisterListPage> {
  const table = tableOf(definition);
  const { where, params, search } = await listConditions(dataSource, definition, filter, now);

  const listSource = rulesFor(definition.key).listSource;
  const source = listSource ?? table;
  const sort = sortColumn(definition, filter.sort);
  const withSearch = (clause: string | undefined) => ({
    where: clause ? [clause, ...where] : where,
    params: search ? [...search.values, ...params] : params,
  });
  // Many matches: walk the sort order's index and keep the matching rows; few: fetch the
  // matches and sort them.
  const page = withSearch(search?.clause({ walkList: search.broad }));
  const query = (sql: string, values: unknown[]) => dataSource.query(sql, values) as Promise<Row[]>;
  const cursor = filter.after ?? filter.before;
  const rows = await readPage(
    {
      query,
      source,
      where: page.where,
      params: page.params,
      sort,
      descending: filter.direction === 'desc',
      limit: filter.limit,
    },
    cursor
      ? { kind: filter.after ? 'after' : 'before', value: cursor.value, id: cursor.id }
      : { kind: 'offset', offset: filter.offset, fromEnd: filter.fromEnd },
  );
  let total: number | null = null;
  if (filter.withTotal) {
    const counting = withSearch(search?.clause({ walkList: false }));
    const whereSql = counting.where.length ? `WHERE ${counting.where.join(' AND ')}` : '';
    // SQLite prefers the unique index on search_rowid, which needs each row's voided_at;
    // no plain hint (unary "+", likely()) steers it to the covering partial index, so it
    // is named. swedishSearch.test.ts checks that every such index exists as used here.
    const counted =
      search?.indexed && !listSource && filter.voided === 'exclude'
        ? `${table} INDEXED BY ${liveSearchIndex(table)}`
        : source;
    [{ total }] = (await dataSource.query(
      `SELECT count(*) AS total FROM ${counted} ${whereSql}`,
      counting.params,
    )) as [{ total: number }];
  }
  const cursorAt = (row: Row | undefined) =>
    row
      ? encodeCursor({
          sort: filter.sort,
          value: (row[sort.column] ?? null) as string | null,
          id: String(row.id),
        })
      : null;
  const warnings = deadlineWarnings(now);
  return {
    rows: rows.map((row) => warnings(rowToRecord(definition, row))),
    total,
    startCursor: cursorAt(rows[0]),
    endCursor: cursorAt(rows.at(-1)),
  };
}

/**
 * The conditions of a list's filter, beside the search (whose clause differs between a
 * page and a count): the one place a filter becomes SQL, for the list, its count, and the
 * records "Markera alla" picks from it.
 */
async function listConditions(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: RegisterListFilter,
  now: Date,
): Promise<{ where: string[]; params: unknown[]; search: Search | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  const search = filter.search
    ? await searchFor(dataSource, tableOf(definition), filter.search)
    : null;
  if (filter.outageId) add('outage_id = ?', filter.outageId);
  if (filter.createdById) add('created_by_id = ?', filter.createdById);
  if (filter.law && definition.fields.some((f) => f.key === 'law')) add('law = ?', filter.law);
  if (filter.entry === 'notEntered') add('entered_on IS NULL');
  if (filter.entry === 'entered') add('entered_on IS NOT NULL');
  if (filter.voided === 'exclude') add('voided_at IS NULL');
  if (filter.voided === 'only') add('voided_at IS NOT NULL');
  if (filter.deadline !== 'all' && definition.hasDeadline) {
    // The same conditions as the overview's counts (summarizeRegisters).
    const { today, dueSoonUntil: soon } = deadlineWindow(now);
    if (filter.deadline === 'overdue') add('entered_on IS NULL AND deadline < ?', today);
    else add('entered_on IS NULL AND deadline >= ? AND deadline <= ?', today, soon);
  }
  return { where, params, search };
}

/**
 * The ids of the records matching a list's filter that this person may mark as entered:
 * not voided, not entered, and for a handläggare only their own (markSkipReason's rule,
 * as SQL). Main marks them again one by one, so a row changed meanwhile is only skipped.
 */
export async function markableIds(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: RegisterListFilter,
  actor: { id: string; role: Role },
  now: Date,
): Promise<string[]> {
  const { where, params, search } = await listConditions(dataSource, definition, filter, now);
  const all = [
    ...(search ? [search.clause({ walkList: false })] : []),
    ...where,
    'voided_at IS NULL',
    'entered_on IS NULL',
    ...(actor.role === 'caseWorker' ? ['created_by_id = ?'] : []),
  ];
  const values = [
    ...(search?.values ?? []),
    ...params,
    ...(actor.role === 'caseWorker' ? [actor.id] : []),
  ];
  const rows = (await dataSource.query(
    `SELECT id FROM ${tableOf(definition)} WHERE ${all.join(' AND ')} LIMIT ?`,
    [...values, MARK_BATCH_MAX],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/** What each sort order of the list sorts by; the names by their Swedish sort key. */
function sortColumn(definition: RegisterDefinition, sort: RegisterListInput['sort']): SortColumn {
  switch (sort) {
    case 'createdAt':
      return { column: 'created_at', nullable: false };
    case 'clientName':
      return { column: 'client_sort', nullable: false };
    case 'personnummer':
      // Reserve identities have none: they come last.
      return { column: 'personnummer', nullable: true };
    case 'date': {
      const field = definition.fields.find((f) => f.key === definition.dateField);
      return { column: snakeCase(definition.dateField), nullable: !field?.required };
    }
    case 'deadline':
      return { column: 'deadline', nullable: true };
  }
}

/** Marks records whose deadline is near (two working days) or past, until entered. */
function deadlineWarnings(now: Date) {
  const { today, dueSoonUntil: soon } = deadlineWindow(now);
  return (record: RegisterRecord): RegisterRecord => {
    if (!record.deadline || record.enteredOn || record.voidedAt) return record;
    const status = record.deadline < today ? 'overdue' : record.deadline <= soon ? 'dueSoon' : null;
    return { ...record, deadlineStatus: status };
  };
}

/**
 * The partial index (migration 0006) that counts a name search among the records not
 * voided without reading their rows. The count names it with INDEXED BY, which fails if
 * it is renamed or its condition changes: swedishSearch.test.ts checks it for every table.
 */
export const liveSearchIndex = (table: string) => `${table}_live_search`;

/** A search's condition on the list, and its parameters. */
interface Search {
  /**
   * `walkList`: many rows match, so the page walks the sort order's index and tests each
   * row; the trigram match is then made unusable as an index lookup (unary "+"), or SQLite
   * would fetch every match and sort them all first. The other searches ignore it.
   */
  clause(options: { walkList: boolean }): string;
  values: unknown[];
  /** Answered by the trigram index. */
  indexed: boolean;
  /** More matches than BROAD_SEARCH (only an indexed search knows). */
  broad: boolean;
}

/**
 * Digits search the personnummer; anything else searches the client's name, folded as it
 * was stored ("örjan" finds "Örjan", "e" finds "é"), as a substring. From three letters the
 * trigram index answers; shorter searches read the folded name of each row in list order.
 */
async function searchFor(dataSource: DataSource, table: string, search: string): Promise<Search> {
  const fixed = (clause: string, ...values: unknown[]): Search => ({
    clause: () => clause,
    values,
    indexed: false,
    broad: false,
  });
  if (/^[\d\s+-]+$/.test(search)) {
    const digits = search.replace(/\D/g, '');
    const parsed = digits.length >= 10 ? parsePersonnummer(search) : null;
    // The whole number, or a prefix of the 12-digit form or of the 10-digit form.
    if (parsed?.ok) return fixed('personnummer = ?', parsed.value);
    return fixed(
      '(personnummer GLOB ? OR substr(personnummer, 3) GLOB ?)',
      `${digits}*`,
      `${digits}*`,
    );
  }
  const folded = foldName(search);
  if ([...folded].length < 3) return fixed('instr(client_fold, ?) > 0', folded);
  // One quoted phrase: FTS5 query syntax in what was typed is searched for literally.
  const phrase = `"${folded.replaceAll('"', '""')}"`;
  const index = `${table}_name_search`;
  const [{ matches }] = (await dataSource.query(
    `SELECT count(*) AS matches FROM ${index} WHERE ${index} MATCH ?`,
    [phrase],
  )) as [{ matches: number }];
  return {
    clause: ({ walkList }) =>
      `${walkList ? '+' : ''}search_rowid IN (SELECT rowid FROM ${index} WHERE ${index} MATCH ?)`,
    values: [phrase],
    indexed: true,
    broad: matches > BROAD_SEARCH,
  };
}

/** Above this many matching names, walking the list's index beats sorting the matches. */
const BROAD_SEARCH = 2000;

/** Per register: how many records, how many not yet entered, due soon and overdue. */
export async function summarizeRegisters(
  dataSource: DataSource,
  now: Date,
  role: Role,
): Promise<RegisterSummary[]> {
  const { today, dueSoonUntil: soon } = deadlineWindow(now);
  const summaries: RegisterSummary[] = [];
  const readable = Object.values(registers).filter((definition) => mayRead(definition, role));
  for (const definition of readable) {
    const [row] = (await dataSource.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE entered_on IS NULL) AS notEntered,
              count(*) FILTER (WHERE entered_on IS NULL AND deadline >= ? AND deadline <= ?) AS dueSoon,
              count(*) FILTER (WHERE entered_on IS NULL AND deadline < ?) AS overdue
         FROM ${tableOf(definition)} WHERE voided_at IS NULL`,
      [today, soon, today],
    )) as [Omit<RegisterSummary, 'key'>];
    summaries.push({ key: definition.key, ...row });
  }
  return summaries;
}

/** The names a personnummer already has anywhere in the unit's registers. */
export async function knownNames(
  dataSource: DataSource,
  personnummer: string,
  role: Role,
): Promise<string[]> {
  // Only the registers the person may read: payouts are not a handläggare's to see.
  const readable = Object.values(registers).filter((definition) => mayRead(definition, role));
  const union = readable
    .map(
      (definition) =>
        `SELECT client_name FROM ${tableOf(definition)} WHERE personnummer = ? AND voided_at IS NULL`,
    )
    .join(' UNION ');
  const rows = (await dataSource.query(
    union,
    readable.map(() => personnummer),
  )) as { client_name: string }[];
  return rows.map((row) => row.client_name).sort(bySwedish((name) => name));
}
