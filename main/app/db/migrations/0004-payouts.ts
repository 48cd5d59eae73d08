import type { MigrationInterface, QueryRunner } from 'typeorm';
import { commonColumns, identityRule } from './0003-registers';
import { migrationName } from './name';

/**
 * Cash card payouts (Bilaga 5), reconciliations with the finance office, and the unit's
 * payout settings. Amounts are INTEGER öre.
 */
export class Payouts implements MigrationInterface {
  name = migrationName(4, 'Payouts');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reconciliations (
        id TEXT PRIMARY KEY,
        reconciled_on TEXT NOT NULL,
        finance_contact TEXT NOT NULL,
        total_ore INTEGER NOT NULL CHECK (total_ore >= 0),
        refill_ore INTEGER NOT NULL DEFAULT 0 CHECK (refill_ore >= 0),
        note TEXT NOT NULL DEFAULT '',
        payout_count INTEGER NOT NULL,
        created_by_id TEXT NOT NULL REFERENCES users(id),
        created_by_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT`);
    await queryRunner.query(`
      CREATE TABLE payouts (${commonColumns}
        payout_date TEXT NOT NULL,
        verification_number TEXT NOT NULL,
        purpose TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        decision_maker TEXT NOT NULL,
        over_limit_reason TEXT,
        reconciliation_id TEXT REFERENCES reconciliations(id),
        ${identityRule}
      ) STRICT`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX payouts_verification ON payouts (verification_number COLLATE NOCASE)`,
    );
    for (const columns of [
      'outage_id, created_at',
      'created_at',
      'personnummer',
      'client_name COLLATE NOCASE',
      'reconciliation_id, payout_date',
    ]) {
      const name = `payouts_${columns.split(/[ ,]+/)[0]}${columns.includes(',') ? '_2' : ''}`;
      await queryRunner.query(`CREATE INDEX ${name} ON payouts (${columns})`);
    }
    await queryRunner.query(
      `CREATE INDEX payouts_live ON payouts (created_at) WHERE voided_at IS NULL`,
    );
    for (const column of [
      `card_provider TEXT NOT NULL DEFAULT 'ICA'`,
      `payout_limit_ore INTEGER NOT NULL DEFAULT 7500000`,
      `payout_warning_ore INTEGER NOT NULL DEFAULT 6000000`,
      `payout_strong_warning_ore INTEGER NOT NULL DEFAULT 7000000`,
    ]) {
      await queryRunner.query(`ALTER TABLE unit ADD COLUMN ${column}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'card_provider',
      'payout_limit_ore',
      'payout_warning_ore',
      'payout_strong_warning_ore',
    ]) {
      await queryRunner.query(`ALTER TABLE unit DROP COLUMN ${column}`);
    }
    await queryRunner.query('DROP TABLE payouts');
    await queryRunner.query('DROP TABLE reconciliations');
  }
}
