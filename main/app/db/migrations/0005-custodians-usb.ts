import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/** Cash custodians (Bilaga 1) and receipts for encrypted USB sticks (Bilaga 2). */
export class CustodiansAndUsb implements MigrationInterface {
  name = migrationName(5, 'CustodiansAndUsb');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE custodians (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        unit_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`);
    await queryRunner.query(`
      CREATE TABLE usb_receipts (
        id TEXT PRIMARY KEY,
        stick_number TEXT NOT NULL,
        outage_id TEXT REFERENCES outages(id),
        issued_on TEXT NOT NULL,
        receiver_name TEXT NOT NULL,
        receiver_signature TEXT NOT NULL,
        workplace TEXT NOT NULL,
        issued_by_id TEXT NOT NULL REFERENCES users(id),
        issued_by_name TEXT NOT NULL,
        returned_on TEXT,
        returned_signature TEXT,
        returned_by_name TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (returned_on IS NULL OR returned_on >= issued_on)
      ) STRICT`);
    // A stick can be out only once at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX usb_receipts_out ON usb_receipts (stick_number COLLATE NOCASE)
       WHERE returned_on IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX usb_receipts_outage ON usb_receipts (outage_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE usb_receipts');
    await queryRunner.query('DROP TABLE custodians');
  }
}
