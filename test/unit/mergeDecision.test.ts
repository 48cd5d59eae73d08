import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, isLater, type Version } from '../../main/app/transfer/mergeDecision';

/** Few instants and fingerprints, so that equal timestamps and equal rows come up often. */
const version = fc.record({
  changedAt: fc.constantFrom(
    '2026-11-23T09:00:00.000Z',
    '2026-11-23T09:00:00.001Z',
    '2026-11-23T10:30:00.000Z',
    '2026-11-24T08:00:00.000Z',
  ),
  fingerprint: fc.constantFrom('0a', '1b', '2c', 'f0'),
});
const differing = fc.tuple(version, version).filter(([a, b]) => a.fingerprint !== b.fingerprint);

/** The version an import leaves here when `ours` meets `theirs`. */
function kept(ours: Version, theirs: Version): Version {
  return decide(ours, theirs, null) === 'update' ? theirs : ours;
}

describe('the merge decision of a transfer import', () => {
  it('adds what is new, skips what is the same', () => {
    fc.assert(
      fc.property(version, version, (ours, theirs) => {
        expect(decide(null, theirs, null)).toBe('add');
        // Read in before and removed here since (a purged outage): not brought back.
        expect(decide(null, theirs, theirs.fingerprint)).toBe('skip');
        const same = { ...ours, fingerprint: theirs.fingerprint };
        expect(decide(same, theirs, null)).toBe('skip');
      }),
    );
  });

  it('keeps the later change, whichever side it is on', () => {
    expect(
      decide(
        { changedAt: '2026-11-23T10:30:00.000Z', fingerprint: 'aa' },
        { changedAt: '2026-11-23T11:00:00.000Z', fingerprint: 'bb' },
        null,
      ),
    ).toBe('update');
    expect(
      decide(
        { changedAt: '2026-11-23T11:20:00.000Z', fingerprint: 'aa' },
        { changedAt: '2026-11-23T11:10:00.000Z', fingerprint: 'bb' },
        null,
      ),
    ).toBe('conflict');
    fc.assert(
      fc.property(differing, ([a, b]) => {
        const winner = kept(a, b);
        const loser = winner === a ? b : a;
        expect(Date.parse(winner.changedAt)).toBeGreaterThanOrEqual(Date.parse(loser.changedAt));
        expect(isLater(winner, loser)).toBe(true);
        expect(isLater(loser, winner)).toBe(false);
      }),
    );
  });

  it('breaks a tie the same way from both sides: merging A into B keeps what B into A keeps', () => {
    expect(
      kept(
        { changedAt: '2026-11-23T10:00:00.000Z', fingerprint: 'aa' },
        { changedAt: '2026-11-23T10:00:00.000Z', fingerprint: 'bb' },
      ).fingerprint,
    ).toBe('bb');
    fc.assert(
      fc.property(differing, ([a, b]) => {
        expect(kept(a, b)).toEqual(kept(b, a));
      }),
    );
  });

  it('changes nothing the second time, and is no conflict when only ours changed since', () => {
    fc.assert(
      fc.property(differing, version, ([ours, theirs], later) => {
        // After the import, the same file again: what it brings is what was last seen.
        const here = kept(ours, theirs);
        expect(decide(here, theirs, theirs.fingerprint)).toBe('skip');
        // Unchanged there since it was read in; changed here since: ours stands.
        const changedHere = { ...later, fingerprint: `${theirs.fingerprint}-here` };
        expect(decide(changedHere, theirs, theirs.fingerprint)).toBe('skip');
      }),
    );
  });

  it('counts a timestamp that does not parse as the earliest', () => {
    expect(
      isLater(
        { changedAt: 't', fingerprint: 'ff' },
        { changedAt: '2026-01-01', fingerprint: '00' },
      ),
    ).toBe(false);
  });
});
