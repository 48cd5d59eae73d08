import { describe, expect, it } from 'vitest';
import {
  LAPTOP_BLOCKS,
  nextLaptopRange,
  OFFICE_SERIALS,
  officeRange,
} from '../../main/app/devices/serialBlocks';
import { formatReference } from '../../shared/references';

describe('serial ranges per device', () => {
  it('gives the office 000001–099999, widened over what it already printed', () => {
    expect(officeRange(null)).toEqual({ first: 1, last: 99_999 });
    expect(officeRange(99_999)).toEqual({ first: 1, last: 99_999 });
    expect(officeRange(100_000)).toEqual({ first: 1, last: 109_999 });
    expect(officeRange(123_456)).toEqual({ first: 1, last: 129_999 });
  });

  it('gives laptops blocks of 10 000 after it, never one already given out', () => {
    expect(nextLaptopRange([OFFICE_SERIALS])).toEqual({ first: 100_000, last: 109_999 });
    expect(nextLaptopRange([OFFICE_SERIALS, { first: 100_000, last: 109_999 }])).toEqual({
      first: 110_000,
      last: 119_999,
    });
    // A gap left by a block never used is filled; a widened office range is stepped over.
    expect(
      nextLaptopRange([
        { first: 1, last: 129_999 },
        { first: 140_000, last: 149_999 },
      ]),
    ).toEqual({ first: 130_000, last: 139_999 });
    // References stay "letters, then six digits": the first two say which device.
    expect(formatReference('ST', 110_000)).toBe('ST110000');
  });

  it('has 90 laptop blocks, then none', () => {
    expect(LAPTOP_BLOCKS).toBe(90);
    const taken = [OFFICE_SERIALS];
    for (let i = 0; i < LAPTOP_BLOCKS; i++) {
      const block = nextLaptopRange(taken);
      expect(block).not.toBeNull();
      taken.push(block!);
    }
    expect(taken.at(-1)).toEqual({ first: 990_000, last: 999_999 });
    expect(nextLaptopRange(taken)).toBeNull();
  });
});
