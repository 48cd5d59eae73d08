import type { DataSource, EntityManager } from 'typeorm';
import type { CashCardAccount } from '../../../shared/cashCard';
import { UnitEntity, type UnitRecord } from '../db/entities/unitRecord';

type Queryable = DataSource | EntityManager;

/** The sum paid since the last reconciliation: live payouts not yet in a reconciled period. */
export async function periodTotal(
  db: Queryable,
  exceptId: string | null = null,
): Promise<{ totalOre: number; count: number }> {
  const [row] = (await db.query(
    `SELECT coalesce(sum(amount), 0) AS totalOre, count(*) AS count FROM payouts
      WHERE reconciliation_id IS NULL AND voided_at IS NULL AND id IS NOT ?`,
    [exceptId],
  )) as [{ totalOre: number; count: number }];
  return row;
}

export function levelOf(
  totalOre: number,
  unit: Pick<UnitRecord, 'payoutLimitOre' | 'payoutWarningOre' | 'payoutStrongWarningOre'>,
): CashCardAccount['level'] {
  if (totalOre > unit.payoutLimitOre) return 'over';
  if (totalOre >= unit.payoutStrongWarningOre) return 'strongWarning';
  if (totalOre >= unit.payoutWarningOre) return 'warning';
  return 'ok';
}

export async function cashCardAccount(db: Queryable): Promise<CashCardAccount> {
  const unit = await db.getRepository(UnitEntity).findOneByOrFail({ id: 1 });
  const { totalOre, count } = await periodTotal(db);
  const [last] = (await db.query(
    `SELECT reconciled_on AS reconciledOn FROM reconciliations ORDER BY created_at DESC LIMIT 1`,
  )) as { reconciledOn: string }[];
  return {
    cardProvider: unit.cardProvider,
    periodTotalOre: totalOre,
    payoutCount: count,
    limitOre: unit.payoutLimitOre,
    warningOre: unit.payoutWarningOre,
    strongWarningOre: unit.payoutStrongWarningOre,
    remainingOre: unit.payoutLimitOre - totalOre,
    level: levelOf(totalOre, unit),
    lastReconciledOn: last?.reconciledOn ?? null,
  };
}
