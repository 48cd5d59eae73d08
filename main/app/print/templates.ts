import { registers } from '../../../shared/registers';
import { printTitle } from '../../../shared/registers/print';
import { blankHandSheet, handSheetTitle } from './handSheets';
import { blankPaymentBasis, paymentBasisTitle } from './paymentBasis';
import { blankRecordSheets } from './recordSheets';
import {
  blankCustodians,
  blankRegisterForm,
  blankUsbReceipts,
  REGISTER_ROWS_PER_PAGE,
} from './registerTemplates';
import { checklistTitle, contactsTitle, printChecklist, printFaultContacts } from './routines';
import type { BlankTemplateInput } from './templateInput';

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

export interface BlankTemplate {
  /** The title as printed; for Bilaga 5 with the unit's card provider. */
  title: (cardProvider: string) => string;
  /** Pre-printed references on one page (0: the template carries none). */
  referencesPerPage: number;
  build: (input: BlankTemplateInput) => Promise<Uint8Array>;
}

const appendix = (key: 'decisions' | 'otherDocuments' | 'payouts'): BlankTemplate => ({
  title: (cardProvider) =>
    `Bilaga ${registers[key].blankForm!.appendix}: ${printTitle(registers[key], { cardProvider })}`,
  referencesPerPage: REGISTER_ROWS_PER_PAGE,
  build: (input) => blankRegisterForm(key, input),
});

const sheet = (key: 'decisions' | 'orders' | 'journalNotes'): BlankTemplate => ({
  title: () => registers[key].blankSheet!.title,
  referencesPerPage: 1,
  build: (input) => blankRecordSheets(key, input),
});

const fixed = (
  title: string,
  build: (input: BlankTemplateInput) => Promise<Uint8Array>,
): BlankTemplate => ({ title: () => title, referencesPerPage: 0, build });

/** Every blank template for the binder, in the order the "Utskrifter" page lists them. */
export const blankTemplates: Record<BlankTemplateKey, BlankTemplate> = {
  custodians: fixed('Bilaga 1: Kassaförvaltare', blankCustodians),
  usbReceipts: fixed('Bilaga 2: Kvittenslista för USB-minnen', blankUsbReceipts),
  decisionList: appendix('decisions'),
  otherDocumentList: appendix('otherDocuments'),
  payoutList: appendix('payouts'),
  decisionDocument: sheet('decisions'),
  orderForm: sheet('orders'),
  journalSheet: sheet('journalNotes'),
  homeCareTime: fixed(handSheetTitle('homeCareTime'), (i) => blankHandSheet('homeCareTime', i)),
  medicationSigning: fixed(handSheetTitle('medicationSigning'), (i) =>
    blankHandSheet('medicationSigning', i),
  ),
  rehabSigning: fixed(handSheetTitle('rehabSigning'), (i) => blankHandSheet('rehabSigning', i)),
  paymentBasis: fixed(paymentBasisTitle, blankPaymentBasis),
  plannedOutageChecklist: fixed(checklistTitle, printChecklist),
  faultContacts: fixed(contactsTitle, printFaultContacts),
};

/** How many references a template of `pages` pages needs (0 for a template without). */
export const referencesNeeded = (key: BlankTemplateKey, pages: number): number =>
  blankTemplates[key].referencesPerPage * pages;
