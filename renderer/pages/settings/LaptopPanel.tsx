import type { SetupFileInfo } from '../../../shared/transfer';
import { api } from '../../app/api';
import { FormError, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { useNotice } from '../../components/useNotice';

/**
 * "Förbered bärbar dator": the enhetschef saves an installation file (encrypted with the
 * unit passphrase) for one laptop, typically to an encrypted USB stick; the laptop's first
 * run installs from it. Each file gives its laptop a range of its own form references.
 */
export function LaptopPanel() {
  const [made, setMade] = useNotice<{ savedAs: string; info: SetupFileInfo } | null>(null);
  const [cancelled, setCancelled] = useNotice(false);
  const form = useForm({ laptopName: '' }, { trackUnsaved: false });
  const submit = form.submitWith(
    (v) => api().transfer.writeSetupFile(v.laptopName ? { laptopName: v.laptopName } : {}),
    (answer) => {
      setCancelled(answer.savedAs === null);
      setMade(
        answer.savedAs && answer.info ? { savedAs: answer.savedAs, info: answer.info } : null,
      );
      if (answer.savedAs) form.reset();
    },
  );
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="laptop-title">
      <h2 id="laptop-title">Förbered bärbar dator</h2>
      <p className="muted">
        Skapar en installationsfil med enheten, dess inställningar och användare, krypterad med
        enhetens lösenfras. Spara den på ett krypterat USB-minne och välj ”Bärbar dator från
        installationsfil” när Reservpärm startas första gången på den bärbara datorn. En fil per
        dator: varje dator får egna blankettreferenser.
      </p>
      <FormError error={form.error} />
      <div aria-live="polite">
        {made && (
          <div className="alert alert--success" role="status">
            Installationsfilen för {made.info.laptopName} är sparad som {made.savedAs}. Datorn får
            referenserna {made.info.firstReference}–{made.info.lastReference}.
          </div>
        )}
        {cancelled && (
          <div className="alert alert--info" role="status">
            Ingen fil sparades.
          </div>
        )}
      </div>
      <TextField
        label="Den bärbara datorns namn"
        hint="Till exempel ”Bärbar Tensta”. Lämnas det tomt numreras datorerna."
        {...form.field('laptopName')}
      />
      <button className="button button--primary" type="submit" disabled={form.busy}>
        {form.busy ? 'Skapar installationsfil…' : 'Skapa installationsfil…'}
      </button>
    </form>
  );
}
