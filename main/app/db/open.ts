import { existsSync } from 'node:fs';
import { DataSource, type MigrationInterface } from 'typeorm';
import { AppError } from '../../../shared/result';
import { CommitCounter } from './commits';
import { entities } from './entities';
import { applyDurability, corruptError, keyConnection } from './keying';
import { knownMigrationNames, migrations as allMigrations } from './migrations';
import { SqliteDriver, type SqliteConnection } from './sqlite';

export interface OpenOptions {
  /** true on first-run setup: the file must not exist yet. */
  create: boolean;
  /** Only for migration tests, which build the schema as an older version left it. */
  migrations?: readonly (new () => MigrationInterface)[];
}

/**
 * Opens (or on first run creates) the unit database. Startup failures are distinct
 * errors (wrong passphrase, newer schema, corruption) and none of them deletes or
 * rewrites anything: the person gets a message and the file stays as it was.
 */
export async function openUnitDatabase(
  path: string,
  passphrase: string,
  { create, migrations = allMigrations }: OpenOptions,
): Promise<DataSource> {
  const exists = existsSync(path);
  if (create && exists) {
    throw new AppError('ALREADY_SETUP', `Det finns redan en databas i ${path}.`);
  }
  if (!create && !exists) {
    throw new AppError('NOT_SETUP', `Ingen databas finns i ${path}.`);
  }

  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: path,
    driver: SqliteDriver,
    fileMustExist: !create,
    // Keying is done here, not with TypeORM's `key` option, which keys before the
    // cipher can be chosen (typeorm#10230).
    prepareDatabase: (db: SqliteConnection) => {
      try {
        keyConnection(db, passphrase);
        if (!create) checkIntegrity(db);
        applyDurability(db);
      } catch (error) {
        db.close();
        throw error;
      }
    },
    entities,
    migrations: [...migrations],
    migrationsRun: false,
    synchronize: false,
    logging: false,
  });

  await dataSource.initialize();
  // Added as an instance: the `subscribers` option only takes decorated classes.
  dataSource.subscribers.push(new CommitCounter());
  try {
    await refuseNewerSchema(dataSource);
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

export function connectionOf(dataSource: DataSource): SqliteConnection {
  return (dataSource.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
}

function checkIntegrity(db: SqliteConnection): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch {
    throw corruptError();
  }
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
    throw corruptError(rows[0]?.quick_check);
  }
}

/** A database written by a newer Reservpärm must not be touched by an older one. */
async function refuseNewerSchema(dataSource: DataSource): Promise<void> {
  const hasTable = (await dataSource.query(
    `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`,
  )) as unknown[];
  if (hasTable.length === 0) return;
  const applied = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[];
  const unknown = applied.filter((row) => !knownMigrationNames.has(row.name));
  if (unknown.length > 0) {
    throw new AppError(
      'NEWER_SCHEMA',
      'Databasen har skapats av en nyare version av Reservpärm. Installera den nyare versionen; ' +
        'ingenting i filen har ändrats.',
    );
  }
}
