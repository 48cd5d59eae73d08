import {
  blankTemplateKeys,
  blankTemplateTitle,
  checklistTitle,
  contactsTitle,
  paymentBasisTitle,
  type BlankTemplateKey,
} from '../../../shared/printing';
import { blankHandSheet, handSheetTitle } from './handSheets';
import { blankPaymentBasis } from './paymentBasis';
import { blankRecordSheets } from './recordSheets';
import {
  blankCustodians,
  blankRegisterForm,
  blankUsbReceipts,
  REGISTER_ROWS_PER_PAGE,
} from './registerTemplates';
import { printChecklist, printFaultContacts } from './routines';
import type { BlankTemplateInput } from './templateInput';

export { blankTemplateKeys };
export type { BlankTemplateKey };

export interface BlankTemplate {
  /** The title as printed; for Bilaga 5 with the unit's card provider. */
  title: (cardProvider: string) => string;
  /** Pre-printed references on one page (0: the template carries none). */
  referencesPerPage: number;
  build: (input: BlankTemplateInput) => Promise<Uint8Array>;
}

const appendix = (
  template: 'decisionList' | 'otherDocumentList' | 'payoutList',
  key: 'decisions' | 'otherDocuments' | 'payouts',
): BlankTemplate => ({
  title: (cardProvider) => blankTemplateTitle(template, cardProvider),
  referencesPerPage: REGISTER_ROWS_PER_PAGE,
  build: (input) => blankRegisterForm(key, input),
});

const sheet = (
  template: 'decisionDocument' | 'orderForm' | 'journalSheet',
  key: 'decisions' | 'orders' | 'journalNotes',
): BlankTemplate => ({
  title: () => blankTemplateTitle(template, ''),
  referencesPerPage: 1,
  build: (input) => blankRecordSheets(key, input),
});

const fixed = (
  title: string,
  build: (input: BlankTemplateInput) => Promise<Uint8Array>,
): BlankTemplate => ({ title: () => title, referencesPerPage: 0, build });

/** Every blank template for the binder, in the order the "Utskrifter" page lists them. */
export const blankTemplates: Record<BlankTemplateKey, BlankTemplate> = {
  custodians: fixed(blankTemplateTitle('custodians', ''), blankCustodians),
  usbReceipts: fixed(blankTemplateTitle('usbReceipts', ''), blankUsbReceipts),
  decisionList: appendix('decisionList', 'decisions'),
  otherDocumentList: appendix('otherDocumentList', 'otherDocuments'),
  payoutList: appendix('payoutList', 'payouts'),
  decisionDocument: sheet('decisionDocument', 'decisions'),
  orderForm: sheet('orderForm', 'orders'),
  journalSheet: sheet('journalSheet', 'journalNotes'),
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
