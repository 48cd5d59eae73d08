import { createRequire } from 'node:module';

/**
 * The official SQLCipher 4 build (@journeyapps/sqlcipher): what an IT department's
 * DB Browser for SQLite or sqlcipher shell would use. Proves the file format, not just
 * that our own library can read what it wrote.
 */
interface SqlcipherDatabase {
  serialize(fn: () => void): void;
  run(sql: string, callback?: (error: Error | null) => void): void;
  all(sql: string, callback: (error: Error | null, rows: unknown[]) => void): void;
  close(callback?: (error: Error | null) => void): void;
}
const { Database } = createRequire(import.meta.url)('@journeyapps/sqlcipher') as {
  Database: new (path: string, mode?: number) => SqlcipherDatabase;
};
const OPEN_READONLY = 1;

export function readWithSqlcipher(
  path: string,
  passphrase: string,
  sql: string,
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new Database(path, OPEN_READONLY);
    db.serialize(() => {
      db.run(`PRAGMA key = '${passphrase.replaceAll("'", "''")}'`);
      db.all(sql, (error, rows) => {
        db.close();
        if (error) reject(error);
        else resolve(rows);
      });
    });
  });
}

export async function sqlcipherTableNames(path: string, passphrase: string): Promise<string[]> {
  const rows = (await readWithSqlcipher(
    path,
    passphrase,
    `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  )) as { name: string }[];
  return rows.map((row) => row.name);
}
