import { describe, expect, it } from 'vitest';
import { birthDate, formatPersonnummer, parsePersonnummer } from '../../shared/domain/personnummer';

const ok = (input: string) => {
  const result = parsePersonnummer(input, new Date('2026-11-22T12:00:00Z'));
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result;
};
const message = (input: string) => {
  const result = parsePersonnummer(input, new Date('2026-11-22T12:00:00Z'));
  if (result.ok) throw new Error(`${input} was accepted`);
  return result.message;
};

describe('personnummer', () => {
  it('accepts 10 or 12 digits, with or without separator, and stores 12 digits', () => {
    for (const input of ['19121212-1212', '191212121212', '121212+1212', ' 19121212-1212 ']) {
      expect(ok(input).value).toBe('191212121212');
    }
    expect(ok('20080229-1237').value).toBe('200802291237');
    expect(ok('0802291237').value).toBe('200802291237');
  });

  it('reads "+" as 100 years or older, and a plain 10-digit number as the latest century', () => {
    expect(ok('121212-1212').value).toBe('201212121212');
    expect(ok('121212+1212').value).toBe('191212121212');
  });

  it('accepts samordningsnummer (day + 60) and flags them', () => {
    const result = ok('19701063-2391');
    expect(result).toEqual({ ok: true, value: '197010632391', coordination: true });
    expect(birthDate(result.value)).toBe('1970-10-03');
    expect(ok('19121212-1212').coordination).toBe(false);
  });

  it('knows 29 February: 2000 and 2008 were leap years, 1900 was not', () => {
    expect(ok('20000229-1235').value).toBe('200002291235');
    expect(message('19000229-1235')).toBe('Personnumret har inget giltigt datum.');
  });

  it('says when the check digit is wrong', () => {
    expect(message('19121212-1213')).toBe(
      'Kontrollsiffran stämmer inte. Kontrollera personnumret.',
    );
  });

  it('says when the shape is wrong or the field empty', () => {
    expect(message('1912121212')).toBe('Kontrollsiffran stämmer inte. Kontrollera personnumret.');
    expect(message('19121212')).toMatch(/10 eller 12 siffror/);
    expect(message('1912-12-12-1212')).toMatch(/10 eller 12 siffror/);
    expect(message('   ')).toMatch(/Ange personnummer/);
  });

  it('refuses a birth date in the future', () => {
    expect(message('20271212-1215')).toBe('Personnumret har ett födelsedatum i framtiden.');
  });

  it('shows the stored form as ÅÅÅÅMMDD-NNNN', () => {
    expect(formatPersonnummer('191212121212')).toBe('19121212-1212');
  });
});
