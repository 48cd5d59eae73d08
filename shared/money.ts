/**
 * Money is integer öre from the form to the database and back: never a float. Amounts
 * are parsed and formatted only here, at the edges.
 */
export type Ore = number;

/** The largest amount the app accepts: far above any payout, well inside safe integers. */
export const MAX_ORE: Ore = 100_000_000_00;

export type ParsedAmount = { ok: true; ore: Ore } | { ok: false; message: string };

const GROUP = /[\s\u00a0\u202f]/g; // space, no-break space, narrow no-break space

/**
 * Reads an amount the Swedish way: "1 234,50", "1234,5", "0,01", "12 345 kr", "1234".
 * Refuses what could be misread ("12,345,00", "1.234"), negatives, more than two
 * decimals and empty input, each with a message that says what to type instead.
 */
export function parseAmount(input: string): ParsedAmount {
  const text = input
    .trim()
    .replace(/\s*kr\.?$/i, '')
    .trim();
  if (text === '') return { ok: false, message: 'Ange ett belopp, t.ex. 1 234,50.' };
  if (text.startsWith('-') || text.startsWith('−')) {
    return { ok: false, message: 'Beloppet kan inte vara negativt.' };
  }
  if (text.includes('.')) return { ok: false, message: dotMessage(text) };
  const match = /^(\d{1,3}(?:[\s\u00a0\u202f]\d{3})*|\d+)(?:,(\d*))?$/.exec(text);
  if (!match) {
    return text.split(',').length > 2
      ? { ok: false, message: 'Beloppet har för många kommatecken. Skriv t.ex. 12 345,00.' }
      : {
          ok: false,
          message: 'Beloppet ska bara innehålla siffror, mellanslag och komma, t.ex. 1 234,50.',
        };
  }
  const kronor = match[1]!.replace(GROUP, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) {
    return { ok: false, message: 'Högst två decimaler (öre), t.ex. 1 234,50.' };
  }
  const ore = Number(kronor) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(ore) || ore > MAX_ORE) {
    return { ok: false, message: 'Beloppet är orimligt stort.' };
  }
  return { ok: true, ore };
}

/**
 * What to write instead of an amount with a dot, in the person's own digits: "1.234,50"
 * has a thousands dot (as German and some bank statements write) → "1234,50 eller
 * 1 234,50"; "1234.50" has a decimal point → "1234,50".
 */
function dotMessage(text: string): string {
  const thousands = /^(\d{1,3}(?:\.\d{3})+)(,\d*)?$/.exec(text);
  if (thousands) {
    const kronor = thousands[1]!.replace(/\./g, '') + (thousands[2] ?? '');
    const spaced = kronor.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
    return `Skriv beloppet utan punkt som tusentalsavgränsare: ${kronor} eller ${spaced}.`;
  }
  const decimal = /^(\d+)\.(\d{1,2})$/.exec(text);
  if (decimal) return `Skriv öre efter komma, inte punkt: ${decimal[1]},${decimal[2]}.`;
  return 'Skriv beloppet utan punkt, med öre efter komma, t.ex. 1 234,50.';
}

/** Throws unless the value is a whole, non-negative, safe number of öre. */
export function assertOre(value: number): Ore {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_ORE) {
    throw new RangeError(`not an amount in öre: ${value}`);
  }
  return value;
}

/** 7500000 → "75 000 kr"; 123450 → "1 234,50 kr" (no-break spaces, as sv-SE writes them). */
export function formatAmount(ore: Ore): string {
  assertOre(ore);
  const kronor = Math.floor(ore / 100);
  const rest = ore % 100;
  const grouped = String(kronor).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return rest === 0 ? `${grouped}\u00a0kr` : `${grouped},${String(rest).padStart(2, '0')}\u00a0kr`;
}

/** For an input field: 123450 → "1 234,50", which parseAmount reads back unchanged. */
export function amountForInput(ore: Ore): string {
  return formatAmount(ore)
    .replace(/\u00a0kr$/, '')
    .replace(/\u00a0/g, ' ');
}
