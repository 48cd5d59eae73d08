import { formatPersonnummer } from '../domain/personnummer';
import { formatFieldValue } from './format';
import { columnHeadings, fieldHeading, type HeadingWords } from './headings';
import type { RegisterDefinition } from './types';

/** One changed field, with the form's label and the values as the list shows them. */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** What a record looks like for comparing: the common fields and the register's own. */
export interface ComparableRecord {
  clientName: string;
  personnummer: string | null;
  reserveIdentity: boolean;
  transcribedFromPaper: boolean;
  /** Absent in audit snapshots written before paper references existed. */
  paperReference?: string | null;
  values: Record<string, string | number | boolean | null>;
}

const yesNo = (value: boolean) => (value ? 'Ja' : 'Nej');
const identity = (record: ComparableRecord) =>
  record.personnummer ? formatPersonnummer(record.personnummer) : 'Reservidentitet';

/**
 * The fields that differ between two versions of a record, in the form's order, so a
 * person can carry the same change into the social system. `withoutFollowUp` leaves out
 * the fields filled in after entry by design (see `FieldDefinition.followUp`).
 */
export function recordChanges(
  definition: RegisterDefinition,
  before: ComparableRecord,
  after: ComparableRecord,
  {
    withoutFollowUp = false,
    words,
  }: {
    withoutFollowUp?: boolean;
    /** The unit's words for the labels ("ICA"); the label as defined without them. */
    words?: HeadingWords;
  } = {},
): FieldChange[] {
  const pairs: [string, string, string][] = [
    [columnHeadings.clientName, before.clientName, after.clientName],
    [columnHeadings.personnummer, identity(before), identity(after)],
    [
      'Efterregistrering från pappersblankett',
      yesNo(before.transcribedFromPaper),
      yesNo(after.transcribedFromPaper),
    ],
  ];
  // The paper's reference never reaches the social system: like a follow-up field, a
  // corrected reference is history, not a change to enter again.
  if (!withoutFollowUp) {
    pairs.push([columnHeadings.reference, before.paperReference ?? '', after.paperReference ?? '']);
  }
  for (const field of definition.fields) {
    if (field.computed || (withoutFollowUp && field.followUp)) continue;
    pairs.push([
      words ? fieldHeading(field, words) : field.label,
      formatFieldValue(field, before.values[field.key]),
      formatFieldValue(field, after.values[field.key]),
    ]);
  }
  return pairs
    .filter(([, a, b]) => a !== b)
    .map(([label, a, b]) => ({ label, before: a || '–', after: b || '–' }));
}

/** Adds a later change to the ones already waiting: the first "before" and the last "after". */
export function mergeChanges(earlier: FieldChange[], later: FieldChange[]): FieldChange[] {
  const merged = new Map(earlier.map((change) => [change.label, change]));
  for (const change of later) {
    const first = merged.get(change.label);
    merged.set(change.label, first ? { ...first, after: change.after } : change);
  }
  return [...merged.values()].filter((change) => change.before !== change.after);
}
