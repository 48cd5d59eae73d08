import { join } from 'node:path';

export const DB_FILE_NAME = 'reservparm.db';
export const DB_PATH_ENV = 'RESERVPARM_DB';

/**
 * Where the unit database lives: `--db=PATH` (or `--db PATH`) on the command line,
 * else the RESERVPARM_DB environment variable, else the user-data folder.
 */
export function resolveDbPath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--db=')) return arg.slice('--db='.length);
    if (arg === '--db' && argv[i + 1]) return argv[i + 1]!;
  }
  return env[DB_PATH_ENV] || join(userDataDir, DB_FILE_NAME);
}
