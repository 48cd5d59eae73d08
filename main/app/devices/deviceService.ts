import type { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import type { Device, DeviceKind } from '../../../shared/devices';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import type { SerialRange } from './serialBlocks';

type Queryable = DataSource | EntityManager;

export interface DeviceRow {
  id: string;
  name: string;
  kind: DeviceKind;
  is_this: number;
  serial_first: number;
  serial_last: number;
  setup_file_id: string | null;
  created_at: string;
  last_import_at: string | null;
}

export function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    isThis: row.is_this === 1,
    serialFirst: row.serial_first,
    serialLast: row.serial_last,
    setupFileId: row.setup_file_id,
    createdAt: row.created_at,
    lastImportAt: row.last_import_at,
  };
}

/** This installation: every set-up database has exactly one (migration 0009, setup). */
export async function getThisDevice(db: Queryable): Promise<Device> {
  const [row] = (await db.query('SELECT * FROM devices WHERE is_this = 1')) as DeviceRow[];
  if (!row) throw new AppError('CORRUPT', 'Databasen saknar uppgifter om den här datorn.');
  return toDevice(row);
}

/** This installation first, then the others by name. */
export async function listDevices(db: Queryable): Promise<Device[]> {
  const rows = (await db.query(
    'SELECT * FROM devices ORDER BY is_this DESC, name, id',
  )) as DeviceRow[];
  return rows.map(toDevice);
}

export async function insertDevice(
  manager: EntityManager,
  device: Omit<Device, 'lastImportAt'>,
): Promise<void> {
  await manager.query(
    `INSERT INTO devices (id, name, kind, is_this, serial_first, serial_last, setup_file_id,
       created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      device.id,
      device.name,
      device.kind,
      device.isThis ? 1 : 0,
      device.serialFirst,
      device.serialLast,
      device.setupFileId,
      device.createdAt,
    ],
  );
}

/** Every serial range handed out: the devices known here and the setup files made here. */
export async function takenSerialRanges(db: Queryable): Promise<SerialRange[]> {
  return (await db.query(
    `SELECT serial_first AS first, serial_last AS last FROM devices
     UNION ALL
     SELECT serial_first, serial_last FROM setup_files`,
  )) as SerialRange[];
}

/** The enhetschef names the computer as people know it ("Bärbar 3", "Receptionen"). */
export function renameThisDevice(
  dataSource: DataSource,
  actor: SessionUser,
  name: string,
  now: Date,
): Promise<Device> {
  return dataSource.transaction(async (manager) => {
    const before = await getThisDevice(manager);
    await manager.query('UPDATE devices SET name = ? WHERE is_this = 1', [name]);
    const after = { ...before, name };
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'device.rename',
      entity: 'device',
      entityId: before.id,
      before: { name: before.name },
      after: { name },
    });
    return after;
  });
}
