import { useEffect, useState } from 'react';
import type { Outage } from '../../../shared/outages';
import { api } from '../../app/api';
import { TransferFilePanel } from './TransferFilePanel';

/** "Export": what leaves the binder as files — the transfer file to the office PC. */
export function ExportPage() {
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
      {outages && <TransferFilePanel outages={outages} />}
    </section>
  );
}
