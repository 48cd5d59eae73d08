import type { Role } from '../roles';
import type { RegisterRecord } from './schemas';

/**
 * Why a record of a batch was not marked as entered. A batch marks what it may and says
 * what it left, instead of failing whole for one row someone voided or entered meanwhile.
 */
export const markSkipReasons = ['missing', 'voided', 'entered', 'colleague'] as const;
export type MarkSkipReason = (typeof markSkipReasons)[number];

/** The reasons in the words shown after a batch ("Anna Svensson: makulerad"). */
export const markSkipWords: Record<MarkSkipReason, string> = {
  missing: 'finns inte',
  voided: 'makulerad',
  entered: 'redan införd',
  colleague: 'registrerad av en kollega',
};

type MarkFacts = Pick<RegisterRecord, 'voidedAt' | 'enteredOn' | 'createdById'>;

/**
 * Why this person may not mark the record as entered now, or null if they may. A
 * handläggare marks only what they registered themselves; the other writers any record.
 * Main asks this of every row in the batch's transaction; the list asks it to offer only
 * rows that can be chosen.
 */
export function markSkipReason(
  record: MarkFacts | null,
  actor: { id: string; role: Role },
): MarkSkipReason | null {
  if (!record) return 'missing';
  if (record.voidedAt) return 'voided';
  if (record.enteredOn) return 'entered';
  if (actor.role === 'caseWorker' && record.createdById !== actor.id) return 'colleague';
  return null;
}

/** "Anna Svensson: makulerad"; a record that is gone has no name to show. */
export function skippedText(skipped: { clientName: string | null; reason: MarkSkipReason }) {
  return `${skipped.clientName ?? 'Okänd post'}: ${markSkipWords[skipped.reason]}`;
}
