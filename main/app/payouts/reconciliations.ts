import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Reconciliation } from '../../../shared/cashCard';
import type { SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { localDate } from '../../../shared/time';
import { periodTotal } from './cashCardAccount';

/**
 * A reconciliation's period runs from its first live payout: a voided one closes with the
 * period but was never paid, so it does not move the start. One place for the list and
 * for what a new reconciliation says back.
 */
const periodFrom = `(SELECT min(p.payout_date) FROM payouts p
    WHERE p.reconciliation_id = r.id AND p.voided_at IS NULL) AS periodFrom`;

const columns = `r.id, r.reconciled_on AS reconciledOn, r.finance_contact AS financeContact,
  r.total_ore AS totalOre, r.refill_ore AS refillOre, r.note, r.payout_count AS payoutCount,
  r.created_by_name AS createdByName, r.created_at AS createdAt, r.balance_ore AS balanceOre,
  ${periodFrom}`;

/**
 * Reconciliation (avstämning) with the finance office: the period's total is fixed, its
 * payouts are closed, and the running total starts from zero. One transaction.
 */
export function reconcile(
  dataSource: DataSource,
  actor: SessionUser,
  input: {
    reconciledOn: string;
    financeContact: string;
    refill: number;
    balance: number;
    note: string;
  },
  now: Date,
): Promise<Reconciliation> {
  if (input.reconciledOn > localDate(now)) {
    throw AppError.field('VALIDATION', 'reconciledOn', 'Datumet kan inte ligga i framtiden.');
  }
  return dataSource.transaction(async (manager) => {
    const { totalOre, count } = await periodTotal(manager);
    const [{ all }] = (await manager.query(
      `SELECT count(*) AS "all" FROM payouts WHERE reconciliation_id IS NULL`,
    )) as [{ all: number }];
    if (all === 0) {
      throw new AppError('CONFLICT', 'Det finns inga utbetalningar sedan förra avstämningen.');
    }
    const reconciliation: Reconciliation = {
      id: randomUUID(),
      reconciledOn: input.reconciledOn,
      financeContact: input.financeContact,
      totalOre,
      refillOre: input.refill,
      note: input.note,
      payoutCount: count,
      createdByName: actor.fullName,
      createdAt: now.toISOString(),
      balanceOre: input.balance,
      periodFrom: null,
    };
    await manager.query(
      `INSERT INTO reconciliations (id, reconciled_on, finance_contact, total_ore, refill_ore,
         note, payout_count, created_by_id, created_by_name, created_at, balance_ore)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        reconciliation.id,
        reconciliation.reconciledOn,
        reconciliation.financeContact,
        totalOre,
        input.refill,
        input.note,
        count,
        actor.id,
        actor.fullName,
        reconciliation.createdAt,
        input.balance,
      ],
    );
    // Voided payouts of the period close with it too, so they stay in their period.
    await manager.query(
      `UPDATE payouts SET reconciliation_id = ?, updated_at = ? WHERE reconciliation_id IS NULL`,
      [reconciliation.id, reconciliation.createdAt],
    );
    const [period] = (await manager.query(
      `SELECT ${periodFrom} FROM reconciliations r WHERE r.id = ?`,
      [reconciliation.id],
    )) as [{ periodFrom: string | null }];
    reconciliation.periodFrom = period.periodFrom;
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'cashCard.reconcile',
      entity: 'reconciliation',
      entityId: reconciliation.id,
      after: reconciliation,
    });
    return reconciliation;
  });
}

export async function listReconciliations(dataSource: DataSource): Promise<Reconciliation[]> {
  return (await dataSource.query(
    `SELECT ${columns} FROM reconciliations r ORDER BY r.created_at DESC`,
  )) as Reconciliation[];
}
