/**
 * Printing: pure builders, data in → PDF bytes out. Blank templates for the binder
 * (`blankTemplates`, `referencesNeeded`) and filled registers (`buildFilledRegister`,
 * `buildRegisterSections`, with `loadPrintRecords` to read what a list shows).
 */
export { blankTemplateKeys, blankTemplates, referencesNeeded } from './templates';
export type { BlankTemplate, BlankTemplateKey } from './templates';
export type { BlankTemplateInput } from './templateInput';
export type { PrintContext } from './document';
export { buildFilledRegister, buildRegisterSections } from './filledRegister';
export type {
  FilledRegisterOptions,
  PrintRecord,
  PrintSection,
  RegisterSection,
  UsbReceiptSection,
} from './filledRegister';
export { buildCustodianList, buildUsbReceiptList } from './filledLists';
export { loadPrintRecords, payoutsLeftOut } from './loadRecords';
export { printSubtitle } from './subtitle';
