import type { BlankTemplateKey } from '../../../../shared/printing';
import { buildFilledRegister, buildRegisterSections } from '../filledRegister';
import type { FilledRegisterOptions, RegisterSection } from '../filledRegister';
import type { BlankTemplateInput } from '../templateInput';
import { blankTemplates } from '../templates';

/**
 * One PDF to build: plain data only (strings, numbers, Dates, arrays), so that it crosses
 * to the print worker by structured clone exactly as it is built in process.
 */
export type PdfJob =
  | { kind: 'blankTemplate'; key: BlankTemplateKey; input: BlankTemplateInput }
  | { kind: 'register'; options: FilledRegisterOptions & RegisterSection }
  | { kind: 'sections'; options: FilledRegisterOptions; sections: RegisterSection[] };

/** Builds a job's PDF: the one place that knows which builder serves which job. */
export function runPdfJob(job: PdfJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'blankTemplate':
      return blankTemplates[job.key].build(job.input);
    case 'register':
      return buildFilledRegister(job.options);
    case 'sections':
      return buildRegisterSections(job.options, job.sections);
  }
}
