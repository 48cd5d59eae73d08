import { z } from 'zod';

/**
 * Paper ↔ app references. Every blank row and blank document printed for the binder gets a
 * reference unique in the unit: the unit's prefix (2–4 letters) and a six-digit serial,
 * "ST000123". Only A–Z and 0–9, no separator: a USB barcode scanner types a key code per
 * character as if on a US keyboard, and on a Swedish layout letters and digits come out the
 * same while "-", "/" or "_" do not (the US "-" key types "+"). Letters first, digits after,
 * so "O"/"0" and "I"/"1" can never be confused when it is read aloud. The Code 128 barcode
 * encodes exactly this canonical text, and the same text is printed under it.
 */
export const SERIAL_DIGITS = 6;
export const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;

const PREFIX_PATTERN = /^[A-Z]{2,4}$/;
const REFERENCE_PATTERN = /^([A-Z]{2,4})(\d{1,6})$/;

/** Whether text is a reference as printed (canonical or not yet padded): "ST000123". */
export const isReference = (text: string): boolean => REFERENCE_PATTERN.test(text);

export function formatReference(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(SERIAL_DIGITS, '0')}`;
}

/**
 * What a person or a scanner typed, as the canonical reference: trimmed, upper case,
 * spaces and dashes gone (people write "st 123" or "ST-000123"), the serial padded so
 * "ST123" is "ST000123". Null when it cannot be a reference at all.
 */
export function normalizeReference(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\-–_.]/g, '');
  const match = REFERENCE_PATTERN.exec(compact);
  if (!match) return null;
  return formatReference(match[1]!, Number(match[2]));
}

/**
 * A prefix from the unit's name: the first letter of each word (up to four), or the first
 * three letters of a one-word name, with å ä ö and accents reduced to A–Z. Editable later.
 */
export function derivePrefix(unitName: string): string {
  const words = unitName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z\s]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const prefix =
    words.length >= 2
      ? words
          .slice(0, 4)
          .map((word) => word[0])
          .join('')
      : (words[0] ?? '').slice(0, 3);
  return PREFIX_PATTERN.test(prefix) ? prefix : 'RP';
}

export const referencePrefixInput = z
  .string({ error: 'Ange ett prefix.' })
  .trim()
  .max(4, { error: 'Prefixet ska vara 2–4 bokstäver A–Z.' })
  .transform((value) => value.toUpperCase())
  .refine((value) => PREFIX_PATTERN.test(value), {
    error: 'Prefixet ska vara 2–4 bokstäver A–Z (inte Å, Ä, Ö).',
  });

/**
 * What a reference was printed on: a blank register template ("decisions", …) or a blank
 * document ("decisionDocument", "orderForm", "journalSheet"). Named by the print side.
 */
export const templateKind = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { error: 'Ogiltig blankettyp.' });

/** Swedish names of the kinds the print side allocates for; an unknown kind shows as is. */
export const templateKindLabels: Record<string, string> = {
  decisions: 'Bilaga 3 Beslut',
  orders: 'Beställningar',
  journalNotes: 'Journalanteckningar',
  otherDocuments: 'Bilaga 4 Övriga handlingar',
  payouts: 'Bilaga 5 Utbetalningar',
  decisionDocument: 'Beslutsdokument',
  orderForm: 'Beställning (fax)',
  journalSheet: 'Journalblad',
};

/** A reference as typed in a form: normalized, or refused with a Swedish message. */
export const referenceInput = z
  .string({ error: 'Skriv referensen, t.ex. ST000123.' })
  .max(40, { error: 'Högst 40 tecken.' })
  .transform((typed, ctx) => {
    if (typed.trim() === '') return null;
    const reference = normalizeReference(typed);
    if (!reference) {
      ctx.addIssue({
        code: 'custom',
        message: 'En referens är 2–4 bokstäver och ett nummer, t.ex. ST000123.',
      });
      return z.NEVER;
    }
    return reference;
  });

export const printedReferenceSchema = z.object({
  reference: z.string(),
  kind: z.string(),
  printedAt: z.string(),
  printedByName: z.string(),
  printedById: z.string(),
  /** The record it was transcribed into, "decisions" + id. */
  usedIn: z.object({ register: z.string(), id: z.string() }).nullable(),
  writtenOff: z.object({ reason: z.string(), byName: z.string(), at: z.string() }).nullable(),
});
export type PrintedReference = z.infer<typeof printedReferenceSchema>;

export const listUnusedInput = z.object({
  /** Only references printed before this outage ended (those it could have used). */
  outageId: z.uuid({ error: 'Ogiltigt id.' }).nullable().default(null),
});

export const writeOffInput = z.object({
  references: z
    .array(z.string({ error: 'Välj referenserna igen.' }).max(40, { error: 'Högst 40 tecken.' }), {
      error: 'Välj minst en referens.',
    })
    .min(1, { error: 'Välj minst en referens.' })
    .max(1000, { error: 'Högst 1000 referenser åt gången.' }),
  reason: z
    .string({ error: 'Ange ett skäl.' })
    .trim()
    .min(1, { error: 'Ange ett skäl.' })
    .max(500, { error: 'Högst 500 tecken.' }),
});
