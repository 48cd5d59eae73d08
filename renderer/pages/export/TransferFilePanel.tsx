import type { Outage } from '../../../shared/outages';
import type { TransferFileInfo } from '../../../shared/transfer';
import { api } from '../../app/api';
import { FormError } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { OutageChoice } from './OutageChoice';
import { useNotice } from '../../components/useNotice';

/**
 * "Överföringsfil": this computer's records of one outage (or all), encrypted with the
 * unit passphrase, for the office PC to read in. Saved where the person chooses, typically
 * an encrypted USB stick.
 */
export function TransferFilePanel({ outages }: { outages: Outage[] }) {
  const [saved, setSaved] = useNotice<{ savedAs: string; info: TransferFileInfo } | null>(null);
  const [cancelled, setCancelled] = useNotice(false);
  const form = useForm({ outageId: outages[0]?.id ?? '' }, { trackUnsaved: false });
  const submit = form.submitWith(
    (v) => api().transfer.writeTransferFile({ outageId: v.outageId || null }),
    (answer) => {
      setCancelled(answer.savedAs === null);
      setSaved(
        answer.savedAs && answer.info ? { savedAs: answer.savedAs, info: answer.info } : null,
      );
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="transfer-title">
      <h2 id="transfer-title">Överföringsfil till kontorsdatorn</h2>
      <p className="muted">
        För en bärbar dator: allt som registrerats här under ett avbrott, krypterat med enhetens
        lösenfras. Enhetschefen läser in filen på kontorsdatorn under Inställningar.
      </p>
      <FormError error={form.error} />
      <OutageChoice outages={outages} {...form.field('outageId')} />
      <div aria-live="polite">
        {saved && (
          <div className="alert alert--success" role="status">
            Överföringsfilen ({saved.info.scope.label}) är sparad som {saved.savedAs}.
          </div>
        )}
        {cancelled && (
          <div className="alert alert--info" role="status">
            Ingen fil sparades.
          </div>
        )}
      </div>
      <button className="button button--primary" type="submit" disabled={form.busy}>
        {form.busy ? 'Skriver överföringsfil…' : 'Spara överföringsfil…'}
      </button>
    </form>
  );
}
