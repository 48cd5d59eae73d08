import { z } from 'zod';
import { parsePersonnummer } from '../domain/personnummer';
import { amountInput } from '../cashCard';
import { referenceInput } from '../references';
import { blankAsNull, dateInput, instantInput, requiredText } from '../fields';
import { markSkipReasons } from './marking';
import type { FieldDefinition, RegisterDefinition } from './types';

const id = z.uuid({ error: 'Ogiltigt id.' });

export const fieldChangeSchema = z.object({
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

/** A record as it leaves main: common columns, plus the register's own fields in `values`. */
export const registerRecordSchema = z.object({
  id: z.string(),
  outageId: z.string(),
  clientName: z.string(),
  /** 12 digits; null for a person recorded with a reserve identity. */
  personnummer: z.string().nullable(),
  reserveIdentity: z.boolean(),
  values: z.record(z.string(), z.union([z.string(), z.number().int(), z.boolean(), z.null()])),
  createdById: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  transcribedFromPaper: z.boolean(),
  transcribedByName: z.string().nullable(),
  /** The pre-printed reference of the paper row or document it was transcribed from. */
  paperReference: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedByName: z.string().nullable(),
  voidReason: z.string().nullable(),
  enteredOn: z.string().nullable(),
  enteredByName: z.string().nullable(),
  enteredByInitials: z.string().nullable(),
  /** Last day to enter it in the social system; only journal notes of an ended outage. */
  deadline: z.string().nullable(),
  /** Not yet entered and due within two working days, or past its deadline. */
  deadlineStatus: z.enum(['dueSoon', 'overdue']).nullable(),
  /**
   * Changed after it was marked as entered: the entry mark is gone (it is back on the
   * later-entry list) and this says what must reach the social system too.
   */
  changedAfterEntry: z
    .object({
      at: z.string(),
      byName: z.string(),
      previousEnteredOn: z.string().nullable(),
      previousEnteredByInitials: z.string().nullable(),
      changes: z.array(fieldChangeSchema),
    })
    .nullable(),
});
export type RegisterRecord = z.infer<typeof registerRecordSchema>;

function fieldSchema(field: FieldDefinition): z.ZodType {
  const missing = `Ange ${field.label.toLowerCase()}.`;
  switch (field.kind) {
    case 'flag':
      return z.boolean({ error: 'Ange ja eller nej.' }).default(false);
    case 'text':
    case 'longText': {
      const max = field.maxLength ?? 200;
      const text = z
        .string({ error: missing })
        .trim()
        .max(max, { error: `Högst ${max} tecken.` });
      return field.required
        ? text.min(1, { error: missing })
        : text.transform((value) => (value === '' ? null : value)).nullable();
    }
    case 'date': {
      const date = dateInput(`Ange ${field.label.toLowerCase()} som ÅÅÅÅ-MM-DD.`);
      return field.required ? date : blankAsNull(date);
    }
    case 'datetime': {
      const instant = instantInput(`Ange ${field.label.toLowerCase()} som ÅÅÅÅ-MM-DD TT:MM.`);
      return field.required ? instant : blankAsNull(instant);
    }
    case 'amount': {
      // Typed the Swedish way in the form; from here on it is whole öre.
      // Nothing is paid out with 0 kr or less: it would only count in the totals.
      const amount = amountInput(field.label.toLowerCase()).refine((ore) => ore > 0, {
        error: `${field.label} måste vara mer än 0 kr.`,
      });
      return field.required ? amount : blankAsNull(amount);
    }
    case 'choice': {
      const values = (field.options ?? []).map((option) => option.value) as [string, ...string[]];
      const choice = z.enum(values, { error: `Välj ${field.label.toLowerCase()}.` });
      return field.required ? choice : blankAsNull(choice);
    }
  }
}

/** What a form sends to create or change a record of this register. */
export function registerInputSchema(definition: RegisterDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of definition.fields) {
    if (!field.computed) shape[field.key] = fieldSchema(field);
  }
  const values = z
    .object(shape, { error: 'Fyll i postens uppgifter.' })
    .superRefine((v: Record<string, unknown>, ctx) => {
      for (const field of definition.fields) {
        if (field.requiredWhen && v[field.requiredWhen] === true && v[field.key] == null) {
          ctx.addIssue({
            code: 'custom',
            path: [field.key],
            message: `Ange ${field.label.toLowerCase()}.`,
          });
        }
      }
    });
  return z
    .object(
      {
        /** Which outage the record belongs to; defaults to the one going on now. */
        outageId: id.optional(),
        clientName: requiredText('klientens namn', 120),
        personnummer: z
          .string({ error: 'Ange personnummer.' })
          .max(20, { error: 'Ett personnummer är högst 13 tecken, t.ex. 19121212-1212.' }),
        reserveIdentity: z.boolean({ error: 'Ange om personen har reservidentitet.' }),
        transcribedFromPaper: z.boolean({ error: 'Ange om posten förs över från papper.' }),
        /**
         * The reference printed on the paper (under its barcode), as typed or scanned: main
         * normalizes it ("st 123" → "ST000123"). Asked for when transcribing from paper.
         */
        paperReference: referenceInput.default(null),
        /** The paper has no reference (printed before references, or a copy): say so. */
        paperReferenceMissing: z
          .boolean({ error: 'Ange om blanketten saknar referens.' })
          .default(false),
        /** The person confirmed a date outside the outage's period (main asks first). */
        confirmOutsidePeriod: z
          .boolean({ error: 'Ange om datumet utanför avbrottet är bekräftat.' })
          .default(false),
        values,
      },
      { error: 'Fyll i formuläret för posten.' },
    )
    .transform((input, ctx) => {
      if (input.transcribedFromPaper && !input.paperReference && !input.paperReferenceMissing) {
        ctx.addIssue({
          code: 'custom',
          path: ['paperReference'],
          message:
            'Ange referensen som står under streckkoden på blanketten, eller markera att ' +
            'blanketten saknar referens.',
        });
      }
      if (!input.transcribedFromPaper && input.paperReference) {
        ctx.addIssue({
          code: 'custom',
          path: ['paperReference'],
          message: 'En referens anges bara när en pappersblankett efterregistreras.',
        });
      }
      if (input.reserveIdentity) {
        if (input.personnummer.trim() !== '') {
          ctx.addIssue({
            code: 'custom',
            path: ['personnummer'],
            message: 'Lämna personnumret tomt när personen registreras med reservidentitet.',
          });
        }
        return { ...input, personnummer: null };
      }
      const parsed = parsePersonnummer(input.personnummer);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', path: ['personnummer'], message: parsed.message });
        return z.NEVER;
      }
      return { ...input, personnummer: parsed.value };
    });
}
export type RegisterInput = z.output<ReturnType<typeof registerInputSchema>>;

export const sortKeys = ['createdAt', 'clientName', 'personnummer', 'date', 'deadline'] as const;

/** Where a page of a list starts, made by main from a row: sort order, its value, its id. */
const cursorParts = z.tuple([
  z.enum(sortKeys),
  z.string().max(2000).nullable(),
  z.string().max(64),
]);
export type ListCursor = { sort: (typeof sortKeys)[number]; value: string | null; id: string };

export const encodeCursor = ({ sort, value, id }: ListCursor): string =>
  JSON.stringify([sort, value, id]);

const listCursor = z
  .string()
  .max(3000)
  .transform((text, ctx): ListCursor => {
    try {
      const [sort, value, id] = cursorParts.parse(JSON.parse(text));
      return { sort, value, id };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Ogiltig position i listan.' });
      return z.NEVER;
    }
  });

/** What a list shows, without the paging: the list's filter and order, also what is printed. */
export const registerListFilter = z.object(
  {
    search: z
      .string({ error: 'Skriv det du söker efter.' })
      .trim()
      .max(100, { error: 'Högst 100 tecken.' })
      .default(''),
    outageId: id.nullable().default(null),
    createdById: id.nullable().default(null),
    /** Journal notes only. */
    law: z
      .enum(['SoL', 'LSS', 'HSL'], { error: 'Välj lag: SoL, LSS eller HSL.' })
      .nullable()
      .default(null),
    entry: z
      .enum(['all', 'notEntered', 'entered'], { error: 'Välj alla, ej införda eller införda.' })
      .default('all'),
    /**
     * Registers with a deadline: records not yet entered whose last day is within two
     * working days, or has passed (the overview's counts, and the list they open).
     */
    deadline: z
      .enum(['all', 'dueSoon', 'overdue'], {
        error: 'Välj alla, inom två arbetsdagar eller passerat.',
      })
      .default('all'),
    voided: z
      .enum(['exclude', 'include', 'only'], { error: 'Välj hur makulerade poster visas.' })
      .default('exclude'),
    sort: z.enum(sortKeys, { error: 'Välj vad listan sorteras efter.' }).default('createdAt'),
    direction: z.enum(['asc', 'desc'], { error: 'Välj stigande eller fallande.' }).default('desc'),
  },
  { error: 'Ange listans filter.' },
);
export type RegisterListFilter = z.output<typeof registerListFilter>;

export const registerListInput = registerListFilter
  .extend({
    /**
     * Keyset paging: the rows just after a page's `endCursor` (the next page down) or just
     * before its `startCursor` (the page above). A page deep in the list costs what the
     * first one costs.
     */
    after: listCursor.nullable().default(null),
    before: listCursor.nullable().default(null),
    /** A jump to where no page is loaded yet: skip this many rows from the start or end. */
    offset: z.number().int().min(0).default(0),
    fromEnd: z.boolean().default(false),
    limit: z.number().int().min(1).max(500),
    /** The count reads every matching row's index entry: the first page asks for it. */
    withTotal: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    const cursor = input.after ?? input.before;
    if (input.after && input.before) {
      ctx.addIssue({ code: 'custom', message: 'Ange bara en position i listan.' });
    }
    if (cursor && (input.offset > 0 || input.fromEnd)) {
      ctx.addIssue({ code: 'custom', message: 'En position i listan utesluter offset.' });
    }
    if (cursor && cursor.sort !== input.sort) {
      ctx.addIssue({ code: 'custom', message: 'Positionen hör till en annan sortering.' });
    }
  });
export type RegisterListInput = z.output<typeof registerListInput>;

export const registerListOutput = z.object({
  rows: z.array(registerRecordSchema),
  /** All rows matching the filter; null when not asked for. */
  total: z.number().int().nullable(),
  /** Where the pages above and below this one start; null when the page is empty. */
  startCursor: z.string().nullable(),
  endCursor: z.string().nullable(),
});
export type RegisterListPage = z.infer<typeof registerListOutput>;

const reason = requiredText('ett skäl', 500);

export const voidInput = z.object({ id, reason });
/** The most records one batch marks: "Markera alla" of a whole register at scale. */
export const MARK_BATCH_MAX = 100_000;
export const markEnteredInput = z.object({
  ids: z
    .array(id, { error: 'Välj minst en post.' })
    .min(1, { error: 'Välj minst en post.' })
    .max(MARK_BATCH_MAX, {
      error: `Välj högst ${MARK_BATCH_MAX.toLocaleString('sv-SE')} poster åt gången.`,
    }),
  enteredOn: dateInput('Ange datum som ÅÅÅÅ-MM-DD.'),
});
/** How many were marked, and each one left as it was with why (see marking.ts). */
export const markEnteredOutput = z.object({
  count: z.number().int(),
  skipped: z.array(
    z.object({
      id: z.string(),
      clientName: z.string().nullable(),
      reason: z.enum(markSkipReasons),
    }),
  ),
});
export type MarkEnteredResult = z.infer<typeof markEnteredOutput>;
/** The records of a filtered list this person may mark as entered ("Markera alla"). */
export const markableIdsOutput = z.object({ ids: z.array(z.string()) });
export const unmarkEnteredInput = z.object({ id, reason });

export const historyInput = z.object({ id });
export const historyKinds = [
  'created',
  'changed',
  'changedAfterEntry',
  'entered',
  'unmarked',
  'voided',
  'overLimit',
] as const;
/** One line of a record's history: who did what when, with the fields that changed. */
export const historyEntrySchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  kind: z.enum(historyKinds),
  /** Swedish, e.g. "Makulerad: fel person" or "Införd 2026-11-24 (KH)". */
  summary: z.string(),
  changes: z.array(fieldChangeSchema),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
