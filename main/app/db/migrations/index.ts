import { InitialSchema } from './0001-initial-schema';

/** Append-only. Never edit a migration that has shipped; add the next number. */
export const migrations = [InitialSchema];
export const knownMigrationNames = new Set(migrations.map((M) => new M().name));
