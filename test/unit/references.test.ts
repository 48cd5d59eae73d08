import { describe, expect, it } from 'vitest';
import {
  derivePrefix,
  formatReference,
  isReference,
  normalizeReference,
  referenceInput,
  referencePrefixInput,
} from '../../shared/references';

describe('paper references', () => {
  it('are the prefix and six digits, letters and digits only', () => {
    expect(formatReference('ST', 123)).toBe('ST000123');
    expect(formatReference('ABCD', 999_999)).toMatch(/^[A-Z0-9]+$/);
  });

  it('are recognised by the one pattern the barcode also checks', async () => {
    expect(isReference('ST000123')).toBe(true);
    expect(isReference(formatReference('ABCD', 1))).toBe(true);
    for (const text of ['st000123', 'ST-000123', 'SÖ000123', 'S000123', 'ST1234567', '']) {
      expect(isReference(text)).toBe(false);
    }
    const { assertReference } = await import('../../main/app/print/barcode');
    expect(assertReference('ST000123')).toBe('ST000123');
    expect(() => assertReference('ST-000123')).toThrow(/not a reference/);
  });

  it('normalize what a person or a scanner types', () => {
    expect(normalizeReference('ST000123')).toBe('ST000123');
    expect(normalizeReference('  st 000 123 ')).toBe('ST000123');
    expect(normalizeReference('ST-123')).toBe('ST000123');
    expect(normalizeReference('st123\n')).toBe('ST000123');
    expect(normalizeReference('123ST')).toBeNull();
    expect(normalizeReference('S000123')).toBeNull();
    expect(normalizeReference('ST1234567')).toBeNull();
    expect(normalizeReference('SÖ000123')).toBeNull();
    expect(normalizeReference('')).toBeNull();
  });

  it('as form input: empty is none, nonsense is refused', () => {
    expect(referenceInput.parse('')).toBeNull();
    expect(referenceInput.parse(' et 2 ')).toBe('ET000002');
    expect(referenceInput.safeParse('hej').success).toBe(false);
    expect(referenceInput.safeParse('x'.repeat(41)).success).toBe(false);
  });

  it('derive a prefix of 2–4 letters A–Z from the unit name', () => {
    expect(derivePrefix('Socialtjänst Tensta')).toBe('ST');
    expect(derivePrefix('Enhet Öst')).toBe('EO');
    expect(derivePrefix('Äldreomsorgen')).toBe('ALD');
    expect(derivePrefix('Vård och omsorg, hemtjänst Norr')).toBe('VOOH');
    expect(derivePrefix('Ö')).toBe('RP');
    expect(derivePrefix('123')).toBe('RP');
  });

  it('a prefix the enhetschef types is upper-cased and checked', () => {
    expect(referencePrefixInput.parse(' st ')).toBe('ST');
    expect(referencePrefixInput.safeParse('S').success).toBe(false);
    expect(referencePrefixInput.safeParse('ÅÄÖ').success).toBe(false);
    expect(referencePrefixInput.safeParse('ABCDE').success).toBe(false);
  });
});
