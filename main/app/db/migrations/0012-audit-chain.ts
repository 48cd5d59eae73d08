import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chainIdOf, entryHash, GENESIS, type ChainContent } from '../../audit/chain';
import type { SqliteConnection } from '../sqlite';
import { migrationName } from './name';

/**
 * The audit log's hash chain (issue 11; main/app/audit/chain.ts says what it proves and
 * what not). Each entry gets its number in its device's chain (`chain_seq`), the previous
 * entry's hash (`prev_hash`) and its own (`hash`); `audit_chain_heads` keeps each chain's
 * last number and hash, so removing the last entries shows.
 *
 * The entries already here are chained as they stand, per device in the order that device
 * wrote them (`origin_id`: the office's own by id, a laptop's read in by its id there), so a
 * log that was whole before verifies whole after. The chain cannot vouch for what happened
 * to entries before this migration: it starts from them as they are. The indexes of 0011
 * stay; (device_id, chain_seq) is added for writing and verifying chain by chain.
 */
export class AuditChain implements MigrationInterface {
  name = migrationName(12, 'AuditChain');

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_log ADD COLUMN chain_seq INTEGER');
    await queryRunner.query('ALTER TABLE audit_log ADD COLUMN prev_hash TEXT');
    await queryRunner.query('ALTER TABLE audit_log ADD COLUMN hash TEXT');
    await queryRunner.query('CREATE INDEX audit_log_chain ON audit_log (device_id, chain_seq)');
    await queryRunner.query(`
      CREATE TABLE audit_chain_heads (
        chain_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL CHECK (seq > 0),
        hash TEXT NOT NULL
      ) STRICT`);
    chainExistingEntries(connectionOfRunner(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_chain_heads');
    await queryRunner.query('DROP INDEX audit_log_chain');
    await queryRunner.query('ALTER TABLE audit_log DROP COLUMN hash');
    await queryRunner.query('ALTER TABLE audit_log DROP COLUMN prev_hash');
    await queryRunner.query('ALTER TABLE audit_log DROP COLUMN chain_seq');
  }
}

/** The migration's transaction runs on the one connection: the same, used synchronously. */
function connectionOfRunner(queryRunner: QueryRunner): SqliteConnection {
  return (queryRunner.connection.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
}

/**
 * Entry by entry, so a log of 100 000 entries never sits in memory: the ids in chain order
 * first (an iterator cannot stay open while the same connection writes), then each row.
 */
function chainExistingEntries(db: SqliteConnection): void {
  const ids = db
    .prepare('SELECT id FROM audit_log ORDER BY device_id, origin_id, id')
    .pluck()
    .all() as number[];
  const read = db.prepare(
    `SELECT at, actor_id, actor_name, action, entity, entity_id, before_json, after_json,
            device_id FROM audit_log WHERE id = ?`,
  );
  const write = db.prepare(
    'UPDATE audit_log SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  const setHead = db.prepare(
    'INSERT OR REPLACE INTO audit_chain_heads (chain_id, seq, hash) VALUES (?, ?, ?)',
  );
  let chain: string | null = null;
  let seq = 0;
  let prev = GENESIS;
  for (const id of ids) {
    const content = read.get(id) as ChainContent;
    const entryChain = chainIdOf(content.device_id);
    if (entryChain !== chain) {
      chain = entryChain;
      seq = 0;
      prev = GENESIS;
    }
    seq++;
    const hash = entryHash(content, prev);
    write.run(seq, prev, hash, id);
    setHead.run(chain, seq, hash);
    prev = hash;
  }
}
