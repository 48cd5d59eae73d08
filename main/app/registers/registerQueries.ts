import type { DataSource } from 'typeorm';
import { parsePersonnummer } from '../../../shared/domain/personnummer';
import { registers, snakeCase, type RegisterDefinition } from '../../../shared/registers';
import type { RegisterSummary } from '../../../shared/registers/contract';
import type { RegisterListInput, RegisterRecord } from '../../../shared/registers/schemas';
import type { Role } from '../../../shared/roles';
import { localDate } from '../../../shared/time';
import { addWorkingDays } from '../domain/workingDays';
import { rulesFor } from './rules';
import { rowToRecord, tableOf, type Row } from './table';

/**
 * One page of a register's list. Filters and sort orders use the indexes of migration
 * 0003; only the page asked for crosses IPC, never the whole table.
 */
export async function listRecords(
  dataSource: DataSource,
  definition: RegisterDefinition,
  filter: RegisterListInput,
  now: Date,
): Promise<{ rows: RegisterRecord[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };

  if (filter.search) addSearch(filter.search, add);
  if (filter.outageId) add('outage_id = ?', filter.outageId);
  if (filter.createdById) add('created_by_id = ?', filter.createdById);
  if (filter.law && definition.fields.some((f) => f.key === 'law')) add('law = ?', filter.law);
  if (filter.entry === 'notEntered') add('entered_on IS NULL');
  if (filter.entry === 'entered') add('entered_on IS NOT NULL');
  if (filter.voided === 'exclude') add('voided_at IS NULL');
  if (filter.voided === 'only') add('voided_at IS NOT NULL');

  const table = rulesFor(definition.key).listSource ?? tableOf(definition);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const direction = filter.direction === 'asc' ? 'ASC' : 'DESC';
  // Plain column orders so SQLite walks an index instead of sorting the table; only the
  // columns that can be empty put the empty ones last.
  const order = {
    createdAt: `created_at ${direction}`,
    clientName: `client_name COLLATE NOCASE ${direction}`,
    personnummer: `personnummer ${direction}`,
    date: `${snakeCase(definition.dateField)} ${direction} NULLS LAST`,
    deadline: `deadline ${direction} NULLS LAST`,
  }[filter.sort];
  const rows = (await dataSource.query(
    `SELECT * FROM ${table} ${whereSql}
     ORDER BY ${order}, id ${direction}
     LIMIT ? OFFSET ?`,
    [...params, filter.limit, filter.offset],
  )) as Row[];
  const [{ total }] = (await dataSource.query(
    `SELECT count(*) AS total FROM ${table} ${whereSql}`,
    params,
  )) as [{ total: number }];
  const warnings = deadlineWarnings(now);
  return { rows: rows.map((row) => warnings(rowToRecord(definition, row))), total };
}

/** Marks records whose deadline is near (two working days) or past, until entered. */
function deadlineWarnings(now: Date) {
  const today = localDate(now);
  const soon = addWorkingDays(today, 2);
  return (record: RegisterRecord): RegisterRecord => {
    if (!record.deadline || record.enteredOn || record.voidedAt) return record;
    const status = record.deadline < today ? 'overdue' : record.deadline <= soon ? 'dueSoon' : null;
    return { ...record, deadlineStatus: status };
  };
}

/** Digits search the personnummer; anything else searches the client's name. */
function addSearch(search: string, add: (clause: string, ...values: unknown[]) => void): void {
  if (/^[\d\s+-]+$/.test(search)) {
    const digits = search.replace(/\D/g, '');
    const parsed = digits.length >= 10 ? parsePersonnummer(search) : null;
    if (parsed?.ok) return add('personnummer = ?', parsed.value);
    // A prefix of the 12-digit form, or of the 10-digit form people often type.
    return add(
      '(personnummer GLOB ? OR substr(personnummer, 3) GLOB ?)',
      `${digits}*`,
      `${digits}*`,
    );
  }
  const escaped = search.replace(/[\\%_]/g, (c) => `\\${c}`);
  add(`client_name LIKE ? ESCAPE '\\'`, `%${escaped}%`);
}

/** Per register: how many records, how many not yet entered, due soon and overdue. */
export async function summarizeRegisters(
  dataSource: DataSource,
  now: Date,
  role: Role,
): Promise<RegisterSummary[]> {
  const today = localDate(now);
  const soon = addWorkingDays(today, 2);
  const summaries: RegisterSummary[] = [];
  const readable = Object.values(registers).filter(
    ({ access }) => access.read === 'all' || access.read.includes(role),
  );
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
  const readable = Object.values(registers).filter(
    ({ access }) => access.read === 'all' || access.read.includes(role),
  );
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
  return rows.map((row) => row.client_name).sort((a, b) => a.localeCompare(b, 'sv'));
}
