import { GENESIS, entryHash, type ChainContent } from './chain';

/** What the check keeps of one entry: its place and hashes, and whether its content matches. */
export interface Link {
  id: number;
  seq: number | null;
  prev: string | null;
  hash: string | null;
  /** The stored hash is the hash of the entry's content and stored previous hash. */
  intact: boolean;
  /** The content, kept only for an entry that is not intact (to tell a swap of contents). */
  content?: ChainContent;
}

export interface Head {
  seq: number;
  hash: string;
}

/** One thing wrong in a chain, located by the entries' ids. */
export type Problem =
  | { kind: 'edited'; id: number }
  | { kind: 'added'; id: number }
  /** `after`/`before`: the entries around the gap (null: at the start or the end). */
  | { kind: 'missing'; after: number | null; before: number | null; count: number }
  | { kind: 'swapped'; ids: [number, number] }
  /** Entries exist but the chain's head does not: a removal at the end cannot be seen. */
  | { kind: 'headMissing' };

/**
 * Checks one chain, its links in order of number (then id). Each entry must have the next
 * number, point at the previous entry's hash and hash to its stored hash; the last must be
 * the head. Where that fails, the links around tell what happened:
 * - content changed, links intact: edited;
 * - a number skipped and the link broken there: removed (unless the numbers were left behind
 *   on the laptop by a transfer file of one outage, `leftBehind`);
 * - an entry nobody points at, with the next pointing past it, or beyond the head, or a
 *   number already taken, or not chained at all: added;
 * - numbers in order but the links in another order: swapped (the one that belongs here
 *   is found later); two edited entries whose contents hash right in each other's places:
 *   swapped too.
 * One tampering is reported once, at the right entries (test/unit/auditChain.test.ts).
 */
export function checkChain(
  links: readonly Link[],
  head: Head | null,
  leftBehind: (seq: number) => boolean = () => false,
): Problem[] {
  const problems: Problem[] = [];
  const list: Link[] = [];
  for (const link of links) {
    if (link.seq === null || link.prev === null || link.hash === null) {
      problems.push({ kind: 'added', id: link.id });
    } else list.push(link);
  }
  const pointedAt = new Set<string>(list.map((l) => l.prev!));
  if (head) pointedAt.add(head.hash);
  const referenced = (hash: string) => pointedAt.has(hash);
  // Where each hash is pointed at, in list order: finding the entry that belongs at a place
  // is a look-up, not a scan (a log renumbered throughout stays linear to check).
  const positions = new Map<string, number[]>();
  list.forEach((link, index) => {
    const at = positions.get(link.prev!);
    if (at) at.push(index);
    else positions.set(link.prev!, [index]);
  });
  const move = (prev: string, from: number, to: number) => {
    const at = positions.get(prev)!;
    at[at.indexOf(from)] = to;
    at.sort((a, b) => a - b);
  };

  const edited: Link[] = [];
  let prevHash = GENESIS;
  let expected = 1;
  let last: Link | null = null;
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    const seq = r.seq!;
    const next = list[i + 1];
    if (seq < expected || (head && seq > head.seq)) {
      problems.push({ kind: 'added', id: r.id });
      continue;
    }
    if (seq > expected) {
      let allowed = true;
      for (let s = expected; s < seq && allowed; s++) allowed = leftBehind(s);
      if (!allowed) {
        problems.push({
          kind: 'missing',
          after: last?.id ?? null,
          before: r.id,
          count: seq - expected,
        });
      }
      // Across a gap the link cannot be checked: the entry before it is not here.
      prevHash = r.prev!;
      expected = seq;
    }
    if (r.prev === prevHash) {
      if (!r.intact) {
        const skipped = next !== undefined && next.prev === prevHash && !referenced(r.hash!);
        if (skipped) {
          problems.push({ kind: 'added', id: r.id });
          // Added with the numbers after it moved up one.
          if (next.seq === seq + 1) expected = seq + 1;
          continue;
        }
        edited.push(r);
      }
    } else {
      const j = positions.get(prevHash)?.find((k) => k > i) ?? -1;
      if (j > i && referenced(r.hash!) && list[j]!.intact) {
        // The entry that belongs here is further on: put it here and look again.
        const other = list[j]!;
        problems.push({
          kind: 'swapped',
          ids: [Math.min(r.id, other.id), Math.max(r.id, other.id)],
        });
        list[i] = { ...other, seq };
        list[j] = { ...r, seq: other.seq };
        move(other.prev!, j, i);
        move(r.prev!, i, j);
        i--;
        continue;
      }
      if (j === i + 1 && !referenced(r.hash!)) {
        // Added with the numbers after it moved up one: the next points past it.
        problems.push({ kind: 'added', id: r.id });
        expected = seq + 1;
        continue;
      }
      if (last && r.prev === last.prev && !referenced(last.hash!)) {
        // The entry accepted before this one was put in (its hash made right): this one
        // points past it, at the entry before it.
        problems.push({ kind: 'added', id: last.id });
      } else if (!r.intact) edited.push(r);
      else problems.push({ kind: 'missing', after: last?.id ?? null, before: r.id, count: 1 });
    }
    // An edited entry whose stored hash was changed too: its successor still points at the
    // hash it had, so that is the one to continue from.
    prevHash = !r.intact && next && !referenced(r.hash!) ? next.prev! : r.hash!;
    expected = seq + 1;
    last = r;
  }
  problems.push(...pairSwappedContents(edited));
  if (!head) {
    if (list.length > 0) problems.push({ kind: 'headMissing' });
  } else if (!last || head.seq > last.seq!) {
    let allowed = true;
    for (let s = (last?.seq ?? 0) + 1; s <= head.seq && allowed; s++) allowed = leftBehind(s);
    if (!allowed) {
      problems.push({
        kind: 'missing',
        after: last?.id ?? null,
        before: null,
        count: head.seq - (last?.seq ?? 0),
      });
    }
  }
  return problems.sort((a, b) => firstId(a) - firstId(b));
}

/** Beyond this many edited entries, they are reported as edited without pairing them. */
const MAX_PAIRED = 200;

/** Two entries whose contents were swapped (their places and hashes kept) are one swap. */
function pairSwappedContents(edited: Link[]): Problem[] {
  const problems: Problem[] = [];
  // Pairing tries each pair: fine for a few, not for a log edited throughout.
  if (edited.length > MAX_PAIRED) return edited.map((link) => ({ kind: 'edited', id: link.id }));
  const paired = new Set<number>();
  for (const a of edited) {
    if (paired.has(a.id)) continue;
    const b = edited.find(
      (other) =>
        other !== a &&
        !paired.has(other.id) &&
        a.content !== undefined &&
        other.content !== undefined &&
        entryHash(a.content, other.prev!) === other.hash &&
        entryHash(other.content, a.prev!) === a.hash,
    );
    if (b) {
      paired.add(a.id).add(b.id);
      problems.push({ kind: 'swapped', ids: [Math.min(a.id, b.id), Math.max(a.id, b.id)] });
    } else problems.push({ kind: 'edited', id: a.id });
  }
  return problems;
}

function firstId(problem: Problem): number {
  switch (problem.kind) {
    case 'edited':
    case 'added':
      return problem.id;
    case 'swapped':
      return problem.ids[0];
    case 'missing':
      return problem.before ?? problem.after ?? Number.MAX_SAFE_INTEGER;
    case 'headMissing':
      return Number.MAX_SAFE_INTEGER;
  }
}
