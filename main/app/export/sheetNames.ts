/** How Excel compares sheet names: without case ("å" is "Å"). */
const key = (name: string) => name.toLocaleUpperCase('sv-SE');

/** Excel's longest sheet name, in UTF-16 code units. */
export const MAX_SHEET_NAME = 31;

/** Names Excel keeps for itself ("History", for change tracking), compared without case. */
const reserved = new Set(['History'].map((name) => key(name)));

/**
 * A text as a sheet name Excel accepts: none of []:*?/\ (a dash instead), no line breaks,
 * no apostrophe (Excel refuses one at either end, and exceljs does not quote it in the
 * print titles' reference: a typographic ’ reads the same), at most 31 characters without
 * splitting a letter, never empty.
 */
export function sheetName(text: string): string {
  const cleaned = text
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(cleaned, MAX_SHEET_NAME).trim() || 'Blad';
}

/** At most `max` UTF-16 code units, whole characters only. */
function truncate(text: string, max: number): string {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > max) break;
    result += char;
  }
  return result;
}

/** Sheet names unique in one workbook: Excel compares them without case ("å" = "Å"). */
export class SheetNames {
  private readonly taken = new Set<string>();

  /** The text as a sheet name, numbered "(2)", "(3)" … when the name is already taken. */
  add(text: string): string {
    const base = sheetName(text);
    let name = base;
    for (let n = 2; this.isTaken(name); n++) {
      const suffix = ` (${n})`;
      name = `${truncate(base, MAX_SHEET_NAME - suffix.length).trim()}${suffix}`;
    }
    this.taken.add(key(name));
    return name;
  }

  private isTaken(name: string): boolean {
    return this.taken.has(key(name)) || reserved.has(key(name));
  }
}
