import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../../shared/result';
import { flushFile, flushFolder } from '../files/durable';
import { openUnitDatabase } from './open';

/** Beside the database while it is being set up: never opened as the unit's database. */
export const SETUP_TEMPORARY_SUFFIX = '.upprattas';
const COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;

export function removeDatabaseFiles(path: string): void {
  for (const suffix of COMPANIONS) rmSync(path + suffix, { force: true });
}

/**
 * First run, from a form or a setup file: the database is made under a temporary name
 * beside its final one, filled in one transaction, closed (which moves the WAL into the
 * file), flushed, and only then renamed into place. The app takes "a file at the final
 * path" to mean "set up", so a power cut during setup must not leave a half-made file
 * there: before the rename there is none (the next start offers setup again, which
 * removes the leftover temporary file), after it the file is whole.
 */
export async function createUnitDatabase<T>(
  path: string,
  passphrase: string,
  fill: (manager: EntityManager) => Promise<T>,
): Promise<{ dataSource: DataSource; value: T }> {
  alreadySetUp(path);
  const temporary = path + SETUP_TEMPORARY_SUFFIX;
  removeDatabaseFiles(temporary);
  let value: T;
  const building = await openUnitDatabase(temporary, passphrase, { create: true });
  try {
    value = await building.transaction(fill);
  } catch (error) {
    await building.destroy();
    removeDatabaseFiles(temporary);
    throw error;
  }
  await building.destroy();
  try {
    flushFile(temporary);
    alreadySetUp(path);
    renameSync(temporary, path);
    flushFolder(dirname(path));
  } catch (error) {
    removeDatabaseFiles(temporary);
    throw error;
  }
  return { dataSource: await openUnitDatabase(path, passphrase, { create: false }), value };
}

function alreadySetUp(path: string): void {
  if (existsSync(path)) {
    throw new AppError('ALREADY_SETUP', 'Enheten är redan upprättad på den här datorn.');
  }
}
