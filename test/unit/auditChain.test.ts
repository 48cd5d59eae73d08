import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS, type ChainContent } from '../../main/app/audit/chain';
import { checkChain, type Head, type Problem } from '../../main/app/audit/chainCheck';
import { absentRanges, toLink, type ChainRow } from '../../main/app/audit/verifyChain';

/** A chain as appendChained writes it: numbered from 1, each pointing at the one before. */
function chainOf(contents: readonly Omit<ChainContent, 'device_id'>[]): {
  rows: ChainRow[];
  head: Head | null;
} {
  let prev = GENESIS;
  const rows = contents.map((content, index): ChainRow => {
    const full = { ...content, device_id: 'office' };
    const hash = entryHash(full, prev);
    const row = { ...full, id: index + 1, chain_seq: index + 1, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  const last = rows.at(-1);
  return { rows, head: last ? { seq: last.chain_seq!, hash: last.hash! } : null };
}

/** The rows as the database returns them to the check: by number, then id. */
function check(rows: readonly ChainRow[], head: Head | null, leftBehind?: (s: number) => boolean) {
  const sorted = [...rows].sort((a, b) => (a.chain_seq ?? -1) - (b.chain_seq ?? -1) || a.id - b.id);
  return checkChain(sorted.map(toLink), head, leftBehind);
}

const contentArb = fc.record({
  at: fc
    .integer({ min: 0, max: 10 ** 9 })
    .map((s) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString()),
  actor_id: fc.option(fc.uuid(), { nil: null }),
  actor_name: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  action: fc.constantFrom('decisions.create', 'decisions.update', 'session.signIn', 'user.update'),
  entity: fc.constantFrom('decisions', 'session', 'user'),
  entity_id: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  before_json: fc.option(fc.json({ maxDepth: 1 }), { nil: null }),
  after_json: fc.option(fc.json({ maxDepth: 1 }), { nil: null }),
});
/** Entries that differ from each other (an entry per second, one after the other). */
const logArb = (min: number) =>
  fc
    .array(contentArb, { minLength: min, maxLength: 30 })
    .map((contents) => contents.map((c, i) => ({ ...c, entity_id: `${i}:${c.entity_id ?? ''}` })));

describe('the audit chain check', () => {
  it('finds an untampered chain whole, whatever it holds', () => {
    fc.assert(
      fc.property(logArb(0), (contents) => {
        const { rows, head } = chainOf(contents);
        expect(check(rows, head)).toEqual([]);
      }),
    );
  });

  it('names the entry whose content was edited', () => {
    fc.assert(
      fc.property(
        logArb(1),
        fc.nat(),
        fc.constantFrom('at', 'actor_name', 'action', 'entity_id', 'after_json', 'before_json'),
        (contents, pick, field) => {
          const { rows, head } = chainOf(contents);
          const k = pick % rows.length;
          const row = rows[k]!;
          const changed = { ...row, [field]: `${String(row[field as keyof ChainRow])}!` };
          const tampered = rows.map((r, i) => (i === k ? changed : r));
          expect(check(tampered, head)).toEqual([{ kind: 'edited', id: row.id }]);
        },
      ),
    );
  });

  it('says an entry is missing, and between which two, wherever it was removed', () => {
    fc.assert(
      fc.property(logArb(1), fc.nat(), (contents, pick) => {
        const { rows, head } = chainOf(contents);
        const k = pick % rows.length;
        const tampered = rows.filter((_, i) => i !== k);
        expect(check(tampered, head)).toEqual([
          {
            kind: 'missing',
            after: rows[k - 1]?.id ?? null,
            // The last removed: nothing comes after it, only the head says it was there.
            before: rows[k + 1]?.id ?? null,
            count: 1,
          },
        ]);
      }),
    );
  });

  it('says an entry was added, however it was put in', () => {
    fc.assert(
      fc.property(
        logArb(1),
        contentArb,
        fc.nat(),
        fc.constantFrom('unchained', 'appended', 'samePlace', 'renumbered'),
        (contents, forged, pick, how) => {
          const { rows, head } = chainOf(contents);
          const k = pick % rows.length;
          const id = rows.length + 1;
          const content = { ...forged, entity_id: 'forged', device_id: 'office' };
          const bogus = 'f'.repeat(64);
          let tampered: ChainRow[];
          switch (how) {
            case 'unchained':
              tampered = [
                ...rows,
                { ...content, id, chain_seq: null, prev_hash: null, hash: null },
              ];
              break;
            case 'appended':
              tampered = [
                ...rows,
                { ...content, id, chain_seq: rows.length + 1, prev_hash: head!.hash, hash: bogus },
              ];
              break;
            case 'samePlace':
              // A second entry with a number already taken, pointing where the first points.
              tampered = [
                ...rows,
                { ...content, id, chain_seq: k + 1, prev_hash: rows[k]!.prev_hash, hash: bogus },
              ];
              break;
            default:
              // Put in at k with the numbers after it moved up one.
              tampered = [
                ...rows.map((r, i) => (i >= k ? { ...r, chain_seq: r.chain_seq! + 1 } : r)),
                { ...content, id, chain_seq: k + 1, prev_hash: rows[k]!.prev_hash, hash: bogus },
              ];
          }
          const headAfter = how === 'renumbered' ? { ...head!, seq: head!.seq + 1 } : head;
          expect(check(tampered, headAfter)).toEqual([{ kind: 'added', id }]);
        },
      ),
    );
  });

  it('says two entries swapped places, by their numbers or by their contents', () => {
    fc.assert(
      fc.property(logArb(2), fc.nat(), fc.nat(), fc.boolean(), (contents, p1, p2, byContent) => {
        const { rows, head } = chainOf(contents);
        const a = p1 % rows.length;
        let b = p2 % rows.length;
        if (a === b) b = (a + 1) % rows.length;
        const [x, y] = [rows[a]!, rows[b]!];
        const contentOf = ({ id: _, chain_seq: _s, prev_hash: _p, hash: _h, ...c }: ChainRow) => c;
        const tampered = rows.map((r) => {
          if (r !== x && r !== y) return r;
          const other = r === x ? y : x;
          return byContent ? { ...r, ...contentOf(other) } : { ...r, chain_seq: other.chain_seq };
        });
        expect(check(tampered, head)).toEqual([
          { kind: 'swapped', ids: [Math.min(x.id, y.id), Math.max(x.id, y.id)] },
        ]);
      }),
    );
  });

  it('names an entry whose stored hash or link was changed as edited', () => {
    const { rows, head } = chainOf(fc.sample(contentArb, { numRuns: 6, seed: 11 }));
    const hashChanged = rows.map((r, i) => (i === 2 ? { ...r, hash: 'a'.repeat(64) } : r));
    expect(check(hashChanged, head)).toEqual([{ kind: 'edited', id: 3 }]);
    const linkChanged = rows.map((r, i) => (i === 2 ? { ...r, prev_hash: 'a'.repeat(64) } : r));
    expect(check(linkChanged, head)).toEqual([{ kind: 'edited', id: 3 }]);
  });

  it('tells an intact forged entry (its hash made right) from the log', () => {
    const { rows, head } = chainOf(fc.sample(contentArb, { numRuns: 5, seed: 3 }));
    const forged = { ...rows[1]!, id: 6, entity_id: 'forged' };
    forged.hash = entryHash(forged, rows[1]!.prev_hash!);
    const tampered = [
      ...rows.map((r, i) => (i >= 1 ? { ...r, chain_seq: r.chain_seq! + 1 } : r)),
      { ...forged, chain_seq: 2 },
    ];
    expect(check(tampered, { ...head!, seq: 6 })).toEqual([{ kind: 'added', id: 6 }]);
  });

  it('lets a laptop chain skip what its transfer file left behind, and nothing else', () => {
    const { rows, head } = chainOf(fc.sample(contentArb, { numRuns: 8, seed: 5 }));
    // The file of one outage left entries 3 and 4 on the laptop.
    const imported = rows.filter((r) => r.chain_seq !== 3 && r.chain_seq !== 4);
    const leftBehind = (seq: number) => seq === 3 || seq === 4;
    expect(check(imported, head, leftBehind)).toEqual([]);
    expect(
      check(
        imported.filter((r) => r.chain_seq !== 6),
        head,
        leftBehind,
      ),
    ).toEqual([{ kind: 'missing', after: 5, before: 7, count: 1 }]);
    expect(check(imported, head)).toEqual([{ kind: 'missing', after: 2, before: 5, count: 2 }]);
  });

  it('needs the head to see the last entries removed, and says when it is gone', () => {
    const { rows } = chainOf(fc.sample(contentArb, { numRuns: 3, seed: 1 }));
    expect(check(rows, null)).toEqual([{ kind: 'headMissing' }] satisfies Problem[]);
    expect(check([], { seq: 3, hash: rows[2]!.hash! })).toEqual([
      { kind: 'missing', after: null, before: null, count: 3 },
    ]);
  });

  it('checks a log renumbered throughout without scanning it once per entry', () => {
    const contents = Array.from({ length: 50_000 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 23) + i * 1000).toISOString(),
      actor_id: null,
      actor_name: 'Kalle',
      action: 'session.signIn',
      entity: 'session',
      entity_id: String(i),
      before_json: null,
      after_json: null,
    }));
    const { rows, head } = chainOf(contents);
    const reversed = rows.map((r) => ({ ...r, chain_seq: rows.length + 1 - r.chain_seq! }));
    const problems = check(reversed, head);
    expect(problems).toHaveLength(25_000);
    expect(problems.every((p) => p.kind === 'swapped')).toBe(true);
  });

  it('finds the numbers a transfer file left out', () => {
    expect(absentRanges([1, 2, 5, 6, 9], 10)).toEqual([
      [3, 4],
      [7, 8],
      [10, 10],
    ]);
    expect(absentRanges([], 2)).toEqual([[1, 2]]);
    expect(absentRanges([1, 1, 2, 3], 3)).toEqual([]);
  });
});
