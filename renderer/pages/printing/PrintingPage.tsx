import { useEffect, useState } from 'react';
import { allows } from '../../../shared/access';
import { custodianReaders } from '../../../shared/custodians';
import type { Outage } from '../../../shared/outages';
import {
  appendixLists,
  blankTemplateKeys,
  blankTemplateTitle,
  MAX_TEMPLATE_PAGES,
  referenceKind,
  type BlankTemplateKey,
} from '../../../shared/printing';
import { registers, type RegisterKey } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import { registerKeys } from '../../../shared/registers/keys';
import { formatDateTime } from '../../../shared/time';
import { usbReceiptKeepers } from '../../../shared/usbReceipts';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { OutageFilter } from '../../components/OutageFilter';
import { usePrintPreview } from '../../components/preview/usePrintPreview';

/**
 * "Utskrifter": blank templates for the binder, and filled registers for the filing
 * cabinet. Each is prepared in main and shown for preview, to print through the system's
 * print dialog or save as a PDF file.
 */
export function PrintingPage() {
  const { user, unit } = useSession();
  const preview = usePrintPreview();
  const busy = preview.preparing;
  const [pages, setPages] = useState<Record<string, string>>({});
  const [outages, setOutages] = useState<Outage[]>([]);
  const readable = registerKeys.filter((key) => mayRead(registers[key], user.role));
  const mayPrintCustodians = allows(custodianReaders, user.role);
  const mayPrintUsb = allows(usbReceiptKeepers, user.role);
  const [register, setRegister] = useState<RegisterKey>(readable[0] ?? 'decisions');
  const [outageId, setOutageId] = useState<string | null>(null);
  const [onlyMine, setOnlyMine] = useState(false);
  const [wholeOutage, setWholeOutage] = useState<string>('');

  useEffect(() => {
    void api()
      .outages.list()
      .then((result) => {
        if (!result.ok) return;
        setOutages(result.value);
        const first = result.value.find((o) => o.status !== 'planned');
        if (first) setWholeOutage((current) => current || first.id);
      });
  }, []);

  const pagesOf = (key: BlankTemplateKey) => pages[key] ?? '1';
  const pageCount = (key: BlankTemplateKey) => Number(pagesOf(key));
  const pagesValid = (key: BlankTemplateKey) => {
    const n = pageCount(key);
    return Number.isInteger(n) && n >= 1 && n <= MAX_TEMPLATE_PAGES;
  };
  const button = (what: string, label: string) => (busy === what ? 'Förbereder…' : label);
  const pastOutages = outages.filter((o) => o.status !== 'planned');

  return (
    <section aria-labelledby="printing-title" className="printing">
      <h1 id="printing-title">Utskrifter</h1>
      <p className="muted">
        Skriv ut blanketter till reservpärmen och förteckningar över det som registrerats. Du ser
        dokumentet först och väljer sedan att skriva ut det eller spara det som PDF.
      </p>
      <div aria-live="polite">
        {busy && (
          <div className="alert alert--info" role="status">
            Förbereder dokumentet…
          </div>
        )}
      </div>
      {preview.error && (
        <div className="alert alert--error" role="alert">
          {preview.error}
        </div>
      )}
      {preview.dialog}

      <h2>Blanketter till pärmen</h2>
      <p className="muted">
        Blanketter med referenser får nya referensnummer vid varje utskrift. När de skrivits ut
        eller sparats visas de under ”Ej införda blanketter” tills posten förts in eller raden
        skrivits av.
      </p>
      <table className="table" aria-label="Blanketter">
        <thead>
          <tr>
            <th scope="col">Blankett</th>
            <th scope="col">Sidor</th>
            <th scope="col">
              <span className="visually-hidden">Förhandsgranska</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {blankTemplateKeys.map((key) => {
            const title = blankTemplateTitle(key, unit.cardProvider);
            return (
              <tr key={key}>
                <td>
                  {title}
                  {referenceKind(key) && <span className="muted"> · med referenser</span>}
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={MAX_TEMPLATE_PAGES}
                    className="input--pages"
                    aria-label={`Antal sidor, ${title}`}
                    aria-invalid={pagesValid(key) ? undefined : true}
                    value={pagesOf(key)}
                    onChange={(event) => setPages({ ...pages, [key]: event.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Förhandsgranska ${title}`}
                    disabled={busy !== null || !pagesValid(key)}
                    onClick={() =>
                      void preview.open(key, title, () =>
                        api().print.blankTemplate({ key, pages: pageCount(key) }),
                      )
                    }
                  >
                    {button(key, 'Förhandsgranska')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2>Förteckning över ett register</h2>
      <div className="filters">
        <label className="filter">
          <span>Register</span>
          <select
            value={register}
            onChange={(event) => setRegister(event.target.value as RegisterKey)}
          >
            {readable.map((key) => (
              <option key={key} value={key}>
                {registers[key].title}
              </option>
            ))}
          </select>
        </label>
        <OutageFilter outages={outages} value={outageId} onChange={setOutageId} />
        <label className="filter filter--check">
          <input
            type="checkbox"
            checked={onlyMine}
            onChange={(event) => setOnlyMine(event.target.checked)}
          />
          <span>Bara mina poster</span>
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== null || readable.length === 0}
          onClick={() =>
            void preview.open('register', `Förteckning: ${registers[register].title}`, () =>
              api().print.register({
                register,
                filter: { outageId, createdById: onlyMine ? user.id : null },
              }),
            )
          }
        >
          {button('register', 'Förhandsgranska förteckning')}
        </button>
      </div>

      <h2>Hela avbrottet</h2>
      <p className="muted">
        Alla register du har tillgång till för ett avbrott, i ett dokument, med makulerade poster
        överstrukna{allows(usbReceiptKeepers, user.role) && ', och avbrottets USB-minnen'}.
      </p>
      {pastOutages.length === 0 ? (
        <p>Det finns inga avbrott ännu.</p>
      ) : (
        <div className="filters">
          <label className="filter">
            <span>Avbrott</span>
            <select value={wholeOutage} onChange={(event) => setWholeOutage(event.target.value)}>
              {pastOutages.map((o) => (
                <option key={o.id} value={o.id}>
                  {formatDateTime(o.startsAt)} – nivå {o.level}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={busy !== null || !wholeOutage}
            onClick={() =>
              void preview.open('outage', 'Förteckning över hela avbrottet', () =>
                api().print.outage({ outageId: wholeOutage }),
              )
            }
          >
            {button('outage', 'Förhandsgranska hela avbrottet')}
          </button>
        </div>
      )}

      {(mayPrintCustodians || mayPrintUsb) && (
        <>
          <h2>Kassaförvaltare och USB-minnen</h2>
          <p className="muted">Bilaga 1 och 2 ifyllda med det som registrerats här.</p>
          <div className="filters">
            {mayPrintCustodians && (
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() =>
                  void preview.open('custodianList', appendixLists.custodians.title, () =>
                    api().print.custodians(),
                  )
                }
              >
                {button('custodianList', 'Förhandsgranska lista över kassaförvaltare')}
              </button>
            )}
            {mayPrintUsb && (
              <button
                type="button"
                className="button button--primary"
                disabled={busy !== null}
                onClick={() =>
                  void preview.open('usbReceiptList', appendixLists.usbReceipts.title, () =>
                    api().print.usbReceipts({ outageId: null }),
                  )
                }
              >
                {button('usbReceiptList', 'Förhandsgranska kvittenslista för USB-minnen')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
