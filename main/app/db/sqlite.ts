import Database from 'better-sqlite3-multiple-ciphers';

/** The native connection type (better-sqlite3's API with SQLite3MultipleCiphers inside). */
export type SqliteConnection = Database.Database;
export const SqliteDriver = Database;
