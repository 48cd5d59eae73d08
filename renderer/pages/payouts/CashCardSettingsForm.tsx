import type { CashCardAccount } from '../../../shared/cashCard';
import { amountForInput } from '../../../shared/money';
import { api, statusChanged } from '../../app/api';
import { FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

/** The unit's card provider and the three amounts: warning, strong warning, limit. */
export function CashCardSettingsForm({
  account,
  onDone,
}: {
  account: CashCardAccount;
  onDone: () => void;
}) {
  const form = useForm({
    cardProvider: account.cardProvider,
    warning: amountForInput(account.warningOre),
    strongWarning: amountForInput(account.strongWarningOre),
    limit: amountForInput(account.limitOre),
  });
  const submit = form.submitWith(
    (v) => api().cashCard.updateSettings(v),
    () => {
      statusChanged();
      onDone();
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="card-settings-title">
      <h2 id="card-settings-title">Inställningar för kontantkortet</h2>
      <FormError error={form.error} />
      <div className="grid-2">
        <TextField label="Kortleverantör" {...form.field('cardProvider')} />
        <TextField label="Varning vid" inputMode="decimal" {...form.field('warning')} />
        <TextField label="Stark varning vid" inputMode="decimal" {...form.field('strongWarning')} />
        <TextField label="Gräns" inputMode="decimal" {...form.field('limit')} />
      </div>
      <button className="button" type="submit" disabled={form.busy}>
        Spara inställningar
      </button>
    </form>
  );
}
