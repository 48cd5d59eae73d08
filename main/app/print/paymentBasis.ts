import { fieldRow, note, type Cursor } from './blocks';
import { PrintDocument } from './document';
import { drawTable } from './table';
import type { BlankTemplateInput } from './templateInput';

import { paymentBasisTitle } from '../../../shared/printing';
import { columnHeadings } from '../../../shared/registers/headings';

export { paymentBasisTitle };

/**
 * The payment basis for fees and expenses (Spånga-Tensta 2.7, the city's form SF1006)
 * when it must be paid by hand: to an assignee (contact person, family home), sent by fax
 * or internal mail to the service administration.
 */
export async function blankPaymentBasis(input: BlankTemplateInput): Promise<Uint8Array> {
  const print = await PrintDocument.create(input, paymentBasisTitle);
  for (let p = 0; p < (input.pages ?? 1); p++) {
    const heading = { title: paymentBasisTitle, orientation: 'portrait' as const };
    const frame = print.addPage(heading);
    const cursor: Cursor = { print, frame, y: frame.top };
    note(
      cursor,
      'Används när arvode eller omkostnader måste betalas ut manuellt under avbrott. Skickas per fax eller internpost till serviceförvaltningen.',
    );
    fieldRow(cursor, [{ label: 'Uppdragstagarens namn', weight: 2 }, { label: 'Personnummer' }]);
    fieldRow(cursor, [{ label: 'Adress', weight: 2 }, { label: 'Postnummer och ort' }]);
    fieldRow(cursor, [{ label: 'Bank' }, { label: 'Clearingnummer' }, { label: 'Kontonummer' }]);
    fieldRow(cursor, [
      { label: 'Uppdrag (kontaktperson, kontaktfamilj, familjehem, …)', weight: 2 },
      { label: 'Period (från–till)' },
    ]);
    fieldRow(cursor, [
      { label: columnHeadings.clientName, weight: 2 },
      { label: 'Klientens personnummer' },
    ]);
    const columns = [
      { header: 'Avser (arvode, omkostnad, reseersättning)', weight: 4 },
      { header: 'Antal', weight: 1 },
      { header: 'À-pris', weight: 1.3 },
      { header: 'Belopp', weight: 1.5 },
    ];
    const rows = [
      ...Array.from({ length: 8 }, () => ({ cells: ['', '', '', ''] })),
      { cells: ['Summa att betala ut', '', '', ''], bold: true },
    ];
    const end = drawTable(
      print,
      { ...frame, top: cursor.y - 6 },
      print.continuation(heading),
      columns,
      rows,
      {
        size: 8.5,
        minRowHeight: 22,
      },
    );
    cursor.frame = end.page;
    cursor.y = end.y - 14;
    fieldRow(cursor, [{ label: 'Handläggare' }, { label: 'Telefon' }, { label: 'Datum' }]);
    fieldRow(cursor, [
      { label: 'Beslutsfattare/attest, namnförtydligande', weight: 2 },
      { label: 'Underskrift', weight: 2 },
    ]);
  }
  return print.save();
}
