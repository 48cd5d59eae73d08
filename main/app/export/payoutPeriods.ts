import type { Reconciliation } from '../../../shared/cashCard';
import type { PrintRecord } from '../print/filledRegister';

/** Where the payouts' running total starts again: each reconciliation, then the open period. */
export interface PayoutPeriods {
  /** "Period 1, avstämd 2026-11-23", "Pågående period, ännu inte avstämd". */
  name(record: PrintRecord): string;
  /** The account's own order: by period, then by payout date, then as registered. */
  compare(a: PrintRecord, b: PrintRecord): number;
  /** The periods in order, named. */
  names: string[];
  indexOf(record: PrintRecord): number;
}

export const OPEN_PERIOD = 'Pågående period, ännu inte avstämd';

/**
 * The reconciliation periods of the cash card account (Bilaga 5's running total is
 * everything paid since the last reconciliation), in the order the reconciliations were
 * made, the period still open last.
 */
export function payoutPeriods(reconciliations: readonly Reconciliation[]): PayoutPeriods {
  const ordered = [...reconciliations].sort((a, b) => compareText(a.createdAt, b.createdAt));
  const index = new Map(ordered.map((r, i) => [r.id, i]));
  const names = [
    ...ordered.map((r, i) => `Period ${i + 1}, avstämd ${r.reconciledOn}`),
    OPEN_PERIOD,
  ];
  const indexOf = (record: PrintRecord) => {
    if (!record.reconciliationId) return ordered.length;
    const found = index.get(record.reconciliationId);
    if (found === undefined) {
      throw new Error(`payout ${record.id} belongs to a reconciliation that was not passed in`);
    }
    return found;
  };
  return {
    names,
    indexOf,
    name: (record) => names[indexOf(record)]!,
    compare: (a, b) =>
      indexOf(a) - indexOf(b) ||
      compareText(String(a.values.payoutDate), String(b.values.payoutDate)) ||
      compareText(a.createdAt, b.createdAt),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "3 poster", "1 post, 1 makulerad". */
export function countText(live: number, voided: number): string {
  const posts = `${live} ${live === 1 ? 'post' : 'poster'}`;
  if (voided === 0) return posts;
  return `${posts}, ${voided} ${voided === 1 ? 'makulerad' : 'makulerade'}`;
}
