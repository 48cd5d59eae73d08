import type { RegisterKey } from './keys';

/** How a register field is entered, stored and shown. */
export type FieldKind =
  | 'text'
  | 'longText'
  | 'date' // ISO "YYYY-MM-DD", shown as is
  | 'datetime' // ISO instant, shown "2026-11-22 10:45" in local time
  | 'choice' // one of `options`
  | 'flag' // yes/no
  | 'amount'; // kronor and öre, entered "1 234,50", stored and sent as integer öre

export type FieldValue = string | number | boolean | null;

export interface FieldDefinition {
  /** camelCase key; the SQL column is its snake_case form. */
  key: string;
  /**
   * The paper form's heading, the field's one name: in the form, the list, the record, print
   * and Excel. "{cardProvider}" stands for the unit's card provider ("ICA"); show it with
   * `fieldHeading` (headings.ts). A hint that explains it goes in `hint`, which the blank
   * form prints under the heading.
   */
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** For 'text' and 'longText'. */
  maxLength?: number;
  options?: readonly { value: string; label: string }[];
  /** Shown as a column in the register list. */
  inList?: boolean;
  /** A short explanation under the label: in the form, and on the blank form under its heading. */
  hint?: string;
  /** Pre-filled in a new record from the person signed in. */
  defaultFrom?: 'userName' | 'userInitials' | 'today' | 'now';
  /** Required only when another flag field is set (e.g. call time when urgent). */
  requiredWhen?: string;
  /** No two records may have the same value (e.g. a payout's verifikationsnummer). */
  unique?: boolean;
  /** Worked out by main, not entered and not a column (e.g. a running total). */
  computed?: boolean;
  /** Shown in the form only once main asks for it (e.g. the reason to pass a limit). */
  onlyWhenAsked?: boolean;
  /**
   * Filled in after the record was entered in the social system, by design (an order's
   * receipt, registration and activation): no need to enter the record again when it
   * changes. Still audited and shown in the history like any change.
   */
  followUp?: boolean;
}

/**
 * Columns every record has besides its own fields, as the paper forms name them (see
 * `columnHeadings` in headings.ts).
 */
export type CommonColumn =
  'reference' | 'clientName' | 'personnummer' | 'clientIdentity' | 'deadline' | 'entry';

/**
 * A paper document of one record (beslutsdokument, order form, journal sheet): the
 * register's fields as lines to write on, and what the record's fields do not hold.
 */
export interface BlankSheet {
  title: string;
  /** Printed under the title: how the sheet is used. */
  instruction?: string;
  /** More lines to write on that are no field of the record (a fax number). */
  extraLines?: readonly string[];
  /** A ruled area for the document's own text (the decision and its grounds). */
  notes?: string;
}

/** The register's blank form in the binder: one of the plan's appendices. */
export interface BlankForm {
  /** "Bilaga 3". */
  appendix: number;
  /** The printed title when it differs from `formTitle`; "{cardProvider}" as in a field's `label`. */
  title?: string;
  /** The paper form's columns in its order: the register's field keys and common columns. */
  columns: readonly (CommonColumn | (string & {}))[];
}

export type RegisterRoles = 'caseWorker' | 'financialAidManager' | 'unitManager';

export interface RegisterDefinition {
  key: RegisterKey;
  /** Swedish name of the register, e.g. "Beslut". */
  title: string;
  /** One record, e.g. "beslut". */
  singular: string;
  /** The heading of a blank form, with Swedish gender: "Nytt beslut", "Ny beställning". */
  newTitle: string;
  /** Heading of the printed list (from the appendices). */
  formTitle: string;
  fields: readonly FieldDefinition[];
  /** Journal notes have an entry deadline counted from the outage's end. */
  hasDeadline: boolean;
  /** The field whose value the list sorts by by default besides creation time. */
  dateField: string;
  /** Who may read the register and who may write to it (handläggare only their own). */
  access: { read: 'all' | readonly RegisterRoles[]; write: readonly RegisterRoles[] };
  /** The blank form printed for the binder, when the plan has one for this register. */
  blankForm?: BlankForm;
  /** The one-page paper document of one record, printed blank for the binder. */
  blankSheet?: BlankSheet;
}

/** The case-work registers: every role reads, handläggare and enhetschef write. */
export const caseworkAccess = {
  read: 'all',
  write: ['caseWorker', 'unitManager'],
} as const satisfies RegisterDefinition['access'];

export const snakeCase = (key: string): string =>
  key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
