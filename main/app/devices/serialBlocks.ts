import { MAX_SERIAL } from '../../../shared/references';

/**
 * Paper references are the unit's prefix and a six-digit serial ("ST000123"), unique in the
 * unit. A laptop prints blank forms offline, where it cannot ask the office PC for the next
 * serial, so every installation allocates only from its own range of serials:
 *
 * - the office PC: 000001–099999 (or more, if it had already printed beyond that);
 * - each laptop prepared from it: a block of 10 000, 100000–109999, 110000–119999, …,
 *   up to 990000–999999 (90 preparations).
 *
 * The reference keeps the format people and scanners already know (letters, then six
 * digits; no new character to read aloud or type), the serial stays unique across the
 * unit, so references from every device live side by side in one table, and the first
 * two digits say where a form was printed: "ST10…" is the first laptop, "ST0…" the office.
 */
export interface SerialRange {
  first: number;
  last: number;
}

export const OFFICE_SERIALS: SerialRange = { first: 1, last: 99_999 };
export const LAPTOP_BLOCK_SIZE = 10_000;

/** The office PC's range: its own block, widened to cover every serial it already printed. */
export function officeRange(highestPrinted: number | null): SerialRange {
  const high = highestPrinted ?? 0;
  if (high <= OFFICE_SERIALS.last) return OFFICE_SERIALS;
  return { first: 1, last: Math.ceil((high + 1) / LAPTOP_BLOCK_SIZE) * LAPTOP_BLOCK_SIZE - 1 };
}

/** The lowest laptop block that overlaps no range already given out; null when none is left. */
export function nextLaptopRange(taken: readonly SerialRange[]): SerialRange | null {
  for (let first = OFFICE_SERIALS.last + 1; first + LAPTOP_BLOCK_SIZE - 1 <= MAX_SERIAL;) {
    const block = { first, last: first + LAPTOP_BLOCK_SIZE - 1 };
    const clash = taken.find((range) => range.first <= block.last && block.first <= range.last);
    if (!clash) return block;
    first += Math.ceil((clash.last + 1 - first) / LAPTOP_BLOCK_SIZE) * LAPTOP_BLOCK_SIZE;
  }
  return null;
}

/** How many laptop blocks there are in all. */
export const LAPTOP_BLOCKS = Math.floor((MAX_SERIAL - OFFICE_SERIALS.last) / LAPTOP_BLOCK_SIZE);
