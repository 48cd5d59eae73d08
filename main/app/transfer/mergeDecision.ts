/**
 * What an import does with one row of a transfer file, given the row here (if any):
 *
 * - `add`: not here, and never read in before (a row read in earlier and since removed
 *   here, by a purge, is not brought back);
 * - `skip`: the same here, or unchanged there since it was last read in from there (so a
 *   later change here is not a conflict: nothing happened there);
 * - `update`: changed in both places and the file's change is the later: it replaces ours;
 * - `conflict`: changed in both places and ours is the later: ours is kept.
 *
 * "Later" is by the row's change timestamp; equal timestamps are broken by the
 * fingerprints, so the same version wins whichever of the two is here: merging A into B
 * keeps what merging B into A keeps.
 */
export type Decision = 'add' | 'skip' | 'update' | 'conflict';

export interface Version {
  /** The row's change timestamp (ISO 8601). */
  changedAt: string;
  /** A hash of what the row says (merge.ts). */
  fingerprint: string;
}

export function decide(ours: Version | null, theirs: Version, lastSeen: string | null): Decision {
  if (!ours) return lastSeen === null ? 'add' : 'skip';
  if (ours.fingerprint === theirs.fingerprint) return 'skip';
  if (lastSeen === theirs.fingerprint) return 'skip';
  return isLater(theirs, ours) ? 'update' : 'conflict';
}

/** Whether `a` is the later version of two that differ. */
export function isLater(a: Version, b: Version): boolean {
  const at = instant(a.changedAt);
  const bt = instant(b.changedAt);
  if (at !== bt) return at > bt;
  return a.fingerprint > b.fingerprint;
}

/** Milliseconds; a timestamp that does not parse counts as the earliest. */
function instant(text: string): number {
  const time = Date.parse(text);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
