import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/** Outages (avbrott) and the unit's "patch Wednesday" setting. */
export class Outages implements MigrationInterface {
  name = migrationName(2, 'Outages');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outages (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('planned', 'unplanned')),
        level TEXT NOT NULL CHECK (level IN ('I', 'II', 'III')),
        affected_systems TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        analysis_done_on TEXT,
        analysis_by_id TEXT REFERENCES users(id),
        analysis_by_name TEXT,
        created_by_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      ) STRICT`);
    await queryRunner.query(`CREATE INDEX outages_starts_at ON outages (starts_at)`);
    await queryRunner.query(
      `ALTER TABLE unit ADD COLUMN patch_wednesday INTEGER NOT NULL DEFAULT 1 CHECK (patch_wednesday IN (0, 1))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE unit DROP COLUMN patch_wednesday');
    await queryRunner.query('DROP TABLE outages');
  }
}
