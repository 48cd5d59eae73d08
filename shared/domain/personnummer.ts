import Personnummer from 'personnummer';
import { localDate } from '../time';

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer, day + 60). The `personnummer` package decides validity and the
 * century of 10-digit numbers; this module adds the one normal form we store
 * (12 digits), the display form (ÅÅÅÅMMDD-NNNN) and a message that says what is wrong.
 */
export type ParsedPersonnummer =
  { ok: true; value: string; coordination: boolean } | { ok: false; message: string };

const SHAPE = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;

/**
 * Parses and checks a personnummer. With `today` (main's clock), a birth date after the
 * office's date is refused too; without it only the number itself is checked.
 */
export function parsePersonnummer(input: string, today?: Date): ParsedPersonnummer {
  const text = input.trim();
  if (text === '') {
    return {
      ok: false,
      message: 'Ange personnummer, eller markera att personen saknar känt nummer.',
    };
  }
  const shape = SHAPE.exec(text);
  if (!shape) {
    return {
      ok: false,
      message: 'Personnumret ska ha 10 eller 12 siffror, till exempel 19121212-1212.',
    };
  }
  const options = { allowCoordinationNumber: true, allowInterimNumber: false };
  let parsed: Personnummer;
  try {
    parsed = Personnummer.parse(text, options);
  } catch {
    const lastTen = `${shape[2]}${shape[4]}`;
    return {
      ok: false,
      message: luhnValid(lastTen)
        ? 'Personnumret har inget giltigt datum.'
        : 'Kontrollsiffran stämmer inte. Kontrollera personnumret.',
    };
  }
  const value = parsed.format(true);
  if (today && bornAfter(value, today)) {
    return { ok: false, message: FUTURE_BIRTH };
  }
  return { ok: true, value, coordination: parsed.isCoordinationNumber() };
}

/** "197010632391" → "19701063-2391". */
export function formatPersonnummer(normalized: string): string {
  return `${normalized.slice(0, 8)}-${normalized.slice(8)}`;
}

/** The birth date a 12-digit number encodes, with a coordination number's +60 removed. */
export function birthDate(normalized: string): string {
  const day = Number(normalized.slice(6, 8));
  const realDay = day > 60 ? day - 60 : day;
  return `${normalized.slice(0, 4)}-${normalized.slice(4, 6)}-${String(realDay).padStart(2, '0')}`;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  }
  return sum % 10 === 0;
}

export const FUTURE_BIRTH = 'Personnumret har ett födelsedatum i framtiden.';

/** Born after today's office date: a child born today is valid from midnight Swedish time. */
export function bornAfter(normalized: string, today: Date): boolean {
  return birthDate(normalized) > localDate(today);
}
