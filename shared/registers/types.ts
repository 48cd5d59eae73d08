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
  /** The paper form's heading, used in the form, the list, print and Excel. */
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** For 'text' and 'longText'. */
  maxLength?: number;
  options?: readonly { value: string; label: string }[];
  /** Shown as a column in the register list. */
  inList?: boolean;
  /** A short explanation under the label. */
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
}

/** The case-work registers: every role reads, handläggare and enhetschef write. */
export const caseworkAccess = {
  read: 'all',
  write: ['caseWorker', 'unitManager'],
} as const satisfies RegisterDefinition['access'];

export const snakeCase = (key: string): string =>
  key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
