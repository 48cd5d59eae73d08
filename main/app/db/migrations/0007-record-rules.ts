import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

const registerTables = ['decisions', 'orders', 'journal_notes', 'other_documents', 'payouts'];

/**
 * A record changed after it was entered in the social system keeps who changed it,
 * when, what changed and the whole entry mark it had (so it can come back if the change is
 * undone); an outage keeps who ended it and the
 * note they wrote. Only added columns, so it applies whatever 0006 added to the tables.
 */
export class RecordRules implements MigrationInterface {
  name = migrationName(7, 'RecordRules');

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of registerTables) {
      for (const column of [
        'changed_after_entry_at',
        'changed_after_entry_by_name',
        /** JSON: [{ label, before, after }], the fields as the form shows them. */
        'changed_after_entry_fields',
        'previous_entered_on',
        'previous_entered_by_initials',
        'previous_entered_by_name',
      ]) {
        await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`);
      }
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN previous_entered_by_id TEXT REFERENCES users(id)`,
      );
    }
    await queryRunner.query('ALTER TABLE outages ADD COLUMN ended_by_id TEXT REFERENCES users(id)');
    await queryRunner.query('ALTER TABLE outages ADD COLUMN ended_by_name TEXT');
    await queryRunner.query(`ALTER TABLE outages ADD COLUMN end_note TEXT NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['end_note', 'ended_by_name', 'ended_by_id']) {
      await queryRunner.query(`ALTER TABLE outages DROP COLUMN ${column}`);
    }
    for (const table of registerTables) {
      for (const column of [
        'previous_entered_by_id',
        'previous_entered_by_name',
        'previous_entered_by_initials',
        'previous_entered_on',
        'changed_after_entry_fields',
        'changed_after_entry_by_name',
        'changed_after_entry_at',
      ]) {
        await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
    }
  }
}
