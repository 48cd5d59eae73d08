import type { MigrationInterface, QueryRunner } from 'typeorm';
import { derivePrefix } from '../../../../shared/references';
import { migrationName } from './name';

const registerTables = ['decisions', 'orders', 'journal_notes', 'other_documents', 'payouts'];

/**
 * Paper ↔ app references (issue 8): the unit's reference prefix, the references printed on
 * blank templates (who printed them when, and the record each was transcribed into or why
 * it was written off), each register record's `paper_reference`, and the unit's local
 * routines (checklist and fault contacts) as one JSON document.
 *
 * A record's reference is unique among the records not voided: voiding a wrong
 * transcription gives its paper back to the "not yet transcribed" list, so it can be
 * transcribed again. Across registers the printed reference's own row says which one record
 * holds it. Existing units get a prefix derived from their name, editable by the enhetschef.
 */
export class PaperReferences implements MigrationInterface {
  name = migrationName(8, 'PaperReferences');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE unit ADD COLUMN reference_prefix TEXT NOT NULL DEFAULT 'RP'`,
    );
    // NULL until the enhetschef saves them: the app shows the empty routines.
    await queryRunner.query('ALTER TABLE unit ADD COLUMN local_routines_json TEXT');
    const units = (await queryRunner.query('SELECT id, name FROM unit')) as {
      id: number;
      name: string;
    }[];
    for (const unit of units) {
      await queryRunner.query('UPDATE unit SET reference_prefix = ? WHERE id = ?', [
        derivePrefix(unit.name),
        unit.id,
      ]);
    }

    await queryRunner.query(`
      CREATE TABLE printed_references (
        reference TEXT PRIMARY KEY,
        serial INTEGER NOT NULL UNIQUE CHECK (serial > 0),
        kind TEXT NOT NULL,
        printed_at TEXT NOT NULL,
        printed_by_id TEXT NOT NULL REFERENCES users(id),
        printed_by_name TEXT NOT NULL,
        used_register TEXT,
        used_record_id TEXT,
        used_at TEXT,
        written_off_at TEXT,
        written_off_by_id TEXT REFERENCES users(id),
        written_off_by_name TEXT,
        write_off_reason TEXT,
        CHECK ((used_register IS NULL) = (used_record_id IS NULL)),
        CHECK ((written_off_at IS NULL) = (write_off_reason IS NULL))
      ) STRICT`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX printed_references_used
         ON printed_references (used_register, used_record_id) WHERE used_record_id IS NOT NULL`,
    );
    // The "not yet transcribed" list reads only these.
    await queryRunner.query(
      `CREATE INDEX printed_references_open
         ON printed_references (printed_at, serial)
         WHERE used_record_id IS NULL AND written_off_at IS NULL`,
    );

    for (const table of registerTables) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN paper_reference TEXT`);
      await queryRunner.query(
        `CREATE UNIQUE INDEX ${table}_paper_reference ON ${table} (paper_reference)
           WHERE paper_reference IS NOT NULL AND voided_at IS NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of registerTables) {
      await queryRunner.query(`DROP INDEX ${table}_paper_reference`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN paper_reference`);
    }
    await queryRunner.query('DROP TABLE printed_references');
    await queryRunner.query('ALTER TABLE unit DROP COLUMN local_routines_json');
    await queryRunner.query('ALTER TABLE unit DROP COLUMN reference_prefix');
  }
}
