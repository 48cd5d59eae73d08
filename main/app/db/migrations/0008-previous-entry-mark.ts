import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

const registerTables = ['decisions', 'orders', 'journal_notes', 'other_documents', 'payouts'];
const columns = ['previous_entered_by_id', 'previous_entered_by_name'];

/**
 * A record changed after entry keeps the whole entry mark it had, who signed it too, so
 * the mark can come back as it was when the record is changed back. Only added columns.
 */
export class PreviousEntryMark implements MigrationInterface {
  name = migrationName(8, 'PreviousEntryMark');

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of registerTables) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN previous_entered_by_id TEXT REFERENCES users(id)`,
      );
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN previous_entered_by_name TEXT`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of registerTables) {
      for (const column of [...columns].reverse()) {
        await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
    }
  }
}
