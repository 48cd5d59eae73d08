import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Something personal to look for, and the byte strings it could be written as. */
export interface Needle {
  label: string;
  forms: Buffer[];
}

/** A name as UTF-8 and UTF-16LE, composed (NFC) and decomposed (NFD: "a" + ring). */
export function nameNeedle(name: string): Needle {
  const texts = [...new Set([name.normalize('NFC'), name.normalize('NFD')])];
  return {
    label: name,
    forms: texts.flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]),
  };
}

/**
 * A personnummer stored as 12 digits ("191212121212") in every way the app or a person
 * writes it: 12 and 10 digits, with and without the dash (and the plus of a centenarian),
 * each as UTF-8 and UTF-16LE.
 */
export function personnummerNeedle(twelveDigits: string): Needle {
  const date = twelveDigits.slice(0, 8);
  const last = twelveDigits.slice(8);
  const texts = [
    twelveDigits,
    `${date}-${last}`,
    `${date.slice(2)}${last}`,
    `${date.slice(2)}-${last}`,
    `${date.slice(2)}+${last}`,
  ];
  return {
    label: twelveDigits,
    forms: texts.flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]),
  };
}

/**
 * A search for many needles in one pass over the bytes: each form is looked up by its
 * first four bytes (thousands of needles in a database of megabytes, a few seconds at
 * most, where searching needle by needle takes minutes). Returns the labels found.
 */
export function needleSearch(needles: readonly Needle[]): (bytes: Buffer) => string[] {
  const byPrefix = new Map<number, { label: string; form: Buffer }[]>();
  for (const { label, forms } of needles) {
    for (const form of forms) {
      if (form.length < 4) throw new Error(`too short to search for: ${label}`);
      const prefix = form.readUInt32LE(0);
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { label, form }]);
    }
  }
  return (bytes) => {
    const found = new Set<string>();
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const candidates = byPrefix.get(bytes.readUInt32LE(i));
      if (!candidates) continue;
      for (const { label, form } of candidates) {
        const end = i + form.length;
        if (end <= bytes.length && bytes.compare(form, 0, form.length, i, end) === 0) {
          found.add(label);
        }
      }
    }
    return needles.map((needle) => needle.label).filter((label) => found.has(label));
  };
}

/** The needles found in these bytes, by label. */
export function needlesIn(bytes: Buffer, needles: readonly Needle[]): string[] {
  return needleSearch(needles)(bytes);
}

/** Every regular file below a folder, however deep. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Each file (every byte of it) with the needles found in it; files with none left out. */
export function searchFiles(
  files: readonly string[],
  needles: readonly Needle[],
): { file: string; found: string[] }[] {
  const search = needleSearch(needles);
  return files
    .map((file) => ({ file, found: search(readFileSync(file)) }))
    .filter((hit) => hit.found.length > 0);
}
