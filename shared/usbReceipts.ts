import { bySwedish } from './swedishText';
import { z } from 'zod';
import { dateInput, requiredText } from './fields';

/**
 * The one way two stick numbers are compared: "USB10", "USB 10", "usb-10" and "Usb_10" are
 * the same stick. Case, spaces and punctuation are left out; letters (å ä ö too) and
 * digits are kept in order. Used for uniqueness (the database's index holds this key),
 * lookup and return matching, never for display: a receipt shows the number as typed.
 */
export function stickKey(stickNumber: string): string {
  return stickNumber
    .normalize('NFKC')
    .toLocaleUpperCase('sv-SE')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export const usbReceiptSchema = z.object({
  id: z.string(),
  stickNumber: z.string(),
  outageId: z.string().nullable(),
  issuedOn: z.string(),
  receiverName: z.string(),
  receiverSignature: z.string(),
  workplace: z.string(),
  issuedByName: z.string(),
  returnedOn: z.string().nullable(),
  returnedSignature: z.string().nullable(),
  returnedByName: z.string().nullable(),
  /** The unit's user it was lent to, when picked from the list (null: someone else). */
  receiverUserId: z.string().nullable(),
  /** Still out although its outage has ended: the data on it should have been entered. */
  outlastsOutage: z.boolean(),
});
export type UsbReceipt = z.infer<typeof usbReceiptSchema>;

const date = dateInput('Ange datum som ÅÅÅÅ-MM-DD.');

export const issueUsbInput = z.object({
  stickNumber: requiredText('USB-minnets nummer', 40).refine((value) => stickKey(value) !== '', {
    error: 'USB-minnets nummer ska innehålla bokstäver eller siffror, t.ex. USB 10.',
  }),
  issuedOn: date,
  receiverName: requiredText('mottagarens namn', 120),
  /** The receiver's signature (initials) as on the paper receipt. */
  receiverSignature: requiredText('mottagarens signatur', 20),
  workplace: requiredText('arbetsplats', 120),
  outageId: z.uuid({ error: 'Välj ett avbrott.' }).nullable(),
  /**
   * One of the unit's users, picked from the list: main then takes the name and signature
   * from the user. Null for someone else ("Annan person…"), typed in.
   */
  receiverUserId: z.uuid({ error: 'Välj mottagare.' }).nullable().default(null),
});

export const returnUsbInput = z.object({
  id: z.uuid({ error: 'Välj USB-minnet igen.' }),
  returnedOn: date,
  /** "Här vidimeras att all data på USB är infört och rensat från USB innan återlämning." */
  certified: z.literal(true, {
    error: 'Intyga att all data på USB-minnet är införd och rensad innan det lämnas tillbaka.',
  }),
});

export const listUsbInput = z.object({
  outageId: z.uuid().nullable(),
  onlyOut: z.boolean(),
});

/** The certification signed when a stick comes back (Bilaga 2's fourth column). */
export const usbReturnCertification =
  'Här vidimeras att all data på USB är infört och rensat från USB innan återlämning';

/**
 * Bilaga 2 "Kvittenslista för USB-minnen": the paper list's columns, in its order, with
 * their one heading for the blank form, the filled list and the USB page. The return
 * column's certification is its hint, printed under the heading: the signature there
 * certifies it.
 */
export const usbReceiptColumns = [
  { key: 'issuedOn', label: 'Datum utlämning' },
  { key: 'receiver', label: 'Namn och signatur' },
  { key: 'workplace', label: 'Arbetsplats' },
  {
    key: 'returned',
    label: 'Infört och rensat, datum/signatur',
    hint: `${usbReturnCertification} genom datum/signatur.`,
  },
  { key: 'stickNumber', label: 'USB-minnets nummer' },
] as const satisfies readonly { key: string; label: string; hint?: string }[];
export type UsbReceiptColumn = (typeof usbReceiptColumns)[number]['key'];

/** A column's heading by its key. */
export const usbReceiptHeading = (key: UsbReceiptColumn): string =>
  usbReceiptColumns.find((c) => c.key === key)!.label;

/** A receipt's text in a column, the same on the page and on paper. */
export function usbReceiptCell(receipt: UsbReceipt, key: UsbReceiptColumn): string {
  switch (key) {
    case 'issuedOn':
      return receipt.issuedOn;
    case 'receiver':
      return `${receipt.receiverName} (${receipt.receiverSignature})`;
    case 'workplace':
      return receipt.workplace;
    case 'returned':
      return receipt.returnedOn
        ? `${receipt.returnedOn} ${receipt.returnedSignature ?? ''}`.trim()
        : 'Ej återlämnat';
    case 'stickNumber':
      return receipt.stickNumber;
  }
}

/** The flag on a stick still out after its outage has ended (USB page, outages page). */
export const outlastsOutageWords = 'Kvar efter avbrottet';

/** USB sticks are the enhetschef's: lent, taken back and listed (Bilaga 2). */
export const usbReceiptKeepers = ['unitManager'] as const;

/** Bilaga 2's rows: in the order the sticks were lent, as the paper list is written. */
export function inIssueOrder(receipts: readonly UsbReceipt[]): UsbReceipt[] {
  const byStick = bySwedish((r: UsbReceipt) => r.stickNumber);
  return [...receipts].sort(
    (a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : 0) || byStick(a, b),
  );
}
