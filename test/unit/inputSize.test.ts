import { describe, expect, it } from 'vitest';
import { exceedsInputSize, MAX_INPUT_SIZE } from '../../main/app/inputSize';

describe('the input size check', () => {
  it('measures size without walking all of a huge or cyclic value', () => {
    const cyclic: Record<string, unknown> = { a: 'b' };
    cyclic.self = cyclic;
    expect(exceedsInputSize(cyclic)).toBe(true);
    expect(exceedsInputSize({ text: 'x'.repeat(MAX_INPUT_SIZE - 100) })).toBe(false);
    expect(exceedsInputSize({ text: 'x'.repeat(MAX_INPUT_SIZE) })).toBe(true);
    expect(exceedsInputSize(Array.from({ length: 200_000 }, () => 1))).toBe(true);
  });
});
