import { localDate } from '../time';
import type { RegisterRecord } from './schemas';

/**
 * A record's entry status in the social system, in the same words in the list on screen,
 * on paper, in the workbook and on the worklist.
 */
export const entryStateWords = {
  entered: 'Införd',
  notEntered: 'Ej införd',
  changedAfterEntry: 'Ändrad efter införing',
  voided: 'Makulerad',
} as const;
export type EntryState = keyof typeof entryStateWords;

/** A record transcribed from paper after the outage says so beside its entry status. */
export const transcribedWords = 'Efterregistrerad från papper';

/** A deadline passed, or due within two working days (the list's badges). */
export const deadlineStatusWords = { overdue: 'Försenad', dueSoon: 'Snart' } as const;

type EntryFacts = Pick<
  RegisterRecord,
  | 'voidedAt'
  | 'voidReason'
  | 'enteredOn'
  | 'enteredByInitials'
  | 'changedAfterEntry'
  | 'transcribedFromPaper'
>;

/** Voided before anything else; then entered; then changed since it was; else not entered. */
export function entryState(
  record: Pick<EntryFacts, 'voidedAt' | 'enteredOn' | 'changedAfterEntry'>,
): EntryState {
  if (record.voidedAt) return 'voided';
  if (record.enteredOn) return 'entered';
  if (record.changedAfterEntry) return 'changedAfterEntry';
  return 'notEntered';
}

/**
 * The entry status with its date and signature, as the paper's last column has it:
 * "Införd 2026-11-24 KH", "Ej införd", "Ändrad efter införing (införd 2026-11-23 KH)",
 * "Makulerad 2026-11-25: Fel person".
 */
export function entryStateText(record: EntryFacts): string {
  const words = entryStateWords[entryState(record)];
  if (record.voidedAt) {
    return `${words} ${localDate(record.voidedAt)}: ${record.voidReason ?? ''}`.trim();
  }
  if (record.enteredOn)
    return `${words} ${record.enteredOn} ${record.enteredByInitials ?? ''}`.trim();
  const changed = record.changedAfterEntry;
  if (changed?.previousEnteredOn) {
    const before = [changed.previousEnteredOn, changed.previousEnteredByInitials]
      .filter(Boolean)
      .join(' ');
    return `${words} (införd ${before})`;
  }
  return words;
}

/** The entry column of a register's list: the entry status, and whether it came from paper. */
export const entryText = (record: EntryFacts): string =>
  [entryStateText(record), ...(record.transcribedFromPaper ? [transcribedWords] : [])].join('\n');
