import type { RegisterRecord } from './schemas';
import type { CommonColumn, FieldDefinition, RegisterDefinition } from './types';

/** The paper forms' words for the columns every record has (Bilaga 3, 4 and 5). */
export const commonColumnLabels: Record<CommonColumn, string> = {
  clientName: 'Klientens namn',
  personnummer: 'Personnummer',
  clientIdentity: 'Personnummer/namn',
  // Bilaga 3 says "Inregistrerad i paraplyet"; units run other systems (Lifecare, Treserva).
  entry: 'Inregistrerad i verksamhetssystemet, datum och sign.',
};

/** What a printed heading may depend on: the unit's own words. */
export interface PrintWords {
  /** The unit's cash card provider ("ICA"). */
  cardProvider: string;
}

const fill = (text: string, words: PrintWords) =>
  text.replaceAll('{cardProvider}', words.cardProvider);

/** A field's heading on paper. */
export const printLabel = (field: FieldDefinition, words: PrintWords): string =>
  fill(field.printLabel ?? field.label, words);

/** The title of the register's printed list and blank form. */
export const printTitle = (definition: RegisterDefinition, words: PrintWords): string =>
  fill(definition.blankForm?.title ?? definition.formTitle, words);

/** One column of a printed register form: a field of the register, or a common column. */
export type PrintColumn =
  | { kind: 'field'; field: FieldDefinition; label: string }
  | { kind: 'common'; column: CommonColumn; label: string };

/** The blank form's columns, in the paper form's order, with their printed headings. */
export function blankFormColumns(definition: RegisterDefinition, words: PrintWords): PrintColumn[] {
  const form = definition.blankForm;
  if (!form) throw new Error(`${definition.key} has no blank form`);
  return form.columns.map((key) => {
    if (key in commonColumnLabels) {
      const column = key as CommonColumn;
      return { kind: 'common', column, label: commonColumnLabels[column] };
    }
    const field = definition.fields.find((f) => f.key === key);
    if (!field) throw new Error(`${definition.key}.blankForm names an unknown field ${key}`);
    return { kind: 'field', field, label: printLabel(field, words) };
  });
}

/**
 * Headings of what every record carries besides its fields (who registered it, its entry
 * status, its deadline), for the register's list, print and Excel alike.
 */
export const recordColumnLabels = {
  reference: 'Referens',
  status: 'Status',
  enteredOn: 'Införd (datum)',
  enteredBy: 'Införd av',
  deadline: 'Ska vara införd senast',
  createdBy: 'Registrerad av',
  createdAt: 'Registrerad',
  transcribedBy: 'Efterregistrerad från papper av',
  voided: 'Makulerad',
  /** Payouts: the reconciliation period a payout belongs to. */
  period: 'Period',
} as const;

/** A record's entry status as one word, in a list, on paper and in Excel. */
export const entryStateLabels = {
  entered: 'Införd',
  notEntered: 'Ej införd',
  changedAfterEntry: 'Ändrad efter införing',
  voided: 'Makulerad',
} as const;
export type EntryState = keyof typeof entryStateLabels;

/** Voided before anything else; then entered; then changed since it was; else not entered. */
export function entryState(
  record: Pick<RegisterRecord, 'voidedAt' | 'enteredOn' | 'changedAfterEntry'>,
): EntryState {
  if (record.voidedAt) return 'voided';
  if (record.enteredOn) return 'entered';
  if (record.changedAfterEntry) return 'changedAfterEntry';
  return 'notEntered';
}

/** "Försenad" past the deadline, "Snart" within two working days (as the list's badges). */
export const deadlineStatusLabels = { overdue: 'Försenad', dueSoon: 'Snart' } as const;
