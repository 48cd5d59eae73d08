import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountForInput, assertOre, formatAmount, MAX_ORE, parseAmount } from '../../shared/money';

const ore = (text: string) => {
  const result = parseAmount(text);
  if (!result.ok) throw new Error(`${text}: ${result.message}`);
  return result.ore;
};
const refusal = (text: string) => {
  const result = parseAmount(text);
  if (result.ok) throw new Error(`${text} was accepted as ${result.ore}`);
  return result.message;
};

describe('amounts in kronor and öre', () => {
  it('reads the ways people write amounts in Sweden', () => {
    expect(ore('1 234,50')).toBe(123450);
    expect(ore('1234,5')).toBe(123450);
    expect(ore('0,01')).toBe(1);
    expect(ore('12 345 kr')).toBe(1234500);
    expect(ore('1234')).toBe(123400);
    expect(ore('1\u00a0234 kr')).toBe(123400);
    expect(ore('75 000')).toBe(7500000);
    expect(ore('100,')).toBe(10000);
  });

  it('refuses what could be misread, with a message saying what to write', () => {
    expect(refusal('12,345,00')).toMatch(/för många kommatecken/);
    expect(refusal('-100')).toBe('Beloppet kan inte vara negativt.');
    expect(refusal('1,234')).toBe('Högst två decimaler (öre), t.ex. 1 234,50.');
    expect(refusal('')).toBe('Ange ett belopp, t.ex. 1 234,50.');
    expect(refusal('   kr')).toBe('Ange ett belopp, t.ex. 1 234,50.');
    expect(refusal('12 34')).toMatch(/siffror, mellanslag och komma/);
    expect(refusal('tusen')).toMatch(/siffror/);
    expect(refusal('99999999999')).toBe('Beloppet är orimligt stort.');
  });

  it("explains a dot in the amount with the person's own digits", () => {
    expect(refusal('1.234,50')).toBe(
      'Skriv beloppet utan punkt som tusentalsavgränsare: 1234,50 eller 1 234,50.',
    );
    expect(refusal('12.345')).toBe(
      'Skriv beloppet utan punkt som tusentalsavgränsare: 12345 eller 12 345.',
    );
    expect(refusal('1.234.567,5 kr')).toBe(
      'Skriv beloppet utan punkt som tusentalsavgränsare: 1234567,5 eller 1 234 567,5.',
    );
    expect(refusal('1234.50')).toBe('Skriv öre efter komma, inte punkt: 1234,50.');
    expect(refusal('1.2.3')).toBe(
      'Skriv beloppet utan punkt, med öre efter komma, t.ex. 1 234,50.',
    );
  });

  it('a thousands dot is refused, and both amounts it suggests read as what was meant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: MAX_ORE }), (value) => {
        const dotted = amountForInput(value).replace(/ /g, '.');
        const message = refusal(dotted);
        const [, plain, spaced] = /: (\S+) eller (.+)\.$/.exec(message) ?? [];
        expect(message).toMatch(/^Skriv beloppet utan punkt som tusentalsavgränsare/);
        expect(parseAmount(plain!)).toEqual({ ok: true, ore: value });
        expect(parseAmount(spaced!)).toEqual({ ok: true, ore: value });
      }),
    );
  });

  it('writes amounts as sv-SE does', () => {
    expect(formatAmount(7500000)).toBe('75\u00a0000\u00a0kr');
    expect(formatAmount(123450)).toBe('1\u00a0234,50\u00a0kr');
    expect(formatAmount(1)).toBe('0,01\u00a0kr');
    expect(formatAmount(0)).toBe('0\u00a0kr');
  });

  it('refuses fractions of öre and unsafe numbers', () => {
    expect(() => assertOre(0.5)).toThrow(RangeError);
    expect(() => assertOre(-1)).toThrow(RangeError);
    expect(() => assertOre(2 ** 53)).toThrow(RangeError);
  });

  it('survives input → öre → display → input unchanged, for any amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ORE }), (value) => {
        expect(parseAmount(amountForInput(value))).toEqual({ ok: true, ore: value });
        expect(parseAmount(formatAmount(value))).toEqual({ ok: true, ore: value });
      }),
    );
  });
});
