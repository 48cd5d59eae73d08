import { useEffect, useState } from 'react';
import {
  outlastsOutageWords,
  usbReceiptCell,
  usbReceiptHeading,
  type UsbReceipt,
  type UsbReceiptColumn,
} from '../../../shared/usbReceipts';
import type { Outage } from '../../../shared/outages';
import { OutageFilter } from '../../components/OutageFilter';
import { api } from '../../app/api';
import { IssueUsbForm } from './IssueUsbForm';
import { ReturnUsbForm } from './ReturnUsbForm';
import { useNotice } from '../../components/useNotice';

/** The columns both tables show, headed and written as on Bilaga 2 (shared/usbReceipts.ts). */
const shared: readonly UsbReceiptColumn[] = ['stickNumber', 'issuedOn', 'receiver', 'workplace'];

function UsbCells({ receipt, keys }: { receipt: UsbReceipt; keys: readonly UsbReceiptColumn[] }) {
  return keys.map((key) => (
    <td key={key} className={key === 'receiver' || key === 'workplace' ? undefined : 'nowrap'}>
      {usbReceiptCell(receipt, key)}
      {key === 'stickNumber' && receipt.outlastsOutage && (
        <>
          {' '}
          <span className="badge badge--warning">{outlastsOutageWords}</span>
        </>
      )}
    </td>
  ));
}

/** Bilaga 2, "Kvittenslista för USB-minnen": the sticks still out come first. */
export function UsbReceiptsPage() {
  const [receipts, setReceipts] = useState<UsbReceipt[]>([]);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useNotice<string | null>(null);
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
  const outlasting = out.filter((r) => r.outlastsOutage).length;

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
      {outlasting > 0 && (
        <p className="alert alert--warning">
          {outlasting === 1
            ? '1 USB-minne är kvar ute fast dess avbrott är avslutat. Det som finns på det ska ' +
              'föras in och rensas, och minnet lämnas tillbaka.'
            : `${outlasting} USB-minnen är kvar ute fast deras avbrott är avslutade. Det som ` +
              'finns på dem ska föras in och rensas, och minnena lämnas tillbaka.'}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            {shared.map((key) => (
              <th scope="col" key={key}>
                {usbReceiptHeading(key)}
              </th>
            ))}
            <th scope="col">Återlämning</th>
          </tr>
        </thead>
        <tbody>
          {out.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {outageId
                  ? 'Inga USB-minnen utlämnade under det valda avbrottet – välj ett annat avbrott eller alla.'
                  : 'Inga USB-minnen är utlämnade. Lämna ut ett med formuläret ovan.'}
              </td>
            </tr>
          )}
          {out.map((r) => (
            <tr key={r.id}>
              <UsbCells receipt={r} keys={shared} />
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
            {[...shared, 'returned' as const].map((key) => (
              <th scope="col" key={key}>
                {usbReceiptHeading(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {back.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                Inga USB-minnen är återlämnade{outageId ? ' under det valda avbrottet' : ' ännu'}.
              </td>
            </tr>
          )}
          {back.map((r) => (
            <tr key={r.id}>
              <UsbCells receipt={r} keys={[...shared, 'returned']} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
