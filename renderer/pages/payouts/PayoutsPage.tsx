import { useEffect, useState } from 'react';
import {
  reconciliationSavedText,
  type CashCardAccount,
  type Reconciliation,
} from '../../../shared/cashCard';
import { registers } from '../../../shared/registers';
import { api } from '../../app/api';
import { useReplaceGuard } from '../../app/LeaveGuard';
import { useSession } from '../../app/session';
import { RegisterPage } from '../registers/RegisterPage';
import { CashCardSettingsForm } from './CashCardSettingsForm';
import { CashCardStatus } from './CashCardStatus';
import { ReconcileForm } from './ReconcileForm';
import { ReconciliationHistory } from './ReconciliationHistory';
import { useNotice } from '../../components/useNotice';

type Panel = 'none' | 'reconcile' | 'settings';

/** Bilaga 5 with the account beside it: total, limit, reconciliations. */
export function PayoutsPage() {
  const { user } = useSession();
  const [account, setAccount] = useState<CashCardAccount | null>(null);
  const [history, setHistory] = useState<Reconciliation[]>([]);
  const [version, setVersion] = useState(0);
  const [panel, setPanel] = useState<Panel>('none');
  const [saved, setSaved] = useNotice<string | null>(null);
  const replaceForm = useReplaceGuard();
  const open = (next: Panel) =>
    replaceForm(panel !== 'none' && panel !== next, () => {
      setSaved(null);
      setPanel(next);
    });
  const isManager = user.role === 'financialAidManager';
  // The limit is the finance office's rule, kept by the enhetschef, not by the one who pays.
  const maySetLimits = user.role === 'unitManager';

  useEffect(() => {
    void api()
      .cashCard.account()
      .then((result) => result.ok && setAccount(result.value));
    void api()
      .cashCard.reconciliations()
      .then((result) => result.ok && setHistory(result.value));
  }, [version]);

  const refresh = () => setVersion((v) => v + 1);

  return (
    <div className="payouts">
      <RegisterPage
        definition={registers.payouts}
        onChanged={() => {
          // A payout saved since: the reconciliation's confirmation no longer is the news.
          setSaved(null);
          refresh();
        }}
        reloadToken={version}
      >
        {saved && (
          <div className="alert alert--success" role="status">
            {saved}
          </div>
        )}
        {account && <CashCardStatus account={account} />}
        <div className="actions">
          {isManager && account && account.payoutCount > 0 && (
            <button type="button" className="button" onClick={() => open('reconcile')}>
              Avstämning med ekonomienheten…
            </button>
          )}
          {maySetLimits ? (
            <button type="button" className="button" onClick={() => open('settings')}>
              Gräns och kortleverantör…
            </button>
          ) : (
            <span className="muted small">
              Gränsen och varningsnivåerna är ekonomienhetens regel och ändras av enhetschefen.
            </span>
          )}
        </div>
        {panel === 'reconcile' && account && (
          <ReconcileForm
            account={account}
            onDone={(reconciliation) => {
              setPanel('none');
              setSaved(reconciliationSavedText(reconciliation));
              refresh();
            }}
          />
        )}
        {panel === 'settings' && maySetLimits && account && (
          <CashCardSettingsForm
            account={account}
            onDone={() => {
              setPanel('none');
              refresh();
            }}
          />
        )}
      </RegisterPage>
      <ReconciliationHistory items={history} />
    </div>
  );
}
