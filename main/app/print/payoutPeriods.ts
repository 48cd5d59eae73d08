import type { Reconciliation } from '../../../shared/cashCard';
import { registers } from '../../../shared/registers';
import { fieldHeading, type HeadingWords } from '../../../shared/registers/headings';
import type { PrintRecord } from './filledRegister';

/**
 * Bilaga 5's periods, for the printed list and the workbook alike: the running total is
 * everything paid since the last reconciliation, so the payouts go by period, each summed
 * on its own.
 */
export interface PayoutPeriod {
  /** "Period 1, avstämd 2026-11-23", "Pågående period, ännu inte avstämd". */
  heading: string;
  /** By payout date, then as registered, each with its running total within the period. */
  records: PrintRecord[];
  /** What closed the period; null for the open one. */
  reconciliation: Reconciliation | null;
}

export const OPEN_PERIOD = 'Pågående period, ännu inte avstämd';

/** The payout field worked out over the period's rows: "Totalt utbetalt från ICA-kontot". */
export const RUNNING_TOTAL = 'runningTotal';

/**
 * The payouts by period, oldest first: each reconciled period with payouts among these,
 * then the open one. Within a period the rows run by payout date (then registration), as
 * Bilaga 5 is written, and the running total is summed over these rows (not voided): the
 * account's own when the selection leaves nothing out (see `payoutsLeftOut`).
 */
export function payoutPeriods(
  records: readonly PrintRecord[],
  reconciliations: readonly Reconciliation[],
): PayoutPeriod[] {
  const ordered = [...reconciliations].sort((a, b) => compare(a.createdAt, b.createdAt));
  // Numbered among all the unit's periods, so "Period 2" is the same period on every list.
  const periods: PayoutPeriod[] = ordered.map((reconciliation, index) => ({
    heading: `Period ${index + 1}, avstämd ${reconciliation.reconciledOn}`,
    records: [],
    reconciliation,
  }));
  const byId = new Map(ordered.map((r, index) => [r.id, periods[index]!]));
  const open: PayoutPeriod = { heading: OPEN_PERIOD, records: [], reconciliation: null };
  for (const record of records) {
    const period = record.reconciliationId ? byId.get(record.reconciliationId) : undefined;
    if (record.reconciliationId && !period) {
      throw new Error(`payout ${record.id} belongs to a reconciliation that was not passed in`);
    }
    (period ?? open).records.push(record);
  }
  return [...periods, open]
    .filter((p) => p.records.length > 0)
    .map((p) => ({ ...p, records: withRunningTotals(p.records) }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function withRunningTotals(records: readonly PrintRecord[]): PrintRecord[] {
  let total = 0;
  return [...records]
    .sort(
      (a, b) =>
        compare(String(a.values.payoutDate ?? ''), String(b.values.payoutDate ?? '')) ||
        compare(a.createdAt, b.createdAt),
    )
    .map((record) => {
      if (record.voidedAt !== null) {
        return { ...record, values: { ...record.values, [RUNNING_TOTAL]: null } };
      }
      total += Number(record.values.amount ?? 0);
      return { ...record, values: { ...record.values, [RUNNING_TOTAL]: total } };
    });
}

/** The records not voided: those counted and summed. */
export const live = (records: readonly PrintRecord[]): PrintRecord[] =>
  records.filter((r) => r.voidedAt === null);

/** The sum of an amount field over the records not voided, in öre. */
export const liveSum = (records: readonly PrintRecord[], fieldKey: string): number =>
  live(records).reduce((sum, r) => sum + Number(r.values[fieldKey] ?? 0), 0);

/** "3 poster", "1 post, 1 makulerad", "4 poster, 2 makulerade". */
export function countWords(counted: number, voided = 0): string {
  const posts = `${counted} ${counted === 1 ? 'post' : 'poster'}`;
  if (voided === 0) return posts;
  return `${posts}, ${voided} ${voided === 1 ? 'makulerad' : 'makulerade'}`;
}

/** The records counted: those not voided, and the voided ones beside them. */
export const countText = (records: readonly PrintRecord[]): string =>
  countWords(live(records).length, records.length - live(records).length);

/**
 * Said where a selection (an outage, a person, dates, a search) leaves out payouts of the
 * periods shown: the sums and running totals are then the shown rows' ("de utskrivna
 * raderna" on paper), not the account's.
 */
export function leftOutText(leftOut: number, words: HeadingWords, shownRows: string): string {
  const running = registers.payouts.fields.find((f) => f.key === RUNNING_TOTAL)!;
  const payouts = leftOut === 1 ? '1 utbetalning' : `${leftOut} utbetalningar`;
  return (
    `Urval: summorna och ”${fieldHeading(running, words)}” är räknade över ${shownRows}. ` +
    `${payouts} i samma perioder ingår inte i urvalet och är inte medräknade.`
  );
}
