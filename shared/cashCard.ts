import { z } from 'zod';
import { blankAsNull, dateInput, requiredText } from './fields';
import { formatAmount, parseAmount } from './money';

/** An amount typed in a form ("1 234,50"), as whole öre once validated. */
export const amountInput = (label: string) =>
  z
    .string({ error: `Ange ${label}.` })
    .max(30, { error: 'Högst 30 tecken.' })
    .transform((text, ctx) => {
      const parsed = parseAmount(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.ore;
    });

export const accountLevels = ['ok', 'warning', 'strongWarning', 'over'] as const;

/** The cash card account since the last reconciliation with the finance office. */
export const cashCardAccountSchema = z.object({
  cardProvider: z.string(),
  periodTotalOre: z.number().int(),
  payoutCount: z.number().int(),
  limitOre: z.number().int(),
  warningOre: z.number().int(),
  strongWarningOre: z.number().int(),
  /** What may still be paid before the limit; negative once it has been passed. */
  remainingOre: z.number().int(),
  level: z.enum(accountLevels),
  lastReconciledOn: z.string().nullable(),
});
export type CashCardAccount = z.infer<typeof cashCardAccountSchema>;

export const reconciliationSchema = z.object({
  id: z.string(),
  reconciledOn: z.string(),
  financeContact: z.string(),
  totalOre: z.number().int(),
  refillOre: z.number().int(),
  note: z.string(),
  payoutCount: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  /** The card account's balance when reconciled (öre); null for those made before it was kept. */
  balanceOre: z.number().int().nullable(),
  /** The first payout date of the period (null if it held no payouts with a date). */
  periodFrom: z.string().nullable(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

export const reconcileInput = z.object({
  reconciledOn: dateInput('Ange datum som ÅÅÅÅ-MM-DD.'),
  financeContact: requiredText('kontaktperson på ekonomienheten', 120),
  /** Empty when nothing was put on the card. */
  refill: blankAsNull(amountInput('påfyllning')).transform((ore) => ore ?? 0),
  /** The card account's balance as the finance office reads it, entered as kronor. */
  balance: amountInput('kontots saldo'),
  note: z
    .string({ error: 'Skriv anteckningen som text.' })
    .trim()
    .max(1000, { error: 'Högst 1000 tecken.' }),
});

export const cashCardSettingsInput = z
  .object({
    cardProvider: requiredText('kortleverantör', 40),
    warning: amountInput('varningsnivå'),
    strongWarning: amountInput('nivå för stark varning'),
    limit: amountInput('gräns'),
  })
  .superRefine((v, ctx) => {
    if (v.warning >= v.strongWarning) {
      ctx.addIssue({
        code: 'custom',
        path: ['strongWarning'],
        message: 'Den starka varningen ska ligga över den första varningen.',
      });
    }
    if (v.strongWarning >= v.limit) {
      ctx.addIssue({
        code: 'custom',
        path: ['limit'],
        message: 'Gränsen ska ligga över den starka varningen.',
      });
    }
  });

/** The period a reconciliation closed, as it is named to people: "2026-11-02 – 2026-11-20". */
export const reconciliationPeriod = (r: Pick<Reconciliation, 'periodFrom' | 'reconciledOn'>) =>
  r.periodFrom && r.periodFrom !== r.reconciledOn
    ? `${r.periodFrom} – ${r.reconciledOn}`
    : r.reconciledOn;

/**
 * What a saved reconciliation says back, so the person sees what was recorded:
 * "Avstämningen för perioden 2026-11-02 – 2026-11-20 är sparad: saldo 12 345 kr,
 * 3 utbetalningar på totalt 45 000 kr, påfyllning 30 000 kr."
 */
export function reconciliationSavedText(r: Reconciliation): string {
  const payouts = r.payoutCount === 1 ? '1 utbetalning' : `${r.payoutCount} utbetalningar`;
  const parts = [
    ...(r.balanceOre === null ? [] : [`saldo ${formatAmount(r.balanceOre)}`]),
    `${payouts} på totalt ${formatAmount(r.totalOre)}`,
    r.refillOre > 0 ? `påfyllning ${formatAmount(r.refillOre)}` : 'ingen påfyllning',
  ];
  return `Avstämningen för perioden ${reconciliationPeriod(r)} är sparad: ${parts.join(', ')}.`;
}
