import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

/**
 * The Händelselogg's filters (issue 10): by person, by kind of event and by date, newest
 * first, counted for the pager. Without these indexes each filtered page and its count
 * would read every entry with its snapshots (a unit's log holds 100 000 entries and more);
 * with them SQLite reads only the index. The register is the entries' entity (newest first
 * by (entity, at)); the client is found through (entity, entity_id), indexed since 0001.
 * Indexes only: no row changes.
 */
export class AuditFilters implements MigrationInterface {
  name = migrationName(11, 'AuditFilters');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_log_at ON audit_log (at)');
    await queryRunner.query('CREATE INDEX audit_log_actor ON audit_log (actor_id, at)');
    await queryRunner.query('CREATE INDEX audit_log_action ON audit_log (action, at)');
    await queryRunner.query('CREATE INDEX audit_log_entity_at ON audit_log (entity, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_log_entity_at');
    await queryRunner.query('DROP INDEX audit_log_action');
    await queryRunner.query('DROP INDEX audit_log_actor');
    await queryRunner.query('DROP INDEX audit_log_at');
  }
}
