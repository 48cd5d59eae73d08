import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../../shared/result';
import type { SetupFileInfo } from '../../../shared/transfer';
import { recordAudit } from '../audit/auditLog';
import { createUnitDatabase } from '../db/create';
import { deviceNameOr } from '../devices/deviceName';
import { insertDevice } from '../devices/deviceService';
import type { Row } from '../registers/table';
import type { AppState } from '../state';
import { getUnit, writePendingUnlockAudit } from '../unit/unitService';
import { camelView } from './tables';
import { openSetupFile } from './container';
import type { SetupManifest } from './manifest';
import { setupFileInfo } from './writeSetupFile';
import { setupFileTables, type FileTable } from './tables';

export interface SetUpFromFileOptions {
  /** What this laptop is called; else the name the setup file gave it. */
  deviceName?: string;
}

/** What a setup file holds, read and checked before anything is created. */
interface SetupContent {
  manifest: SetupManifest;
  tables: Map<string, Row[]>;
}

/** What a setup file says, before the laptop is set up from it (to show and confirm). */
export function inspectSetupFile(setupPath: string, passphrase: string): SetupFileInfo {
  const { manifest, tables } = readSetupFile(setupPath, passphrase);
  return setupFileInfo(manifest, String(tables.get('unit')?.[0]?.reference_prefix));
}

/**
 * On a fresh laptop: creates its encrypted database at `dbPath`, keyed with the unit
 * passphrase that opens the setup file, and fills it with the unit and its people from the
 * file instead of creating a new unit, so each person signs in with their own account and
 * every record carries the same signatures and user ids as on the office PC. The laptop
 * gets a device identity of its own and the range of reference serials the file gave it;
 * the audit log says it was set up from a setup file made by whom, when and where.
 *
 * Nothing is created unless the file is a sound setup file opened with the passphrase; if
 * anything fails before the setup transaction committed, no file is left at the database's
 * path (createUnitDatabase builds it under a temporary name).
 */
export async function createFromSetupFile(
  dbPath: string,
  setupPath: string,
  passphrase: string,
  now: Date,
  options: SetUpFromFileOptions = {},
): Promise<DataSource> {
  if (existsSync(dbPath)) {
    throw new AppError('ALREADY_SETUP', 'Enheten är redan upprättad på den här datorn.');
  }
  const content = readSetupFile(setupPath, passphrase);
  const { dataSource } = await createUnitDatabase(dbPath, passphrase, (manager) =>
    fill(manager, content, now, options),
  );
  return dataSource;
}

/** The same for the running app: afterwards each person signs in with their own account. */
export async function setUpFromSetupFile(
  state: AppState,
  setupPath: string,
  passphrase: string,
  options: SetUpFromFileOptions = {},
): Promise<void> {
  if (state.isSetUp) {
    throw new AppError('ALREADY_SETUP', 'Enheten är redan upprättad på den här datorn.');
  }
  const dataSource = await createFromSetupFile(
    state.dbPath,
    setupPath,
    passphrase,
    state.now(),
    options,
  );
  state.attach(dataSource, passphrase);
  state.session.autoLockMinutes = (await getUnit(dataSource)).autoLockMinutes;
  // Wrong passphrases typed for the file before it opened: into the log they go.
  await writePendingUnlockAudit(state, dataSource);
}

function readSetupFile(setupPath: string, passphrase: string): SetupContent {
  const file = openSetupFile(setupPath, passphrase, setupFileTables);
  try {
    const tables = new Map<string, Row[]>();
    for (const table of setupFileTables) tables.set(table.table, [...file.rows(table)]);
    if (tables.get('unit')?.length !== 1) {
      throw new AppError('DAMAGED_FILE', 'Installationsfilen saknar uppgifter om enheten.');
    }
    return { manifest: file.manifest, tables };
  } finally {
    file.close();
  }
}

async function fill(
  manager: EntityManager,
  { manifest, tables }: SetupContent,
  now: Date,
  options: SetUpFromFileOptions,
): Promise<void> {
  const at = now.toISOString();
  const device = {
    id: randomUUID(),
    name: deviceNameOr(options.deviceName ?? manifest.laptopName, 'Bärbar dator'),
  };
  // First, so that every row and audit entry below is marked as made on this laptop.
  await insertDevice(manager, {
    ...device,
    kind: 'laptop',
    isThis: true,
    serialFirst: manifest.serialFirst,
    serialLast: manifest.serialLast,
    setupFileId: manifest.fileId,
    createdAt: at,
  });
  const table = (name: string) => setupFileTables.find((t) => t.table === name)!;
  for (const name of ['devices', 'unit', 'users', 'outages']) {
    for (const row of tables.get(name) ?? []) await insertRow(manager, table(name), row);
  }
  const users = tables.get('users') ?? [];
  await recordAudit(manager, {
    actor: null,
    at: now,
    action: 'unit.setupFromFile',
    entity: 'unit',
    entityId: '1',
    after: {
      setupFileId: manifest.fileId,
      madeAt: manifest.createdAt,
      madeByName: manifest.createdByName,
      madeOnDeviceName: manifest.deviceName,
      device,
      users: users.map(({ password_hash: _, ...user }) => camelView(user)),
      outages: tables.get('outages')?.length ?? 0,
    },
  });
}

async function insertRow(manager: EntityManager, table: FileTable, row: Row): Promise<void> {
  const columns = table.table === 'unit' ? ['id', ...table.columns] : table.columns;
  const values =
    table.table === 'unit'
      ? [1, ...table.columns.map((c) => row[c])]
      : table.columns.map((c) => row[c]);
  await manager.query(
    `INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    values,
  );
}
