import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/result';
import { applyCipher } from '../db/keying';
import { flushFile, flushFolder } from '../files/durable';
import { SqliteDriver, type SqliteConnection } from '../db/sqlite';
import { fileErrors, type FileKind } from './errors';
import {
  FORMAT_VERSION,
  OLDEST_TRANSFER_VERSION,
  kindOfFormat,
  manifestSchemas,
  type Manifest,
  type SetupManifest,
  type TableDigest,
  type TransferManifest,
} from './manifest';
import type { FileTable } from './tables';

/**
 * Setup and transfer files are SQLCipher 4 databases, keyed like the unit database: a file
 * is written by attaching it to the open unit database, which gives it the database's own
 * key and cipher settings (no passphrase is asked for), and copying the rows across in SQL.
 * It is read with a connection of its own, read-only, keyed with the passphrase the person
 * types: the file on the stick is never written to, and a file made before the unit's
 * passphrase was changed can still be read with the one it was made with.
 *
 * Each file is written beside its destination under a temporary name, checked by opening
 * it again, and renamed into place: a file that is there is whole. It is a single file in
 * rollback-journal mode (no WAL beside it to be left behind on a stick).
 */

/** SQLCipher 4's page size: every file is a whole number of these pages. */
const PAGE_SIZE = 4096;
const PLAIN_SQLITE_HEADER = 'SQLite format 3\0';
const OUT = 'reservparm_out';
const CHECK = 'reservparm_check';

export type Params = Record<string, string | number | null>;

/**
 * Writes `tables` (this database's rows, selected with `params`) and the manifest to a new
 * file at `path`, replacing any file there only once the new one is complete and checked.
 * Call it outside any transaction (SQLite cannot attach inside one).
 */
export function writeContainer<M extends Manifest>(
  db: SqliteConnection,
  path: string,
  manifest: Omit<M, 'tables' | 'formatVersion'>,
  tables: readonly FileTable[],
  params: Params,
): M {
  if (!existsSync(dirname(path))) {
    throw new AppError('NOT_FOUND', 'Mappen finns inte. Välj en annan plats för filen.');
  }
  if (isDatabaseFile(db, path)) {
    throw new AppError(
      'VALIDATION',
      'Det är Reservpärms egen databas. Välj ett annat namn för filen.',
    );
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const written = { ...manifest, formatVersion: FORMAT_VERSION, tables: {} } as unknown as M;
    withAttached(db, temporary, OUT, () => {
      // The file takes the database's cipher by being attached to it; make sure it did.
      if (db.pragma(`${OUT}.cipher`, { simple: true }) !== 'sqlcipher') {
        throw new Error('an attached file did not get the sqlcipher cipher');
      }
      if (String(db.pragma(`${OUT}.legacy`, { simple: true })) !== '4') {
        throw new Error('an attached file did not get SQLCipher 4 settings');
      }
      db.pragma(`${OUT}.journal_mode = DELETE`);
      db.pragma(`${OUT}.synchronous = FULL`);
      db.transaction(() => {
        for (const table of tables) {
          const select = table.scoped ? `${table.select} WHERE ${table.scoped}` : table.select;
          db.exec(`CREATE TABLE ${OUT}.${table.table} (${fileColumns(table)})`);
          db.prepare(
            `INSERT INTO ${OUT}.${table.table} (${table.columns.join(', ')}) ${select}`,
          ).run(bound(select, params));
          written.tables[table.table] = tableDigest(db, OUT, table);
        }
        db.exec(`CREATE TABLE ${OUT}.manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
        const insert = db.prepare(`INSERT INTO ${OUT}.manifest (key, value) VALUES (?, ?)`);
        for (const [key, value] of Object.entries(written)) insert.run(key, JSON.stringify(value));
      })();
    });
    // Read back as a reader will: every page (HMAC), the size, every table's digest.
    withAttached(db, temporary, CHECK, () => {
      if (!isSound(db, CHECK)) throw new Error('the file just written does not check out');
      verifySize(db, CHECK, temporary);
      verifyContents(db, CHECK, written, tables);
    });
    flushFile(temporary);
    renameSync(temporary, path);
    syncFolder(dirname(path));
    return written;
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}-journal`, { force: true });
  }
}

/** A file opened for reading: its manifest, checked, and its rows. */
export interface OpenedFile<M extends Manifest> {
  manifest: M;
  /** The table's rows in key order, each with the table's columns. */
  rows(table: FileTable): IterableIterator<Record<string, string | number | null>>;
  close(): void;
}

export function openTransferFile(
  path: string,
  passphrase: string,
  tables: readonly FileTable[],
): OpenedFile<TransferManifest> {
  return openContainer(path, passphrase, 'transfer', tables) as OpenedFile<TransferManifest>;
}

export function openSetupFile(
  path: string,
  passphrase: string,
  tables: readonly FileTable[],
): OpenedFile<SetupManifest> {
  return openContainer(path, passphrase, 'setup', tables) as OpenedFile<SetupManifest>;
}

/**
 * Opens a file read-only with the passphrase and refuses it, with the reason, unless it is
 * an intact file of the kind wanted in a format this version reads.
 */
function openContainer(
  path: string,
  passphrase: string,
  kind: FileKind,
  tables: readonly FileTable[],
): OpenedFile<Manifest> {
  if (!existsSync(path) || !statSync(path).isFile()) throw fileErrors.missing();
  const size = statSync(path).size;
  if (readHeader(path) === PLAIN_SQLITE_HEADER) throw fileErrors.notEncrypted(kind);
  if (size < PAGE_SIZE || size % PAGE_SIZE !== 0) throw fileErrors.damaged();

  const db = new SqliteDriver(path, { readonly: true, fileMustExist: true });
  try {
    applyCipher(db);
    db.key(Buffer.from(passphrase, 'utf8'));
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      throw (error as { code?: string }).code === 'SQLITE_NOTADB'
        ? fileErrors.wrongPassphrase()
        : fileErrors.damaged();
    }
    db.pragma('temp_store = MEMORY');
    const manifest = readingDamaged(() => {
      if (!isSound(db, 'main')) throw fileErrors.damaged();
      verifySize(db, 'main', path);
      const found = readManifest(db, kind);
      verifyContents(db, 'main', found, tables);
      return found;
    });
    return {
      manifest,
      rows: (table) =>
        db
          .prepare(
            `SELECT ${table.columns.join(', ')} FROM main.${table.table} ORDER BY ${table.keyColumn}`,
          )
          .iterate() as IterableIterator<Record<string, string | number | null>>,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The manifest, if the file is one of ours of the wanted kind, in a format we read. */
function readManifest(db: SqliteConnection, kind: FileKind): Manifest {
  const names = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((row) => row.name),
  );
  if (!names.has('manifest')) {
    throw fileErrors.wrongKind(
      kind,
      names.has('unit') && names.has('migrations') ? 'database' : 'unknown',
    );
  }
  const entries = db.prepare('SELECT key, value FROM manifest').all() as {
    key: string;
    value: string;
  }[];
  const raw = Object.fromEntries(entries.map(({ key, value }) => [key, parseJson(value)]));
  const found = kindOfFormat(raw.format);
  if (!found) throw fileErrors.wrongKind(kind, 'unknown');
  // The version first: a newer file may differ in anything else.
  const version = raw.formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION)
    throw fileErrors.newerFormat(version);
  if (found !== kind) throw fileErrors.wrongKind(kind, found);
  if (kind === 'transfer' && (typeof version !== 'number' || version < OLDEST_TRANSFER_VERSION))
    throw fileErrors.olderFormat(typeof version === 'number' ? version : 1);
  const parsed = manifestSchemas[kind].safeParse(raw);
  if (!parsed.success) throw fileErrors.damaged();
  return parsed.data;
}

/** Every table the reader needs is there, complete, with the rows the manifest counted. */
function verifyContents(
  db: SqliteConnection,
  schema: string,
  manifest: Manifest,
  tables: readonly FileTable[],
): void {
  for (const table of tables) {
    const expected = manifest.tables[table.table];
    const present = new Set(
      (db.pragma(`${schema}.table_info(${table.table})`) as { name: string }[]).map((c) => c.name),
    );
    if (!expected || table.columns.some((column) => !present.has(column))) {
      throw fileErrors.damaged();
    }
    const actual = tableDigest(db, schema, table);
    if (actual.rows !== expected.rows || actual.sha256 !== expected.sha256) {
      throw fileErrors.damaged();
    }
  }
}

/** Row count and SHA-256 of a table's rows in key order, each row its values as JSON. */
export function tableDigest(db: SqliteConnection, schema: string, table: FileTable): TableDigest {
  const hash = createHash('sha256');
  let rows = 0;
  const statement = db
    .prepare(
      `SELECT ${table.columns.join(', ')} FROM ${schema}.${table.table} ORDER BY ${table.keyColumn}`,
    )
    .raw(true);
  for (const row of statement.iterate()) {
    hash.update(`${JSON.stringify(row)}\n`);
    rows++;
  }
  return { rows, sha256: hash.digest('hex') };
}

/** Untyped columns keep every value exactly as it was; the key is unique in the file. */
function fileColumns(table: FileTable): string {
  return [...table.columns, `PRIMARY KEY (${table.keyColumn})`].join(', ');
}

function withAttached<T>(db: SqliteConnection, path: string, schema: string, run: () => T): T {
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(path);
  try {
    return run();
  } finally {
    db.exec(`DETACH DATABASE ${schema}`);
  }
}

/** A file cut short still opens: its header counts more pages than there are. */
function verifySize(db: SqliteConnection, schema: string, path: string): void {
  const pages = db.pragma(`${schema}.page_count`, { simple: true }) as number;
  const pageSize = db.pragma(`${schema}.page_size`, { simple: true }) as number;
  if (pages * pageSize !== statSync(path).size) throw fileErrors.damaged();
}

function isSound(db: SqliteConnection, schema: string): boolean {
  const rows = db.pragma(`${schema}.quick_check`) as { quick_check: string }[];
  return rows.length === 1 && rows[0]?.quick_check === 'ok';
}

/** Reading a damaged page throws from anywhere: it is the file's fault, not ours. */
function readingDamaged<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (/^SQLITE_(CORRUPT|NOTADB|IOERR|FORMAT|RANGE)/.test(code)) throw fileErrors.damaged();
    throw error;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** The unit database or one of its companions: never to be written over. */
function isDatabaseFile(db: SqliteConnection, path: string): boolean {
  const target = resolve(path);
  return ['', '-wal', '-shm', '-journal'].some((suffix) => resolve(db.name + suffix) === target);
}

/** Only the parameters a statement names: better-sqlite3 refuses others. */
function bound(sql: string, params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`@${name}`)));
}

/** The rename itself survives a power cut once the folder is synced (not possible on Windows). */
function syncFolder(path: string): void {
  try {
    flushFolder(path);
  } catch {
    // A stick's file system may refuse to sync a folder; the file itself is already flushed.
  }
}
