import { registers, type RegisterKey } from './registers';
import { printTitle } from './registers/headings';

/**
 * The blank templates for the binder, keyed and titled once for main (which builds them,
 * main/app/print/templates.ts) and the renderer (which lists them on "Utskrifter").
 */
export const blankTemplateKeys = [
  'custodians',
  'usbReceipts',
  'decisionList',
  'otherDocumentList',
  'payoutList',
  'decisionDocument',
  'orderForm',
  'journalSheet',
  'homeCareTime',
  'medicationSigning',
  'rehabSigning',
  'paymentBasis',
  'plannedOutageChecklist',
  'faultContacts',
] as const;
export type BlankTemplateKey = (typeof blankTemplateKeys)[number];

export const handSheetTitles = {
  homeCareTime: 'Reservblankett totaltidsregistrering',
  medicationSigning: 'Signeringslista läkemedel',
  rehabSigning: 'Signeringslista rehab',
} as const;
export type HandSheetKey = keyof typeof handSheetTitles;
export const paymentBasisTitle = 'Utbetalningsunderlag – arvode och omkostnader';
export const checklistTitle = 'Lokal checklista vid planerade avbrott';
export const contactsTitle = 'Felanmälan vid avbrott – kontaktlista';

/**
 * Bilaga 1 and 2: the unit's own lists, no register of records. Their titles as the plan
 * prints them, for the blank form ("Bilaga 1: Kassaförvaltare") and the filled list.
 */
export const appendixLists = {
  custodians: { appendix: 1, title: 'Kassaförvaltare' },
  usbReceipts: { appendix: 2, title: 'Kvittenslista för USB-minnen' },
} as const;
export type AppendixListKey = keyof typeof appendixLists;

/** "Bilaga 2: Kvittenslista för USB-minnen". */
export const appendixListTitle = (key: AppendixListKey): string =>
  `Bilaga ${appendixLists[key].appendix}: ${appendixLists[key].title}`;

/** The register a register form (Bilaga 3–5) belongs to. */
export const appendixRegister = {
  decisionList: 'decisions',
  otherDocumentList: 'otherDocuments',
  payoutList: 'payouts',
} as const satisfies Partial<Record<BlankTemplateKey, RegisterKey>>;

/** The register whose blank sheet (one record a sheet) a template is. */
export const sheetRegister = {
  decisionDocument: 'decisions',
  orderForm: 'orders',
  journalSheet: 'journalNotes',
} as const satisfies Partial<Record<BlankTemplateKey, RegisterKey>>;

/**
 * The register a reference printed on `kind` may be transcribed into: a Bilaga 3 row or a
 * decision document only into Beslut, a journal sheet only into Journalanteckningar. Null
 * for a kind this version does not know (then any register).
 */
export function registerOfReferenceKind(kind: string): RegisterKey | null {
  if (kind in registers) return kind as RegisterKey;
  if (kind in sheetRegister) return sheetRegister[kind as keyof typeof sheetRegister];
  return null;
}

/**
 * The kind a template's pre-printed references are recorded under (`printed_references.kind`):
 * a register form's register key, a sheet's own key. Null: the template carries none.
 */
export function referenceKind(key: BlankTemplateKey): string | null {
  if (key in appendixRegister) return appendixRegister[key as keyof typeof appendixRegister];
  if (key in sheetRegister) return key;
  return null;
}

const fixedTitles: Record<
  Exclude<BlankTemplateKey, keyof typeof appendixRegister | keyof typeof sheetRegister>,
  string
> = {
  custodians: appendixListTitle('custodians'),
  usbReceipts: appendixListTitle('usbReceipts'),
  ...handSheetTitles,
  paymentBasis: paymentBasisTitle,
  plannedOutageChecklist: checklistTitle,
  faultContacts: contactsTitle,
};

/** The title as printed; Bilaga 5's with the unit's card provider. */
export function blankTemplateTitle(key: BlankTemplateKey, cardProvider: string): string {
  if (key in appendixRegister) {
    const definition = registers[appendixRegister[key as keyof typeof appendixRegister]];
    return `Bilaga ${definition.blankForm!.appendix}: ${printTitle(definition, { cardProvider })}`;
  }
  if (key in sheetRegister) {
    return registers[sheetRegister[key as keyof typeof sheetRegister]].blankSheet!.title;
  }
  return fixedTitles[key as keyof typeof fixedTitles];
}

/** Pages of one blank template per print: enough for a binder, bounded for the PDF. */
export const MAX_TEMPLATE_PAGES = 200;

/**
 * An ASCII file name, safe on every file system and USB stick: "Bilaga-3-Beslut-2026-11-23.pdf".
 */
export function asciiFileName(words: string, date: string, extension: string): string {
  const ascii = words
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${ascii}-${date}.${extension}`;
}

/** "Bilaga-3-Beslut-2026-11-23.pdf". */
export const pdfFileName = (words: string, date: string): string =>
  asciiFileName(words, date, 'pdf');

/** The words of a blank template's file name, before the date. */
export function blankTemplateFileWords(key: BlankTemplateKey): string {
  if (key in appendixRegister) {
    const definition = registers[appendixRegister[key as keyof typeof appendixRegister]];
    return `Bilaga ${definition.blankForm!.appendix} ${definition.title}`;
  }
  return blankTemplateTitle(key, '');
}
