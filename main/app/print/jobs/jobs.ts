import type { Custodian } from '../../../../shared/custodians';
import type { BlankTemplateKey } from '../../../../shared/printing';
import type { UsbReceipt } from '../../../../shared/usbReceipts';
import { buildAuditLogList, type AuditLogListOptions } from '../auditLogList';
import type { PrintContext } from '../document';
import { buildCustodianList, buildUsbReceiptList } from '../filledLists';
import { buildFilledRegister, buildRegisterSections } from '../filledRegister';
import type { FilledRegisterOptions, PrintSection, RegisterSection } from '../filledRegister';
import type { BlankTemplateInput } from '../templateInput';
import { blankTemplates } from '../templates';

/**
 * One PDF to build: plain data only (strings, numbers, Dates, arrays), so that it crosses
 * to the print worker by structured clone exactly as it is built in process.
 */
export type PdfJob =
  | { kind: 'blankTemplate'; key: BlankTemplateKey; input: BlankTemplateInput }
  | { kind: 'register'; options: FilledRegisterOptions & RegisterSection }
  | { kind: 'sections'; options: FilledRegisterOptions; sections: PrintSection[] }
  | { kind: 'custodians'; options: PrintContext & { custodians: Custodian[] } }
  | {
      kind: 'usbReceipts';
      options: PrintContext & { subtitle?: string; receipts: UsbReceipt[] };
    }
  | { kind: 'auditLog'; options: AuditLogListOptions };

/** Builds a job's PDF: the one place that knows which builder serves which job. */
export function runPdfJob(job: PdfJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'blankTemplate':
      return blankTemplates[job.key].build(job.input);
    case 'register':
      return buildFilledRegister(job.options);
    case 'sections':
      return buildRegisterSections(job.options, job.sections);
    case 'custodians':
      return buildCustodianList(job.options);
    case 'usbReceipts':
      return buildUsbReceiptList(job.options);
    case 'auditLog':
      return buildAuditLogList(job.options);
  }
}
