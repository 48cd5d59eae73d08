import { copyFileSync, existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { UnitEntity } from '../../main/app/db/entities/unitRecord';
import { closeUnitDatabase, openUnitDatabase } from '../../main/app/db/open';
import type { ExportActor } from '../../main/app/export';
import { bulkDecisionRows, insertBulkRows } from '../demo/bulk';
import { connectionOf } from '../../main/app/db/open';

export const BENCH_PASSPHRASE = 'bench passphrase';

/** The enhetschef who made the bench's records, and who exports them. */
export const benchActor: ExportActor = {
  id: '00000000-0000-4000-8000-000000000001',
  fullName: 'Bench Bänkström',
  role: 'unitManager',
};
export const benchAuthor = { id: benchActor.id, fullName: benchActor.fullName, initials: 'BB' };

export const benchOutage = {
  id: '00000000-0000-4000-8000-0000000000aa',
  startsAt: '2026-01-01T00:00:00.000Z',
};

/** "Now" for the bench's queries and exports: the records' dates are fixed, so is this. */
export const benchNow = new Date('2026-11-23T09:00:00.000Z');

/**
 * An encrypted unit at `path` (the app's own open: keyed, migrated, WAL, FULL) with a unit,
 * an enhetschef and an outage, and `size` fictitious decisions inserted in bulk (not through
 * the services: the bench measures reading them, not making them). Closed when done.
 */
export async function createBenchUnit(path: string, size: number): Promise<void> {
  const dataSource = await openUnitDatabase(path, BENCH_PASSPHRASE, { create: true });
  try {
    await fillBenchUnit(dataSource);
    if (size > 0) {
      insertBulkRows(connectionOf(dataSource), bulkDecisionRows(size, benchOutage, benchAuthor));
    }
  } finally {
    await closeUnitDatabase(dataSource);
  }
}

async function fillBenchUnit(dataSource: DataSource): Promise<void> {
  await dataSource.getRepository(UnitEntity).insert({
    id: 1,
    name: 'Enhet Bänk',
    department: 'Socialförvaltningen',
    autoLockMinutes: 10,
    patchWednesday: false,
    cardProvider: 'ICA',
    payoutLimitOre: 7_500_000,
    payoutWarningOre: 6_000_000,
    payoutStrongWarningOre: 7_000_000,
    referencePrefix: 'EB',
    localRoutinesJson: null,
    createdAt: 't',
    updatedAt: 't',
  });
  // The computer the unit is kept on: backups are named after it.
  await dataSource.query(
    `INSERT INTO devices (id, name, kind, is_this, serial_first, serial_last, setup_file_id, created_at)
     VALUES ('00000000-0000-4000-8000-0000000000dd', 'Kontorsdator', 'office', 1, 1, 99999, NULL, 't')`,
  );
  await dataSource.query(
    `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
     VALUES (?, 'bench', ?, 'BB', 'unitManager', 'x', 1, 't', 't')`,
    [benchActor.id, benchActor.fullName],
  );
  await dataSource.query(
    `INSERT INTO outages (id, kind, level, starts_at, created_by_id, created_at, updated_at)
     VALUES (?, 'unplanned', 'II', ?, ?, 't', 't')`,
    [benchOutage.id, benchOutage.startsAt, benchActor.id],
  );
}

/**
 * A copy of a closed database file (its WAL was checkpointed and removed at close): each
 * measurement that writes, or that must start from a cold connection, gets its own.
 */
export function copyUnit(from: string, to: string): string {
  if (existsSync(`${from}-wal`)) throw new Error(`${from} is still open`);
  copyFileSync(from, to);
  return to;
}
