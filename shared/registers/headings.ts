import type { CommonColumn, FieldDefinition, RegisterDefinition } from './types';

/**
 * Every heading of a register's columns comes from here, for the list on screen, the
 * filled register and the blank forms on paper (and the hand sheets' columns of the same
 * things), so a heading cannot differ between screen and paper. The words are the plan's
 * appendices' (Bilaga 3–5), where they have one.
 */
export const columnHeadings: Record<CommonColumn, string> = {
  /** The pre-printed reference of the paper the record was written on. */
  reference: 'Blankettens referens',
  clientName: 'Klientens namn',
  personnummer: 'Personnummer',
  /** Bilaga 5 has one column for both. */
  clientIdentity: 'Personnummer/namn',
  /** Last day to enter the record in the social system (journal notes). */
  deadline: 'Ska vara införd senast',
  // Bilaga 3 says "Inregistrerad i paraplyet"; units run other systems (Lifecare, Treserva).
  entry: 'Inregistrerad i verksamhetssystemet, datum och sign.',
};

/**
 * Headings of what the app knows about every record besides the paper's columns, where a
 * list has room for a column of each (the workbook, after the paper's columns): the entry
 * status as one word to filter on, who entered it and when, who registered it and when,
 * who transcribed it from paper, and why it was voided. The register filters' and the
 * record's own words for the same things.
 */
export const recordHeadings = {
  entryState: 'Status',
  enteredOn: 'Införd (datum)',
  enteredBy: 'Införd av',
  createdBy: 'Registrerad av',
  createdAt: 'Registrerad (datum och tid)',
  transcribedBy: 'Efterregistrerad från papper av',
  voided: 'Makulerad',
  /** Payouts: the reconciliation period a payout belongs to (Bilaga 5's running total). */
  period: 'Period',
} as const;
export type RecordHeading = keyof typeof recordHeadings;

/** What a heading may depend on: the unit's own words. */
export interface HeadingWords {
  /** The unit's cash card provider ("ICA"). */
  cardProvider: string;
}

const fill = (text: string, words: HeadingWords) =>
  text.replaceAll('{cardProvider}', words.cardProvider);

/** A field's heading, on screen and on paper: its label in the unit's words. */
export const fieldHeading = (field: FieldDefinition, words: HeadingWords): string =>
  fill(field.label, words);

/** The title of the register's printed list and blank form. */
export const printTitle = (definition: RegisterDefinition, words: HeadingWords): string =>
  fill(definition.blankForm?.title ?? definition.formTitle, words);

/** One column of a register: a field of its own, or one every record has. */
export type RegisterColumn = (
  { kind: 'field'; field: FieldDefinition } | { kind: 'common'; column: CommonColumn }
) & {
  heading: string;
  /** Shown in the list on screen too; paper shows every column (the record in full). */
  onScreen: boolean;
};

const common = (column: CommonColumn): RegisterColumn => ({
  kind: 'common',
  column,
  heading: columnHeadings[column],
  onScreen: true,
});

const fieldColumn = (field: FieldDefinition, words: HeadingWords): RegisterColumn => ({
  kind: 'field',
  field,
  heading: fieldHeading(field, words),
  onScreen: field.inList === true,
});

/**
 * The columns of a register's list, in one order for the screen and the filled register:
 * the client, the paper's reference, the register's fields (all but the reason asked for
 * only to pass a limit), the deadline where the register has one, and the entry status.
 */
export function registerColumns(
  definition: RegisterDefinition,
  words: HeadingWords,
): RegisterColumn[] {
  return [
    common('clientName'),
    common('personnummer'),
    common('reference'),
    ...definition.fields.filter((f) => !f.onlyWhenAsked).map((f) => fieldColumn(f, words)),
    ...(definition.hasDeadline ? [common('deadline')] : []),
    common('entry'),
  ];
}

/** The blank form's columns, in the paper form's order, with the same headings. */
export function blankFormColumns(
  definition: RegisterDefinition,
  words: HeadingWords,
): RegisterColumn[] {
  const form = definition.blankForm;
  if (!form) throw new Error(`${definition.key} has no blank form`);
  return form.columns.map((key) => {
    if (key in columnHeadings) return common(key as CommonColumn);
    const field = definition.fields.find((f) => f.key === key);
    if (!field) throw new Error(`${definition.key}.blankForm names an unknown field ${key}`);
    return fieldColumn(field, words);
  });
}

/** A key for a column, unique within a register (for React lists and tests). */
export const columnKey = (column: RegisterColumn): string =>
  column.kind === 'field' ? column.field.key : column.column;
