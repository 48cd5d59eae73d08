import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { z } from 'zod';
import { writeTextWhole } from '../files/durable';

/**
 * Whether the database file is exactly as the app left it when it last closed cleanly.
 *
 * The full read-only check at open (probeExisting: every page decrypted, its HMAC and the
 * b-trees checked) costs about 0.7 s at 100 000 records, on top of a second key
 * derivation; the unlock should take a fraction of that. Damage comes from a crash or
 * power loss mid-write on a disk that lies about flushing, from a pulled stick or from
 * something outside the app changing the file. After a clean close the app records the
 * file's identity (file id, size, creation, modification and change times in nanoseconds:
 * any write, even one that keeps the size and resets the modification time, moves the
 * change time; a file put in its place has another id and creation time); at the next
 * open a file that still matches is opened without the scan, and the record is removed
 * as soon as the file is open, so a crash in the session that follows means a full check
 * at the next start. What this leaves unchecked at open is decay of a page on a disk that
 * was not written to; SQLCipher authenticates every page it reads, so such a page is
 * refused as damaged when read, and the next backup (which reads every page) fails and
 * says so.
 */
/** Nanosecond times and the full file id, as strings: a double would round them. */
const markSchema = z.object({
  ino: z.string(),
  size: z.string(),
  mtimeNs: z.string(),
  ctimeNs: z.string(),
  birthtimeNs: z.string(),
});
type Mark = z.infer<typeof markSchema>;

const markPath = (dbPath: string) => `${dbPath}.stangd-korrekt`;

function identityOf(dbPath: string): Mark {
  const stat = statSync(dbPath, { bigint: true });
  return {
    ino: String(stat.ino),
    size: String(stat.size),
    mtimeNs: String(stat.mtimeNs),
    ctimeNs: String(stat.ctimeNs),
    birthtimeNs: String(stat.birthtimeNs),
  };
}

/** After the last connection closed (its WAL checkpointed and removed): the file as left. */
export function markClosedCleanly(dbPath: string): void {
  // A WAL still there holds pages the file does not: not a state to vouch for.
  if (!existsSync(dbPath) || walHoldsPages(dbPath)) return;
  // The folder is not flushed: a record lost to a power cut only costs a full check.
  writeTextWhole(markPath(dbPath), JSON.stringify(identityOf(dbPath)), { flushRename: false });
}

/** Whether the file is exactly as last closed cleanly (read only: a wrong passphrase keeps it). */
export function closedCleanly(dbPath: string): boolean {
  let mark: Mark | null = null;
  try {
    const parsed = markSchema.safeParse(JSON.parse(readFileSync(markPath(dbPath), 'utf8')));
    if (parsed.success) mark = parsed.data;
  } catch {
    // No record (a first open, a crash, an older version): a full check.
  }
  if (!mark || walHoldsPages(dbPath)) return false;
  const now = identityOf(dbPath);
  return (Object.keys(now) as (keyof Mark)[]).every((key) => now[key] === mark[key]);
}

function walHoldsPages(dbPath: string): boolean {
  try {
    return statSync(`${dbPath}-wal`).size > 0;
  } catch {
    return false;
  }
}

/**
 * Once the file is open for writing: whatever happens in the session now starting, the
 * next open checks in full unless it too ends with a clean close.
 */
export function forgetCleanClose(dbPath: string): void {
  rmSync(markPath(dbPath), { force: true });
}
