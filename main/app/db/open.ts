import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { DataSource, type MigrationInterface } from 'typeorm';
import { AppError } from '../../../shared/result';
import { isDamageError } from './damage';
import { closedCleanly, forgetCleanClose, markClosedCleanly } from './cleanClose';
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
  // Everything about an existing file is found out without writing to it: a damaged
  // file is kept exactly as it is, for a restore or for IT.
  // Skipped only for a file exactly as the app last closed it cleanly (cleanClose.ts).
  if (!create && !closedCleanly(path)) probeExisting(path, passphrase);

  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: path,
    driver: SqliteDriver,
    // Not `!create`: ATTACH inherits the connection's open flags, and setup and transfer
    // files are written by attaching a new file, which a connection opened without
    // SQLITE_OPEN_CREATE cannot do. The file's existence was checked above, and an
    // existing one has just been probed read-only.
    fileMustExist: false,
    // Keying is done here, not with TypeORM's `key` option, which keys before the
    // cipher can be chosen (typeorm#10230).
    prepareDatabase: (db: SqliteConnection) => {
      try {
        keyConnection(db, passphrase);
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
  try {
    forgetCleanClose(path);
  } catch {
    // Held by another program: the record no longer matches once anything is written (the
    // WAL holds pages, the change time moves), so the next open still checks in full.
  }
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

/**
 * Closes the database as the app does (the last connection checkpoints the WAL into the
 * file and removes it) and records that it was left whole: the next open may skip the
 * full scan (cleanClose.ts).
 */
export async function closeUnitDatabase(
  dataSource: DataSource,
  { vouch = true }: { vouch?: boolean } = {},
): Promise<void> {
  const path = String(dataSource.options.database);
  await dataSource.destroy();
  if (!vouch) return;
  try {
    markClosedCleanly(path);
  } catch {
    // Without the record the next open checks the whole file: slower, nothing lost.
  }
}

export function connectionOf(dataSource: DataSource): SqliteConnection {
  return (dataSource.driver as unknown as { databaseConnection: SqliteConnection })
    .databaseConnection;
}

/** SQLCipher 4's page: an encrypted database file is a whole number of them. */
const PAGE_SIZE = 4096;

/**
 * What the file's bytes alone show is wrong with it, before SQLite is let near it:
 * a 0-byte file must never reach SQLite, which takes it for a new, empty database (and
 * deletes a WAL beside it, committed pages and all); a file cut short ends inside a page.
 * The first 16 bytes of an SQLCipher file are its random salt: all zeros means the start
 * of the file was wiped, "SQLite format 3" that it is not encrypted at all.
 */
export function fileProblem(path: string): string | null {
  const size = statSync(path).size;
  if (size === 0) return 'filen är tom (0 byte)';
  if (size % PAGE_SIZE !== 0) return 'filen är avkortad';
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.every((byte) => byte === 0)) return 'början av filen är nollställd';
  if (head.toString('latin1') === 'SQLite format 3\0') return 'filen är inte krypterad';
  return null;
}

/**
 * Proves the passphrase and checks the file on a read-only connection: SQLite only
 * writes a database file on a read-write connection (a checkpoint at close moves the WAL
 * into it), so a file found damaged here is left byte for byte as it was. The WAL is read
 * as part of the database, so committed pages not yet checkpointed count as there.
 */
export function probeExisting(path: string, passphrase: string): void {
  const problem = fileProblem(path);
  if (problem) throw corruptError(problem);
  const createdByProbe = ['-wal', '-shm'].filter((suffix) => !existsSync(path + suffix));
  const probe = new SqliteDriver(path, { readonly: true, fileMustExist: true });
  try {
    try {
      keyConnection(probe, passphrase);
    } catch (error) {
      throw explainWrongPassphrase(error);
    }
    let rows: { quick_check: string }[];
    try {
      rows = probe.pragma('quick_check') as { quick_check: string }[];
    } catch (error) {
      // Only SQLite's own verdict makes the file damaged: a locked file or a read error
      // (a stick or disk that hiccups) must not lead anyone to replace a good database
      // with an older backup.
      if (isDamageError(error)) throw corruptError();
      throw new AppError(
        'INTERNAL',
        'Databasfilen kunde inte läsas just nu. Ingenting har ändrats i den. Stäng andra ' +
          'program som kan ha filen öppen och försök igen, eller kontakta IT.',
      );
    }
    if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') {
      throw corruptError(rows[0]?.quick_check);
    }
  } finally {
    probe.close();
    // A read-only connection to a WAL database creates an empty WAL and its index if
    // there were none; they are its own scratch files, not the database's, and go with it.
    for (const suffix of createdByProbe) {
      const companion = path + suffix;
      if (existsSync(companion) && (suffix === '-shm' || statSync(companion).size === 0)) {
        rmSync(companion, { force: true });
      }
    }
  }
}

/**
 * An encrypted file whose first page is damaged reads exactly like one opened with the
 * wrong passphrase: the message says so, for the person sure of the passphrase.
 */
function explainWrongPassphrase(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'WRONG_PASSPHRASE') return error;
  return new AppError(
    'WRONG_PASSPHRASE',
    `${error.message} Är du säker på lösenfrasen kan början av filen vara skadad – det går ` +
      'inte att skilja från en fel lösenfras. Kontakta i så fall IT.',
    error.fields,
  );
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
