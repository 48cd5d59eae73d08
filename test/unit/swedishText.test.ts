import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bySwedish,
  countOf,
  fileSizeText,
  foldName,
  newestOf,
  swedishSortKey,
} from '../../shared/swedishText';

const collator = new Intl.Collator('sv');
const sign = (n: number) => Math.sign(n);
const byKey = (a: string, b: string) => {
  const [x, y] = [swedishSortKey(a), swedishSortKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

describe('folding names for search', () => {
  it('folds case and accents but keeps å, ä and ö as letters of their own', () => {
    expect(foldName('Örjan Åström')).toBe('örjan åström');
    expect(foldName('STRÖM')).toBe('ström');
    expect(foldName('René Müller')).toBe('rene muller');
    expect(foldName('Åsa')).not.toBe(foldName('Asa'));
    expect(foldName('Ärla')).toBe('ärla');
  });

  it('folds the same letter written composed or with a combining accent', () => {
    expect(foldName('A\u030Asa')).toBe('åsa');
    expect(foldName('Jose\u0301')).toBe('jose');
  });

  it('folds letters Swedes type another way, and collapses spaces', () => {
    expect(foldName('Søren Ærø')).toBe('sören ärö');
    expect(foldName('Paweł  Gauß ')).toBe('pawel gauss');
  });

  it('is idempotent: a folded search finds what the folded name holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(foldName(foldName(text))).toBe(foldName(text));
      }),
      { numRuns: 20_000 },
    );
    // Found by the property: a letter whose base is itself one to fold.
    expect(foldName('Ǣ')).toBe('ä');
  });
});

describe('the Swedish sort key', () => {
  it('puts Å, Ä and Ö after Z, and V before W', () => {
    const names = ['Östen', 'Zoran', 'Åsa', 'Ärla', 'Anna', 'Wilma', 'Viktor', 'Ulla'];
    expect([...names].sort(byKey)).toEqual([
      'Anna',
      'Ulla',
      'Viktor',
      'Wilma',
      'Zoran',
      'Åsa',
      'Ärla',
      'Östen',
    ]);
  });

  it('orders accents after the plain letter and case last, as the collator does', () => {
    const names = ['Evert', 'EVA', 'Éva', 'Eva', 'eva', 'Müller', 'Myller', 'Mylla', 'Møller'];
    expect([...names].sort(byKey)).toEqual([...names].sort(collator.compare));
  });

  it('orders names as Intl.Collator("sv") does for letters', () => {
    const letters = [..."aAbBeEéÉèêëhHiIılLłoOôőöÖøœuUüűyYýÿzZåÅäÄæęwWvVdđðßsStþ -'.09"];
    letters.push('e\u0301', 'q\u0308');
    const name = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sign(byKey(a, b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('sorts small lists by name with the Swedish collator, numbers as numbers', () => {
    const sticks = ['USB 10', 'USB 2', 'Ö-minne', 'Z-minne'].map((name) => ({ name }));
    expect(sticks.sort(bySwedish((s) => s.name)).map((s) => s.name)).toEqual([
      'USB 2',
      'USB 10',
      'Z-minne',
      'Ö-minne',
    ]);
  });
});

describe('counts in Swedish', () => {
  it('puts the noun in the right number', () => {
    expect(countOf(1, 'utbetalning', 'utbetalningar')).toBe('1 utbetalning');
    expect(countOf(0, 'utbetalning', 'utbetalningar')).toBe('0 utbetalningar');
    expect(countOf(2, 'post', 'poster')).toBe('2 poster');
    expect(countOf(1234, 'post', 'poster')).toBe('1\u00a0234 poster');
  });

  it('is singular exactly for one (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), (n) => {
        const text = countOf(n, 'referens', 'referenser');
        expect(text.endsWith(n === 1 ? ' referens' : ' referenser')).toBe(true);
        expect(Number(text.split(' ')[0]!.replace(/\s/g, ''))).toBe(n);
      }),
    );
  });
});

describe('file sizes and the newest few', () => {
  it('shows sizes in SI units with a Swedish decimal comma, never 0 kB', () => {
    expect(fileSizeText(117_000_000)).toBe('117 MB');
    expect(fileSizeText(1_234_567)).toBe('1,2 MB');
    expect(fileSizeText(540_400)).toBe('540 kB');
    expect(fileSizeText(12)).toBe('1 kB');
    expect(fileSizeText(999_600)).toBe('1 MB');
    expect(fileSizeText(999_400)).toBe('999 kB');
  });

  it('says "den senaste" for one and "de N senaste" for more', () => {
    expect(newestOf(1)).toBe('den senaste');
    expect(newestOf(20)).toBe('de 20 senaste');
  });
});
