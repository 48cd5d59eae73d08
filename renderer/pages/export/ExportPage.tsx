import { useEffect, useState } from 'react';
import type { Outage } from '../../../shared/outages';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { ExcelPanel } from './ExcelPanel';
import { TransferFilePanel } from './TransferFilePanel';

/**
 * "Export": what leaves the binder as files — the registers and the worklist in Excel for
 * entry into the social system, and a laptop's transfer file to the office PC.
 */
export function ExportPage() {
  const { deviceKind } = useSession();
  const [outages, setOutages] = useState<Outage[] | null>(null);
  useEffect(() => {
    void api()
      .outages.list()
      .then((result) =>
        setOutages(result.ok ? result.value.filter((o) => o.status !== 'planned') : []),
      );
  }, []);
  return (
    <section aria-labelledby="export-title">
      <h1 id="export-title">Export</h1>
      {outages && <ExcelPanel outages={outages} />}
      {outages && deviceKind === 'laptop' && <TransferFilePanel outages={outages} />}
    </section>
  );
}
