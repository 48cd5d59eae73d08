import type { CashCardAccount, Reconciliation } from '../../../shared/cashCard';
import { formatAmount } from '../../../shared/money';
import { countOf } from '../../../shared/swedishText';
import { api } from '../../app/api';
import { officeToday } from '../../app/clock';
import { FormError, TextAreaField, DateField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** Records the reconciliation with the finance office; the running total starts over. */
export function ReconcileForm({
  account,
  onDone,
}: {
  account: CashCardAccount;
  onDone: (saved: Reconciliation) => void;
}) {
  const form = useForm({
    reconciledOn: officeToday(),
    financeContact: '',
    balance: '',
    refill: '',
    note: '',
  });
  const submit = form.submitWith(
    (v) => api().cashCard.reconcile(v),
    (saved) => {
      form.reset();
      onDone(saved);
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">Avstämning med ekonomienheten</h2>
      <p>
        Avstämningen omfattar {countOf(account.payoutCount, 'utbetalning', 'utbetalningar')}, totalt{' '}
        <strong>{formatAmount(account.periodTotalOre)}</strong>. Därefter börjar totalen om från
        noll.
      </p>
      <FormError error={form.error} />
      <div className="grid-2">
        <DateField label="Datum" {...form.field('reconciledOn')} />
        <TextField label="Med vem (ekonomienheten)" {...form.field('financeContact')} />
        <TextField
          label="Saldo på kortkontot"
          hint="Kontots saldo enligt ekonomienheten, i kronor, t.ex. 12 345,50."
          inputMode="decimal"
          {...form.field('balance')}
        />
        <TextField
          label="Påfyllning av kontot"
          hint="Lämna tomt om kontot inte fylls på."
          inputMode="decimal"
          {...form.field('refill')}
        />
      </div>
      <TextAreaField label="Anteckning" {...form.field('note')} />
      <button className="button button--primary" type="submit" disabled={form.busy}>
        Registrera avstämning
      </button>
    </form>
  );
}
