import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * The four case-work registers. Written out, not generated from shared/registers, so
 * that a later change to a definition cannot change what this migration did; a test
 * checks the definitions and the tables still agree.
 */
export const commonColumns = `
  id TEXT PRIMARY KEY,
  outage_id TEXT NOT NULL REFERENCES outages(id),
  client_name TEXT NOT NULL,
  personnummer TEXT CHECK (personnummer IS NULL OR length(personnummer) = 12),
  reserve_identity INTEGER NOT NULL DEFAULT 0 CHECK (reserve_identity IN (0, 1)),
  transcribed_from_paper INTEGER NOT NULL DEFAULT 0 CHECK (transcribed_from_paper IN (0, 1)),
  transcribed_by_id TEXT REFERENCES users(id),
  transcribed_by_name TEXT,
  created_by_id TEXT NOT NULL REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by_name TEXT,
  void_reason TEXT,
  entered_on TEXT,
  entered_by_id TEXT REFERENCES users(id),
  entered_by_name TEXT,
  entered_by_initials TEXT,
  deadline TEXT,`;

export const identityRule = `CHECK ((reserve_identity = 1) = (personnummer IS NULL))`;

const tables: Record<string, string> = {
  decisions: `
    purpose TEXT NOT NULL,
    case_worker TEXT NOT NULL,
    decision_maker TEXT NOT NULL,
    decision_date TEXT NOT NULL,`,
  orders: `
    provider TEXT NOT NULL,
    service TEXT NOT NULL,
    urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
    provider_called_at TEXT,
    sent_via TEXT CHECK (sent_via IN ('internpost', 'post', 'fax')),
    sent_at TEXT,
    confirmed_at TEXT,
    confirmed_by TEXT,
    registered_on TEXT,
    activated_on TEXT,`,
  journal_notes: `
    occurred_at TEXT NOT NULL,
    law TEXT NOT NULL CHECK (law IN ('SoL', 'LSS', 'HSL')),
    text TEXT NOT NULL,
    author TEXT NOT NULL,`,
  other_documents: `
    document_date TEXT NOT NULL,
    document_type TEXT NOT NULL,
    description TEXT,
    signature TEXT NOT NULL,
    storage TEXT NOT NULL CHECK (storage IN ('hFolder', 'usb', 'paper')),
    storage_detail TEXT,`,
};

export class Registers implements MigrationInterface {
  name = migrationName(3, 'Registers');

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, own] of Object.entries(tables)) {
      await queryRunner.query(
        `CREATE TABLE ${table} (${commonColumns}${own}\n  ${identityRule}\n) STRICT`,
      );
      // The list's filters and sort orders, so 100 000 rows stay fast.
      for (const columns of [
        'outage_id, created_at',
        'created_at',
        'personnummer',
        'client_name COLLATE NOCASE',
        'created_by_id, created_at',
        'deadline',
        'entered_on',
      ]) {
        const name = `${table}_${columns.split(/[ ,]+/)[0]}${columns.includes(',') ? '_2' : ''}`;
        await queryRunner.query(`CREATE INDEX ${name} ON ${table} (${columns})`);
      }
      // The default list (not voided, newest first) and its count read only this index.
      await queryRunner.query(
        `CREATE INDEX ${table}_live ON ${table} (created_at) WHERE voided_at IS NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(tables)) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
