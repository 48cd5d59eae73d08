import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationName } from './name';

export class InitialSchema implements MigrationInterface {
  name = migrationName(1, 'InitialSchema');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        auto_lock_minutes INTEGER NOT NULL DEFAULT 10 CHECK (auto_lock_minutes BETWEEN 1 AND 120),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`);
    await queryRunner.query(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        full_name TEXT NOT NULL,
        initials TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('caseWorker', 'financialAidManager', 'unitManager')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id),
        actor_name TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT
      ) STRICT`);
    await queryRunner.query(`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP TABLE users');
    await queryRunner.query('DROP TABLE unit');
  }
}
