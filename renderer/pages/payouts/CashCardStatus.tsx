import type { CashCardAccount } from '../../../shared/cashCard';
import { formatAmount } from '../../../shared/money';

const levelText: Record<CashCardAccount['level'], string> = {
  ok: '',
  warning: 'Totalen närmar sig gränsen. Planera en avstämning med ekonomienheten.',
  strongWarning: 'Totalen är nära gränsen. Gör en avstämning med ekonomienheten nu.',
  over: 'Gränsen är passerad. Gör en avstämning med ekonomienheten innan fler utbetalningar.',
};

/** The running total and what remains before the limit, always in view. */
export function CashCardStatus({ account }: { account: CashCardAccount }) {
  const used = Math.min(100, Math.round((account.periodTotalOre / account.limitOre) * 100));
  return (
    <article
      className={`card cash-card cash-card--${account.level}`}
      aria-label={`${account.cardProvider}-kontot`}
    >
      <h2>{account.cardProvider}-kontot sedan senaste avstämning</h2>
      <dl className="facts">
        <dt>Totalt utbetalt</dt>
        <dd className="amount-large">{formatAmount(account.periodTotalOre)}</dd>
        {/* Past the limit the amount is how far over, not a "remaining" that is negative. */}
        <dt>{account.remainingOre >= 0 ? 'Kvar till gränsen' : 'Över gränsen med'}</dt>
        <dd>
          {formatAmount(Math.abs(account.remainingOre))}{' '}
          <span className="muted">(gräns {formatAmount(account.limitOre)})</span>
        </dd>
        <dt>Utbetalningar</dt>
        <dd>{account.payoutCount}</dd>
        <dt>Senaste avstämning</dt>
        <dd>{account.lastReconciledOn ?? 'Ingen ännu'}</dd>
      </dl>
      <div
        className="meter"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={used}
        aria-label="Andel av gränsen"
      >
        <div className="meter__fill" style={{ width: `${used}%` }} />
      </div>
      {account.level !== 'ok' && (
        <div
          className={`alert ${account.level === 'warning' ? 'alert--info' : 'alert--error'}`}
          role="alert"
        >
          {levelText[account.level]}
        </div>
      )}
    </article>
  );
}
