import type { FieldValue, RegisterDefinition } from '../../../shared/registers';
import { snakeCase } from '../../../shared/registers';
import type { FieldChange } from '../../../shared/registers/changes';
import type { RegisterRecord } from '../../../shared/registers/schemas';
import { foldName, swedishSortKey } from '../../../shared/swedishText';

/** The SQL table behind a register: "journalNotes" → "journal_notes". */
export const tableOf = (definition: RegisterDefinition): string => snakeCase(definition.key);

/** Columns every register has, record key → column. */
export const commonColumns = {
  id: 'id',
  outageId: 'outage_id',
  clientName: 'client_name',
  personnummer: 'personnummer',
  reserveIdentity: 'reserve_identity',
  transcribedFromPaper: 'transcribed_from_paper',
  transcribedById: 'transcribed_by_id',
  transcribedByName: 'transcribed_by_name',
  paperReference: 'paper_reference',
  createdById: 'created_by_id',
  createdByName: 'created_by_name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  voidedAt: 'voided_at',
  voidedByName: 'voided_by_name',
  voidReason: 'void_reason',
  enteredOn: 'entered_on',
  enteredById: 'entered_by_id',
  enteredByName: 'entered_by_name',
  enteredByInitials: 'entered_by_initials',
  deadline: 'deadline',
  changedAfterEntryAt: 'changed_after_entry_at',
  changedAfterEntryByName: 'changed_after_entry_by_name',
  changedAfterEntryFields: 'changed_after_entry_fields',
  previousEnteredOn: 'previous_entered_on',
  previousEnteredByInitials: 'previous_entered_by_initials',
  previousEnteredById: 'previous_entered_by_id',
  previousEnteredByName: 'previous_entered_by_name',
} as const;

/**
 * Columns derived from the client's name for search and sort (migration 0006): every
 * insert and every change of the name writes them, through `nameColumns`.
 */
export const nameSearchColumns = ['client_fold', 'client_sort'] as const;

/**
 * Columns that belong to one database file and must never be copied into another:
 * `search_rowid` is the row's key in this file's name index, set by the schema's own
 * trigger. Copied into another file it would point at another record's index entry (or
 * collide with the unique index); there the insert trigger gives the row its own.
 */
export const fileLocalColumns = ['search_rowid'] as const;

/**
 * Where the row was first written (migration 0009): filled in by the schema from this
 * installation's device, stated by a transfer import. Travels with the row.
 */
export const provenanceColumns = ['device_id'] as const;

export const nameColumns = (clientName: string) => ({
  client_fold: foldName(clientName),
  client_sort: swedishSortKey(clientName),
});

export type Row = Record<string, string | number | null>;
const booleanCommon = new Set(['reserve_identity', 'transcribed_from_paper']);

/** The register's own fields that are columns (computed ones are not). */
export const storedFields = (definition: RegisterDefinition) =>
  definition.fields.filter((field) => !field.computed);

/**
 * The columns of a register's table that may leave this file, in a stable order: what a
 * transfer or an export copies. Not `fileLocalColumns`.
 */
export function portableColumnsOf(definition: RegisterDefinition): string[] {
  return [
    ...Object.values(commonColumns),
    ...nameSearchColumns,
    ...provenanceColumns,
    ...storedFields(definition).map((f) => snakeCase(f.key)),
  ];
}

/** Every column of the register's table: the portable ones and this file's own. */
export function columnsOf(definition: RegisterDefinition): string[] {
  return [...portableColumnsOf(definition), ...fileLocalColumns];
}

/** A field's column, worked out once per field: asked for every field of every row read. */
const columns = new Map<string, string>();
function columnOf(key: string): string {
  let column = columns.get(key);
  if (column === undefined) columns.set(key, (column = snakeCase(key)));
  return column;
}

export function rowToRecord(definition: RegisterDefinition, row: Row): RegisterRecord {
  const values: Record<string, FieldValue> = {};
  for (const field of definition.fields) {
    const raw = row[columnOf(field.key)] ?? null;
    values[field.key] = field.kind === 'flag' ? raw === 1 : raw;
  }
  const text = (column: string) => (row[column] ?? null) as string | null;
  return {
    id: String(row.id),
    outageId: String(row.outage_id),
    clientName: String(row.client_name),
    personnummer: text('personnummer'),
    reserveIdentity: row.reserve_identity === 1,
    values,
    createdById: String(row.created_by_id),
    createdByName: String(row.created_by_name),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    transcribedFromPaper: row.transcribed_from_paper === 1,
    transcribedByName: text('transcribed_by_name'),
    paperReference: text('paper_reference'),
    voidedAt: text('voided_at'),
    voidedByName: text('voided_by_name'),
    voidReason: text('void_reason'),
    enteredOn: text('entered_on'),
    enteredByName: text('entered_by_name'),
    enteredByInitials: text('entered_by_initials'),
    deadline: text('deadline'),
    deadlineStatus: null,
    changedAfterEntry: row.changed_after_entry_at
      ? {
          at: String(row.changed_after_entry_at),
          byName: String(row.changed_after_entry_by_name),
          previousEnteredOn: text('previous_entered_on'),
          previousEnteredByInitials: text('previous_entered_by_initials'),
          changes: changesOf(row),
        }
      : null,
  };
}

/** SQLite values for the register's own fields (flags as 0/1). */
export function fieldColumns(definition: RegisterDefinition, values: Record<string, unknown>): Row {
  const row: Row = {};
  for (const field of storedFields(definition)) {
    const value = values[field.key];
    row[snakeCase(field.key)] =
      field.kind === 'flag' ? (value ? 1 : 0) : ((value ?? null) as string | number | null);
  }
  return row;
}

export function toSqlValue(column: string, value: unknown): string | number | null {
  if (booleanCommon.has(column)) return value ? 1 : 0;
  return (value ?? null) as string | number | null;
}

/** The fields changed after entry, kept as JSON beside the record. */
export function changesOf(row: Row): FieldChange[] {
  const json = row.changed_after_entry_fields;
  return typeof json === 'string' ? (JSON.parse(json) as FieldChange[]) : [];
}
