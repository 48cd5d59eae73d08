import { useEffect, useState } from 'react';
import type { CashCardAccount } from '../../../shared/cashCard';
import { api } from '../../app/api';
import { CashCardStatus } from '../payouts/CashCardStatus';

/** For the chef ekonomiskt bistånd and the enhetschef: the account at a glance. */
export function CashCardSummary() {
  const [account, setAccount] = useState<CashCardAccount | null>(null);
  useEffect(() => {
    void api()
      .cashCard.account()
      .then((result) => result.ok && setAccount(result.value));
  }, []);
  return account ? <CashCardStatus account={account} /> : null;
}
