import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Name → sha256 of every file in a folder: "byte-for-byte untouched" made checkable. */
export function snapshotFolder(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    result[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return result;
}

/** True if the text appears in the database file or its WAL, as UTF-8 or UTF-16. */
export function containsPlainText(dbPath: string, text: string): boolean {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return [dbPath, `${dbPath}-wal`, `${dbPath}-journal`]
    .filter((file) => existsSync(file))
    .some((file) => {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    });
}
