/**
 * Names the Swedish way, for search and sort. This SQLite has no ICU, and a user-defined
 * SQL function must never reach the schema (PITFALLS.md), so main stores the results of
 * `foldName` and `swedishSortKey` in ordinary columns and SQLite only compares them.
 */

/** Letters that are not a base letter with a mark, folded the way a Swede types them. */
const foldSpecial: Record<string, string> = {
  æ: 'ä',
  ø: 'ö',
  ő: 'ö',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ħ: 'h',
  þ: 'th',
};
const swedishLetters = new Set(['å', 'ä', 'ö']);

/**
 * What a name is searched by: lower case, accents removed ("é" → "e", "ü" → "u"), spaces
 * collapsed, but å, ä and ö kept, since they are letters of their own in Swedish: "åsa"
 * finds "Åsa" and need not find "Asa".
 */
export function foldName(text: string): string {
  let folded = '';
  for (const char of text.normalize('NFC').toLowerCase()) {
    if (swedishLetters.has(char)) folded += char;
    else {
      // The base letter can itself be one to fold ("ǣ" is "æ" with a macron), so a
      // folded name folds to itself and a folded search finds it.
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      folded += foldSpecial[char] ?? foldSpecial[base] ?? base;
    }
  }
  return folded.replace(/\s+/g, ' ').trim();
}

// --- Sort key -------------------------------------------------------------------------
//
// A string whose plain binary order (SQLite's BINARY collation, JavaScript's `<`) is the
// order of Intl.Collator('sv'): three levels, as the Unicode collation algorithm has them.
// First every character's letter (…, z, å, ä, ö: the primary level), then its accent
// (e < é < è: secondary), then its case (a < A: tertiary), each level separated by a
// character lower than any weight, so that an earlier level always decides first.

/** Punctuation in the collator's order; they come before digits and letters. */
const punctuation = [
  ' ',
  '_',
  '-',
  ',',
  ';',
  ':',
  '!',
  '?',
  '.',
  "'",
  '’',
  '"',
  '(',
  ')',
  '/',
  '&',
];
/** Every other punctuation or symbol, after the known ones (their order is not Swedish). */
const OTHER_SYMBOL = '\u0000symbol';
/** The Swedish alphabet, with the letters that are their own letter right after their base. */
const alphabet = [...'abcdefghiıjklmnŋopqrstuvwxyzåäö'];
const primaryUnits = [...punctuation, OTHER_SYMBOL, ...'0123456789', ...alphabet];
const primaryWeight = new Map(primaryUnits.map((unit, index) => [unit, index]));

/** Accents in the collator's order: none, acute, grave, breve, circumflex, … */
const marks = [
  '\u0301',
  '\u0300',
  '\u0306',
  '\u0302',
  '\u030C',
  '\u030A',
  '\u0308',
  '\u030B',
  '\u0303',
  '\u0307',
  '\u0327',
  '\u0304',
  '\u0323',
  '\u0331',
  '\u0328',
];
const markWeight = new Map(marks.map((mark, index) => [mark, index + 1]));
const OTHER_MARK = marks.length + 1;

/**
 * Swedish collation's own variants of a letter, after every accented form of it:
 * y < ý < ü < ű, ä < æ < ę, ö < ø < ő < œ < ô, d < ď < đ < ð, l < ł.
 */
const TAILORED = 100;
const variants: Record<string, [letter: string, rank: number]> = {
  ü: ['y', TAILORED],
  ű: ['y', TAILORED + 1],
  æ: ['ä', TAILORED],
  ę: ['ä', TAILORED + 1],
  ø: ['ö', TAILORED],
  ő: ['ö', TAILORED + 1],
  œ: ['ö', TAILORED + 2],
  ô: ['ö', TAILORED + 3],
  đ: ['d', TAILORED],
  ð: ['d', TAILORED + 1],
  ł: ['l', TAILORED],
  ħ: ['h', TAILORED],
};
/** Letters written as two, a shade after the two letters themselves: ß after "ss". */
const expansions: Record<string, string> = { ß: 'ss', þ: 'th' };

const LEVEL_SEPARATOR = '\u0001';
const weightChar = (weight: number) => String.fromCharCode(0x21 + weight);
/** Letters of other scripts keep their code point order, after ö as the collator has them. */
const otherLetter = (char: string) =>
  String.fromCharCode(Math.min(0x400 + char.codePointAt(0)!, 0xd7ff));

interface Element {
  primary: string;
  secondary: number;
  tertiary: number;
}

function elementsOf(base: string, extraMarks: string): Element[] {
  const lower = base.toLowerCase();
  const tertiary = lower === base ? 0 : 1;
  const expanded = expansions[lower];
  if (expanded) {
    return [...expanded].map((letter) => ({
      primary: weightChar(primaryWeight.get(letter)!),
      secondary: 0,
      tertiary: 2,
    }));
  }
  let letter = lower;
  let secondary = 0;
  const variant = variants[lower];
  let accents = extraMarks;
  if (variant) {
    [letter, secondary] = variant;
  } else if (!primaryWeight.has(lower)) {
    const decomposed = lower.normalize('NFD');
    letter = decomposed[0]!;
    accents = decomposed.slice(1) + extraMarks;
  }
  if (!secondary && accents) secondary = markWeight.get(accents[0]!) ?? OTHER_MARK;
  const known = primaryWeight.get(letter);
  let primary: string;
  if (known !== undefined) primary = weightChar(known);
  else if (/\s/.test(letter)) primary = weightChar(primaryWeight.get(' ')!);
  else if (/[\p{P}\p{S}]/u.test(letter)) primary = weightChar(primaryWeight.get(OTHER_SYMBOL)!);
  else primary = otherLetter(letter);
  return [{ primary, secondary, tertiary }];
}

/**
 * The key a list sorts names by: "Zoran" < "Åsa" < "Ärla" < "Örjan", "Eva" < "Éva" <
 * "EVA" < "Evert". Equal for names the collator finds equal (the list then orders them by
 * id).
 */
export function swedishSortKey(text: string): string {
  const elements: Element[] = [];
  // A letter and the accents written after it belong together, composed or not.
  for (const [, base, extra] of text.normalize('NFC').matchAll(/(\P{M})(\p{M}*)/gu)) {
    if (/\p{Cf}/u.test(base!)) continue;
    elements.push(...elementsOf(base!, extra!));
  }
  return [
    elements.map((e) => e.primary).join(''),
    elements.map((e) => weightChar(e.secondary)).join(''),
    elements.map((e) => weightChar(e.tertiary)).join(''),
  ].join(LEVEL_SEPARATOR);
}

/** For lists small enough to sort in memory (custodians, users, USB receipts). */
export const swedishCollator = new Intl.Collator('sv', { numeric: true });

/** Sorts by a name the Swedish way: … Z, Å, Ä, Ö, and "USB 2" before "USB 10". */
export function bySwedish<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => swedishCollator.compare(name(a), name(b));
}

/**
 * A count with its noun in the right number: "1 utbetalning", "2 utbetalningar",
 * "1 234 poster" (grouped as sv-SE writes it). Swedish nouns have no rule that makes one
 * from the other, so the caller names both.
 */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('sv-SE')} ${n === 1 ? singular : plural}`;
}

/** "1,2 MB", "540 kB": a file's size as Windows' and Linux' file managers show it (SI units). */
export function fileSizeText(bytes: number): string {
  // From 999 500 bytes up "1 000 kB" would show: that is 1 MB.
  if (bytes >= 999_500) {
    return `${(bytes / 1_000_000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('sv-SE')} kB`;
}

/** "den senaste" or "de 5 senaste": how many of the newest are meant. */
export const newestOf = (n: number): string => (n === 1 ? 'den senaste' : `de ${n} senaste`);
