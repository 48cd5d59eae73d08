import { formatAmount } from '../../../shared/money';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { UnitEntity } from '../db/entities/unitRecord';
import type { RegisterRules } from '../registers/rules';
import { periodTotal } from './cashCardAccount';

/**
 * The 75 000 kr rule (Spånga-Tensta plan, 2.6): a payout that takes the total since the
 * last reconciliation over the unit's limit is refused unless the chef ekonomiskt
 * bistånd gives a reason, which is kept with the payout and in its own audit entry.
 * Payouts in a reconciled period are closed: their amounts cannot change any more.
 */
export const payoutRules: RegisterRules = {
  extraColumns: ['reconciliation_id'],

  // The column "Totalt utbetalt från ICA-kontot": a running sum per period, in payout order.
  listSource: `(SELECT p.*, CASE WHEN p.voided_at IS NULL THEN
      sum(CASE WHEN p.voided_at IS NULL THEN p.amount ELSE 0 END) OVER (
        PARTITION BY p.reconciliation_id ORDER BY p.payout_date, p.created_at
        ROWS UNBOUNDED PRECEDING) END AS running_total
    FROM payouts p)`,

  async beforeSave({ manager, call, id, values, before }) {
    if (before?.reconciliation_id) {
      if (before.amount !== values.amount) {
        throw AppError.field(
          'CONFLICT',
          'values.amount',
          'Utbetalningen ingår i en avstämd period; beloppet kan inte ändras.',
        );
      }
      return;
    }
    const unit = await manager.getRepository(UnitEntity).findOneByOrFail({ id: 1 });
    const { totalOre } = await periodTotal(manager, before ? id : null);
    const amount = values.amount as number;
    const newTotal = totalOre + amount;
    if (newTotal <= unit.payoutLimitOre) return;
    const reason = (values.overLimitReason as string | null)?.trim();
    if (!reason) {
      throw AppError.field(
        'OVER_LIMIT',
        'values.overLimitReason',
        `Utbetalningen tar totalen till ${formatAmount(newTotal)}, över gränsen ` +
          `${formatAmount(unit.payoutLimitOre)}. Gör en avstämning med ekonomienheten, ` +
          'eller ange skäl för att betala ut ändå.',
      );
    }
    await recordAudit(manager, {
      actor: call.actor,
      at: call.now,
      action: 'payouts.overLimit',
      entity: 'payouts',
      entityId: id,
      after: {
        periodTotalOre: totalOre,
        amountOre: amount,
        newTotalOre: newTotal,
        limitOre: unit.payoutLimitOre,
        reason,
      },
    });
  },

  async beforeVoid({ before }) {
    if (before.reconciliation_id) {
      throw new AppError(
        'CONFLICT',
        'Utbetalningen ingår i en avstämd period och kan inte makuleras. Kontakta ekonomienheten.',
      );
    }
  },
};
