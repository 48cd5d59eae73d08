import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldName, swedishSortKey } from '../../../../shared/swedishText';
import { migrationName } from './name';

/** Each register table and the date column its list sorts by. */
const tables: Record<string, string> = {
  decisions: 'decision_date',
  orders: 'sent_at',
  journal_notes: 'occurred_at',
  other_documents: 'document_date',
  payouts: 'payout_date',
};

/** Rows per backfill statement: 3 parameters each, well under SQLite's limit. */
const CHUNK = 500;

/**
 * Swedish search and sort for the registers. SQLite without ICU folds only A–Z, and a
 * user-defined function must not reach the schema (PITFALLS.md), so the app writes two
 * columns beside the client's name: `client_fold` (lower case, accents gone, å ä ö kept)
 * and `client_sort` (a key whose binary order is Swedish). An FTS5 trigram index over the
 * folded name answers substring searches without reading the table; ordinary triggers,
 * calling only built-in SQL, keep it in step with every insert, rename and delete.
 *
 * The index is created with FTS5's `secure-delete` on: a name deleted or renamed is
 * removed from the index itself, not merely hidden by a tombstone (see below).
 *
 * The FTS rows are keyed by `search_rowid`, a number stored in the row, not by the
 * table's own rowid: a table whose key is a TEXT id may get new rowids from VACUUM.
 *
 * The backfill uses the app's fold and key as they are today; if they ever change, a
 * later migration must write both columns again for every row.
 */
export class SwedishSearch implements MigrationInterface {
  name = migrationName(6, 'SwedishSearch');

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, dateColumn] of Object.entries(tables)) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN client_fold TEXT NOT NULL DEFAULT ''`,
      );
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN client_sort TEXT NOT NULL DEFAULT ''`,
      );
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN search_rowid INTEGER`);
      await backfill(queryRunner, table);

      const search = `${table}_name_search`;
      await queryRunner.query(
        `CREATE VIRTUAL TABLE ${search} USING fts5(client_fold, tokenize = 'trigram')`,
      );
      // FTS5 segments are append-only: without this, a delete or a rename only adds a
      // tombstone and the old name's trigrams stay in `${search}_data` until a merge.
      // With it, each delete takes them out of the segment at once, so a purged or
      // renamed name leaves nothing in the index. Stored in the table's own config (FTS5
      // format version 5, SQLite ≥ 3.42); official SQLCipher 4.14 (SQLite 3.51) reads,
      // checks and searches it (migrations.test.ts).
      await queryRunner.query(
        `INSERT INTO ${search} (${search}, rank) VALUES ('secure-delete', 1)`,
      );
      await queryRunner.query(
        `INSERT INTO ${search} (rowid, client_fold) SELECT rowid, client_fold FROM ${table}`,
      );
      await queryRunner.query(`UPDATE ${table} SET search_rowid = rowid`);
      await queryRunner.query(
        `CREATE UNIQUE INDEX ${table}_search_rowid ON ${table} (search_rowid)`,
      );

      // A writer that does not know the columns would leave its records unfindable: refuse.
      await queryRunner.query(`
        CREATE TRIGGER ${table}_name_required BEFORE INSERT ON ${table}
        WHEN new.client_fold = '' OR new.client_sort = ''
        BEGIN
          SELECT RAISE(ABORT, '${table}: client_fold and client_sort must be written with the name');
        END`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_name_search_insert AFTER INSERT ON ${table}
        BEGIN
          INSERT INTO ${search} (client_fold) VALUES (new.client_fold);
          UPDATE ${table} SET search_rowid = last_insert_rowid() WHERE rowid = new.rowid;
        END`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_name_search_update AFTER UPDATE OF client_fold ON ${table}
        BEGIN
          UPDATE ${search} SET client_fold = new.client_fold WHERE rowid = old.search_rowid;
        END`);
      // Purging a record must not leave its name behind in the index.
      await queryRunner.query(`
        CREATE TRIGGER ${table}_name_search_delete AFTER DELETE ON ${table}
        BEGIN
          DELETE FROM ${search} WHERE rowid = old.search_rowid;
        END`);

      // Keyset paging walks (sort value, id) in both directions, so each sort order gets
      // that index in place of the single-column one; the NOCASE name index goes, since it
      // orders Å, Ä and Ö wrongly. The default list (not voided, newest first) keeps its own.
      for (const [name] of sortIndexes(table, dateColumn)) {
        await queryRunner.query(`DROP INDEX IF EXISTS ${table}_${name}`);
      }
      await queryRunner.query(`DROP INDEX ${table}_client_name`);
      await queryRunner.query(`DROP INDEX ${table}_live`);
      for (const [name, columns] of sortIndexes(table, dateColumn)) {
        await queryRunner.query(`CREATE INDEX ${table}_${name} ON ${table} (${columns}, id)`);
      }
      await queryRunner.query(
        `CREATE INDEX ${table}_live ON ${table} (created_at, id) WHERE voided_at IS NULL`,
      );
      // Count a name search among the records not voided without reading their rows: by
      // the trigram index's matches, or (one or two letters) by scanning the folded names.
      await queryRunner.query(
        `CREATE INDEX ${table}_live_search ON ${table} (search_rowid) WHERE voided_at IS NULL`,
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_live_fold ON ${table} (client_fold) WHERE voided_at IS NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, dateColumn] of Object.entries(tables)) {
      for (const trigger of ['required', 'search_insert', 'search_update', 'search_delete']) {
        await queryRunner.query(`DROP TRIGGER ${table}_name_${trigger}`);
      }
      await queryRunner.query(`DROP TABLE ${table}_name_search`);
      await queryRunner.query(`DROP INDEX ${table}_search_rowid`);
      await queryRunner.query(`DROP INDEX ${table}_live_search`);
      await queryRunner.query(`DROP INDEX ${table}_live_fold`);
      await queryRunner.query(`DROP INDEX ${table}_live`);
      for (const [name, columns] of sortIndexes(table, dateColumn)) {
        await queryRunner.query(`DROP INDEX ${table}_${name}`);
        // What 0003 and 0004 had: one column, without the date sort's.
        if (name !== 'date' && name !== 'name') {
          await queryRunner.query(`CREATE INDEX ${table}_${name} ON ${table} (${columns})`);
        }
      }
      for (const column of ['client_fold', 'client_sort', 'search_rowid']) {
        await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
      }
      await queryRunner.query(
        `CREATE INDEX ${table}_client_name ON ${table} (client_name COLLATE NOCASE)`,
      );
      await queryRunner.query(
        `CREATE INDEX ${table}_live ON ${table} (created_at) WHERE voided_at IS NULL`,
      );
    }
  }
}

/** The list's sort orders: index name → sort column (each gets `, id` for keyset paging). */
function sortIndexes(table: string, dateColumn: string): [string, string][] {
  return [
    ['created_at', 'created_at'],
    ['personnummer', 'personnummer'],
    // Payouts are listed through their running total, not an index; they had none.
    ...(table === 'payouts' ? [] : [['deadline', 'deadline'] as [string, string]]),
    ['name', 'client_sort'],
    ['date', dateColumn],
  ];
}

/** Folds and keys the names already there, a chunk of rows per statement. */
async function backfill(queryRunner: QueryRunner, table: string): Promise<void> {
  const rows = (await queryRunner.query(`SELECT id, client_name FROM ${table}`)) as {
    id: string;
    client_name: string;
  }[];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await queryRunner.query(
      `UPDATE ${table} SET client_fold = v.column2, client_sort = v.column3
         FROM (VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}) AS v
        WHERE ${table}.id = v.column1`,
      chunk.flatMap((row) => [row.id, foldName(row.client_name), swedishSortKey(row.client_name)]),
    );
  }
}
