import { useEffect, useState } from 'react';
import type { UsbReceipt } from '../../../shared/usbReceipts';
import type { Outage } from '../../../shared/outages';
import { OutageFilter } from '../../components/OutageFilter';
import { api } from '../../app/api';
import { IssueUsbForm } from './IssueUsbForm';
import { ReturnUsbForm } from './ReturnUsbForm';

/** Bilaga 2, "Kvittenslista för USB-minnen": the sticks still out come first. */
export function UsbReceiptsPage() {
  const [receipts, setReceipts] = useState<UsbReceipt[]>([]);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [outageId, setOutageId] = useState<string | null>(null);
  const [outages, setOutages] = useState<Outage[]>([]);

  useEffect(() => {
    void api()
      .outages.list()
      .then((result) => result.ok && setOutages(result.value));
  }, []);

  useEffect(() => {
    void api()
      .usbReceipts.list({ outageId, onlyOut: false })
      .then((result) => result.ok && setReceipts(result.value));
  }, [version, outageId]);

  const changed = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };
  const out = receipts.filter((r) => !r.returnedOn);
  const back = receipts.filter((r) => r.returnedOn);

  return (
    <section aria-labelledby="usb-title">
      <h1 id="usb-title">USB-minnen</h1>
      {notice && (
        <div className="alert alert--success" role="status">
          {notice}
        </div>
      )}
      <IssueUsbForm onDone={() => changed('USB-minnet är utlämnat.')} />
      <OutageFilter outages={outages} value={outageId} onChange={setOutageId} />
      <h2>Utlämnade ({out.length})</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">USB-minnets nummer</th>
            <th scope="col">Datum utlämning</th>
            <th scope="col">Namn och signatur</th>
            <th scope="col">Arbetsplats</th>
            <th scope="col">Återlämning</th>
          </tr>
        </thead>
        <tbody>
          {out.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                Inga USB-minnen är utlämnade.
              </td>
            </tr>
          )}
          {out.map((r) => (
            <tr key={r.id}>
              <td>{r.stickNumber}</td>
              <td className="nowrap">{r.issuedOn}</td>
              <td>
                {r.receiverName} ({r.receiverSignature})
              </td>
              <td>{r.workplace}</td>
              <td>
                <ReturnUsbForm
                  receipt={r}
                  onDone={() => changed(`${r.stickNumber} är återlämnat.`)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Återlämnade</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">USB-minnets nummer</th>
            <th scope="col">Utlämnat</th>
            <th scope="col">Namn och signatur</th>
            <th scope="col">Arbetsplats</th>
            <th scope="col">Infört och rensat, datum/signatur</th>
          </tr>
        </thead>
        <tbody>
          {back.map((r) => (
            <tr key={r.id}>
              <td>{r.stickNumber}</td>
              <td className="nowrap">{r.issuedOn}</td>
              <td>
                {r.receiverName} ({r.receiverSignature})
              </td>
              <td>{r.workplace}</td>
              <td className="nowrap">
                {r.returnedOn} {r.returnedSignature}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
