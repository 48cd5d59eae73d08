import { registerKeys, registers, type RegisterDefinition } from '../../../shared/registers';
import type { TransferTableKey } from '../../../shared/transfer';
import { stickKey } from '../../../shared/usbReceipts';
import { rulesFor } from '../registers/rules';
import { nameColumns, portableColumnsOf, rowToRecord, tableOf, type Row } from '../registers/table';

/**
 * One table of a setup or transfer file: the same name and columns as in the unit
 * database, a key to order and identify its rows, and the rows of this database it takes.
 * The columns are written out (or derived from the register definitions) and pinned by a
 * test against the schema: a column added by a later migration must be added here, with a
 * new FORMAT_VERSION.
 */
export interface FileTable {
  /** The SQL table, here and in the file. */
  table: string;
  keyColumn: string;
  columns: readonly string[];
  /**
   * The SELECT of this database's rows for the file (its columns in `columns` order), with
   * `@outage` for the outage a file is limited to; null `scoped` when the whole table goes.
   */
  select: string;
  scoped?: string;
}

/** A table whose rows merge into the office's by the rules in merge.ts. */
export interface MergedTable extends FileTable {
  key: TransferTableKey;
  /** Recomputed on import from the other columns, never compared. */
  derived: readonly string[];
  /** The change timestamp: the later change wins. */
  changedAt: string;
  /** The audit log's name for this kind of row. */
  auditEntity: string;
  /** The column holding the outage a row belongs to, mapped through outage aliases. */
  outageColumn?: string;
  /** Rows here are never changed by an import (people belong to the office PC). */
  oursWins?: boolean;
  /** How a row appears in the audit log: no secrets. */
  view(row: Row): unknown;
  /** The derived columns' values for a row read in. */
  derive?(row: Row): Row;
}

const everything = (table: string, columns: readonly string[]) =>
  `SELECT ${columns.join(', ')} FROM main.${table}`;

function merged(
  spec: Omit<MergedTable, 'select' | 'derived' | 'keyColumn' | 'changedAt' | 'view'> &
    Partial<Pick<MergedTable, 'derived' | 'keyColumn' | 'changedAt' | 'view'>>,
): MergedTable {
  return {
    keyColumn: 'id',
    changedAt: 'updated_at',
    derived: [],
    view: camelView,
    select: everything(spec.table, spec.columns),
    ...spec,
  };
}

/** A row as the audit log shows it elsewhere: camelCase keys. */
export function camelView(row: Row): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}

export const userColumns = [
  'id',
  'username',
  'full_name',
  'initials',
  'role',
  'password_hash',
  'active',
  'created_at',
  'updated_at',
] as const;

export const outageColumns = [
  'id',
  'kind',
  'level',
  'affected_systems',
  'note',
  'starts_at',
  'ends_at',
  'analysis_done_on',
  'analysis_by_id',
  'analysis_by_name',
  'ended_by_id',
  'ended_by_name',
  'end_note',
  'created_by_id',
  'created_at',
  'updated_at',
  'device_id',
] as const;

export const deviceColumns = [
  'id',
  'name',
  'kind',
  'serial_first',
  'serial_last',
  'setup_file_id',
  'created_at',
] as const;

const users = merged({
  key: 'users',
  table: 'users',
  columns: userColumns,
  auditEntity: 'user',
  oursWins: true,
  // Never a password hash in the log.
  view: ({ password_hash: _, ...row }) => camelView(row),
});

const outages = merged({
  key: 'outages',
  table: 'outages',
  columns: outageColumns,
  auditEntity: 'outage',
  scoped: 'id = @outage',
});

const reconciliations = merged({
  key: 'reconciliations',
  table: 'reconciliations',
  columns: [
    'id',
    'reconciled_on',
    'finance_contact',
    'total_ore',
    'refill_ore',
    'note',
    'payout_count',
    'created_by_id',
    'created_by_name',
    'created_at',
    'device_id',
    'balance_ore',
  ],
  // Never changed once made.
  changedAt: 'created_at',
  auditEntity: 'reconciliation',
  scoped: 'id IN (SELECT reconciliation_id FROM main.payouts WHERE outage_id = @outage)',
});

function registerTable(definition: RegisterDefinition): MergedTable {
  return merged({
    key: definition.key,
    table: tableOf(definition),
    columns: [...portableColumnsOf(definition), ...(rulesFor(definition.key).extraColumns ?? [])],
    // The deadline is counted again from the end of the outage the record belongs to here.
    derived: ['client_fold', 'client_sort', 'deadline'],
    derive: (row) => nameColumns(String(row.client_name)),
    auditEntity: definition.key,
    outageColumn: 'outage_id',
    scoped: 'outage_id = @outage',
    view: (row) => rowToRecord(definition, row),
  });
}

const custodians = merged({
  key: 'custodians',
  table: 'custodians',
  columns: [
    'id',
    'name',
    'unit_name',
    'phone',
    'email',
    'active',
    'created_at',
    'updated_at',
    'device_id',
    'removed_at',
    'removed_by_id',
    'removed_by_name',
  ],
  auditEntity: 'custodian',
});

const usbReceipts = merged({
  key: 'usbReceipts',
  table: 'usb_receipts',
  columns: [
    'id',
    'stick_number',
    'outage_id',
    'issued_on',
    'receiver_name',
    'receiver_signature',
    'workplace',
    'issued_by_id',
    'issued_by_name',
    'returned_on',
    'returned_signature',
    'returned_by_name',
    'created_at',
    'updated_at',
    'device_id',
    'stick_key',
    'receiver_user_id',
  ],
  // The key is the number's, computed here as everywhere (shared/usbReceipts.ts).
  derived: ['stick_key'],
  derive: (row) => ({ stick_key: stickKey(String(row.stick_number)) }),
  auditEntity: 'usbReceipt',
  outageColumn: 'outage_id',
  // A stick lent with no outage going on belongs to whichever outage is transferred.
  scoped: 'outage_id = @outage OR outage_id IS NULL',
});

const printedReferences = merged({
  key: 'printedReferences',
  table: 'printed_references',
  keyColumn: 'reference',
  columns: [
    'reference',
    'serial',
    'kind',
    'printed_at',
    'printed_by_id',
    'printed_by_name',
    'used_register',
    'used_record_id',
    'used_at',
    'written_off_at',
    'written_off_by_id',
    'written_off_by_name',
    'write_off_reason',
    'updated_at',
  ],
  auditEntity: 'reference',
});

/** The tables merged on import, in an order that keeps every foreign key satisfied. */
export const mergedTables: readonly MergedTable[] = [
  users,
  outages,
  reconciliations,
  ...registerKeys.map((key) => registerTable(registers[key])),
  custodians,
  usbReceipts,
  printedReferences,
];

export const devicesTable: FileTable = {
  table: 'devices',
  keyColumn: 'id',
  columns: deviceColumns,
  select: everything('devices', deviceColumns),
};

export const auditColumns = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'before_json',
  'after_json',
  'device_id',
  'origin_id',
  // The laptop's chain as it wrote it (main/app/audit/chain.ts), kept at the office.
  'chain_seq',
  'prev_hash',
  'hash',
] as const;

/** Entries about a record of another outage than the one transferred stay behind. */
const otherOutagesEntries = [
  ...registerKeys.map(
    (key) =>
      `(entity = '${key}' AND entity_id IN
         (SELECT id FROM main.${tableOf(registers[key])} WHERE outage_id != @outage))`,
  ),
  `(entity = 'outage' AND entity_id != @outage)`,
  `(entity = 'usbReceipt' AND entity_id IN
     (SELECT id FROM main.usb_receipts WHERE outage_id != @outage))`,
].join(' OR ');

/** The audit log in the file: `seq` is the entry's id on the device that wrote the file. */
export const auditTable: FileTable = {
  table: 'audit_log',
  keyColumn: 'seq',
  columns: auditColumns,
  select: `SELECT id AS seq, ${auditColumns.slice(1).join(', ')} FROM main.audit_log`,
  scoped: `NOT (${otherOutagesEntries})`,
};

/** Everything a transfer file holds. */
export const transferFileTables: readonly FileTable[] = [devicesTable, ...mergedTables, auditTable];

export const unitColumns = [
  'uid',
  'name',
  'department',
  'auto_lock_minutes',
  'patch_wednesday',
  'card_provider',
  'payout_limit_ore',
  'payout_warning_ore',
  'payout_strong_warning_ore',
  'reference_prefix',
  'local_routines_json',
  'created_at',
  'updated_at',
] as const;

/**
 * Everything a setup file holds: the unit, its people (with their password hashes: the
 * file is encrypted), the outages not yet ended (so a laptop prepared during one works in
 * it), and the office PC's device, so the laptop can name where it was prepared.
 */
export const setupFileTables: readonly FileTable[] = [
  {
    table: 'unit',
    keyColumn: 'uid',
    columns: unitColumns,
    select: everything('unit', unitColumns),
  },
  { table: 'users', keyColumn: 'id', columns: userColumns, select: users.select },
  {
    table: 'outages',
    keyColumn: 'id',
    columns: outageColumns,
    select: `${outages.select} WHERE ends_at IS NULL OR ends_at > @now`,
  },
  { ...devicesTable, select: `${devicesTable.select} WHERE is_this = 1` },
];
