import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { officeDeviceName } from '../../devices/deviceName';
import { officeRange } from '../../devices/serialBlocks';
import { migrationName } from './name';

/** Tables whose rows say on which installation they were first written. */
export const provenanceTables = [
  'decisions',
  'orders',
  'journal_notes',
  'other_documents',
  'payouts',
  'outages',
  'reconciliations',
  'custodians',
  'usb_receipts',
] as const;

/**
 * Laptops and transfer files (issue 9): the unit gets an id of its own (`uid`, the same on
 * every installation of the unit, so a file from another unit is recognised), each
 * installation a device identity (`devices`, the row with `is_this = 1`) with its range of
 * paper-reference serials (devices/serialBlocks.ts), and the office PC a list of the setup
 * files it made (`setup_files`), so it never gives the same range out twice.
 *
 * Rows of the transferable tables and audit entries say which device wrote them
 * (`device_id`), filled in by a trigger from this installation's device when the writer does
 * not say (so every existing insert stays as it is, and an import states the laptop's id).
 * An audit entry also keeps its id on the device that wrote it (`origin_id`): with the
 * device, it identifies the entry across files, so importing it twice adds it once. The
 * audit log is append-only with no hash chain; imported entries are appended.
 *
 * `printed_references.updated_at` is the change timestamp the transfer merge compares (the
 * registers, outages, custodians and USB receipts have theirs). `transfer_seen` keeps, per
 * source device, the fingerprint of each row last read from it (a row unchanged there since
 * is not a conflict with a later change here); `outage_aliases` maps an outage a laptop
 * started on its own onto the office's outage for the same period.
 *
 * Triggers use only built-in SQL, so SQLCipher's own tools can still write and check the
 * file (PITFALLS.md). An existing database is the office PC's: it gets a device named after
 * the computer, the office range of serials, and every existing row and entry is its own.
 */
export class DevicesAndTransfer implements MigrationInterface {
  name = migrationName(9, 'DevicesAndTransfer');

  async up(queryRunner: QueryRunner): Promise<void> {
    const query = (sql: string, parameters?: unknown[]) => queryRunner.query(sql, parameters);

    await query('ALTER TABLE unit ADD COLUMN uid TEXT');
    await query('UPDATE unit SET uid = ?', [randomUUID()]);

    await query(`
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('office', 'laptop')),
        is_this INTEGER NOT NULL DEFAULT 0 CHECK (is_this IN (0, 1)),
        serial_first INTEGER NOT NULL CHECK (serial_first > 0),
        serial_last INTEGER NOT NULL,
        setup_file_id TEXT,
        created_at TEXT NOT NULL,
        last_import_at TEXT,
        CHECK (serial_last >= serial_first)
      ) STRICT`);
    await query(`CREATE UNIQUE INDEX devices_this ON devices (is_this) WHERE is_this = 1`);
    await query(`
      CREATE TABLE setup_files (
        id TEXT PRIMARY KEY,
        device_name TEXT NOT NULL,
        serial_first INTEGER NOT NULL,
        serial_last INTEGER NOT NULL,
        made_at TEXT NOT NULL,
        made_by_id TEXT NOT NULL REFERENCES users(id),
        made_by_name TEXT NOT NULL,
        CHECK (serial_last >= serial_first)
      ) STRICT`);

    let officeId: string | null = null;
    const [unit] = (await query('SELECT created_at FROM unit')) as { created_at: string }[];
    if (unit) {
      officeId = randomUUID();
      const [{ highest }] = (await query(
        'SELECT max(serial) AS highest FROM printed_references',
      )) as [{ highest: number | null }];
      const range = officeRange(highest);
      await query(
        `INSERT INTO devices (id, name, kind, is_this, serial_first, serial_last, created_at)
         VALUES (?, ?, 'office', 1, ?, ?, ?)`,
        [officeId, officeDeviceName(), range.first, range.last, new Date().toISOString()],
      );
    }

    for (const table of [...provenanceTables, 'audit_log']) {
      await query(`ALTER TABLE ${table} ADD COLUMN device_id TEXT`);
      await query(`UPDATE ${table} SET device_id = ?`, [officeId]);
    }
    for (const table of provenanceTables) {
      await query(`
        CREATE TRIGGER ${table}_device AFTER INSERT ON ${table}
        WHEN new.device_id IS NULL
        BEGIN
          UPDATE ${table} SET device_id = (SELECT id FROM devices WHERE is_this = 1)
           WHERE rowid = new.rowid;
        END`);
    }
    await query('ALTER TABLE audit_log ADD COLUMN origin_id INTEGER');
    await query('UPDATE audit_log SET origin_id = id');
    await query(`CREATE UNIQUE INDEX audit_log_origin ON audit_log (device_id, origin_id)`);
    await query(`
      CREATE TRIGGER audit_log_device AFTER INSERT ON audit_log
      WHEN new.device_id IS NULL OR new.origin_id IS NULL
      BEGIN
        UPDATE audit_log
           SET device_id = coalesce(new.device_id, (SELECT id FROM devices WHERE is_this = 1)),
               origin_id = coalesce(new.origin_id, new.id)
         WHERE id = new.id;
      END`);

    await query(`ALTER TABLE printed_references ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`);
    await query(
      `UPDATE printed_references
          SET updated_at = max(printed_at, coalesce(used_at, ''), coalesce(written_off_at, ''))`,
    );
    await query(`
      CREATE TRIGGER printed_references_updated_at AFTER INSERT ON printed_references
      WHEN new.updated_at = ''
      BEGIN
        UPDATE printed_references SET updated_at = new.printed_at WHERE reference = new.reference;
      END`);

    await query(`
      CREATE TABLE transfer_seen (
        source_device_id TEXT NOT NULL,
        row_table TEXT NOT NULL,
        row_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        PRIMARY KEY (source_device_id, row_table, row_key)
      ) STRICT, WITHOUT ROWID`);
    await query(`
      CREATE TABLE outage_aliases (
        alias_id TEXT PRIMARY KEY,
        outage_id TEXT NOT NULL,
        source_device_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const query = (sql: string) => queryRunner.query(sql);
    await query('DROP TABLE outage_aliases');
    await query('DROP TABLE transfer_seen');
    await query('DROP TRIGGER printed_references_updated_at');
    await query('ALTER TABLE printed_references DROP COLUMN updated_at');
    await query('DROP TRIGGER audit_log_device');
    await query('DROP INDEX audit_log_origin');
    await query('ALTER TABLE audit_log DROP COLUMN origin_id');
    for (const table of provenanceTables) await query(`DROP TRIGGER ${table}_device`);
    for (const table of [...provenanceTables, 'audit_log']) {
      await query(`ALTER TABLE ${table} DROP COLUMN device_id`);
    }
    await query('DROP TABLE setup_files');
    await query('DROP TABLE devices');
    await query('ALTER TABLE unit DROP COLUMN uid');
  }
}
