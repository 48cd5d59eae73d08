import type { AuditAction } from '../../../shared/audit/actions';
import { allows } from '../../../shared/access';
import type { Outage } from '../../../shared/outages';
import {
  appendixLists,
  blankTemplateFileWords,
  pdfFileName,
  referenceKind,
  type BlankTemplateKey,
} from '../../../shared/printing';
import { registerKeys } from '../../../shared/registers/keys';
import { registers, type RegisterKey } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import type { RegisterListFilter } from '../../../shared/registers/schemas';
import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import { usbReceiptKeepers } from '../../../shared/usbReceipts';
import { currentCustodians } from '../../../shared/custodians';
import { listCustodians } from '../custodians/custodianService';
import { UserEntity } from '../db/entities/userRecord';
import type { HandlersOf } from '../handler';
import { listOutages } from '../outages/outageService';
import { listReconciliations } from '../payouts/reconciliations';
import type { HeldDocument } from '../documents/heldDocuments';
import { reserveReferences } from '../references/referenceService';
import { refuse } from '../refusal';
import { requireActor, type HandlerContext } from '../state';
import { getLocalRoutines } from '../unit/localRoutines';
import { getUnit } from '../unit/unitService';
import { listUsbReceipts } from '../usbReceipts/usbService';
import {
  loadPrintRecords,
  payoutsLeftOut,
  printSubtitle,
  referencesNeeded,
  type RegisterSection,
} from '.';

/*
 * A print channel prepares a PDF for the preview: records loaded here, on the router's
 * queue, the PDF built by the print worker (state.pdf), the result held in main's memory
 * for `documents.print` and `documents.save`, which audit what was printed (one entry,
 * with what was printed, never whom). Showing a preview is not a print: nothing is
 * recorded until the PDF leaves the app.
 */

export type Prepared = { documentId: string; fileName: string; pdfBase64: string };

export function prepared(context: HandlerContext, document: HeldDocument): Prepared {
  const { bytes } = document;
  return {
    documentId: context.state.documents.hold(requireActor(context).id, document),
    fileName: document.fileName,
    pdfBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

/** The audit entry a print or save of the document will make. */
const printAudit = (action: AuditAction, entityId: string, after: Record<string, unknown>) => ({
  action,
  entity: 'print',
  entityId,
  after,
});

/** What every page says: the unit, who printed and when; and the unit's card provider. */
export async function pageFrame(context: HandlerContext) {
  const unit = await getUnit(context.state.db());
  return {
    unit: unit.name,
    printedBy: requireActor(context).fullName,
    printedAt: context.now,
    cardProvider: unit.cardProvider,
  };
}

async function findOutage(context: HandlerContext, outageId: string): Promise<Outage> {
  const outage = (await listOutages(context.state.db(), context.now)).find(
    (o) => o.id === outageId,
  );
  if (!outage) throw new AppError('NOT_FOUND', 'Avbrottet finns inte.');
  return outage;
}

async function printBlankTemplate(
  { key, pages }: { key: BlankTemplateKey; pages: number },
  context: HandlerContext,
): Promise<Prepared> {
  const { now, state } = context;
  const dataSource = state.db();
  const count = referencesNeeded(key, pages);
  const kind = referenceKind(key);
  const routines = await getLocalRoutines(dataSource);
  const references =
    count > 0 && kind
      ? await reserveReferences(dataSource.manager, {
          kind,
          count,
          reservedUpTo: state.documents.reservedUpTo(),
        })
      : undefined;
  const printed = references?.references.map((r) => r.reference) ?? [];
  const bytes = await state.pdf.build({
    kind: 'blankTemplate',
    key,
    input: {
      ...(await pageFrame(context)),
      references: printed,
      pages,
      routines,
    },
  });
  return prepared(context, {
    fileName: pdfFileName(blankTemplateFileWords(key), localDate(now)),
    bytes,
    audit: printAudit('print.blankTemplate', key, {
      key,
      pages,
      kind: printed.length > 0 ? kind : null,
      references: printed.length,
      first: printed[0] ?? null,
      last: printed.at(-1) ?? null,
    }),
    ...(references ? { references } : {}),
  });
}

async function section(
  context: HandlerContext,
  register: RegisterKey,
  filter: Partial<RegisterListFilter>,
): Promise<RegisterSection> {
  const dataSource = context.state.db();
  const definition = registers[register];
  const records = await loadPrintRecords(dataSource, definition, filter, context.now);
  if (register !== 'payouts') return { register, records };
  return {
    register,
    records,
    reconciliations: await listReconciliations(dataSource),
    leftOut: await payoutsLeftOut(dataSource, records),
  };
}

async function printRegister(
  { register, filter }: { register: RegisterKey; filter: RegisterListFilter },
  context: HandlerContext,
): Promise<Prepared> {
  const actor = requireActor(context);
  const { now } = context;
  const dataSource = context.state.db();
  const definition = registers[register];
  if (!mayRead(definition, actor.role)) return refuse(context.state, actor, 'print.register', now);
  const outage = filter.outageId ? await findOutage(context, filter.outageId) : null;
  const person = filter.createdById
    ? await dataSource.getRepository(UserEntity).findOneBy({ id: filter.createdById })
    : null;
  const printed = await section(context, register, filter);
  const bytes = await context.state.pdf.build({
    kind: 'register',
    options: {
      ...(await pageFrame(context)),
      subtitle: printSubtitle({ outage, filter, personName: person?.fullName ?? null }),
      ...printed,
    },
  });
  return prepared(context, {
    fileName: pdfFileName(`Forteckning ${definition.title}`, localDate(now)),
    bytes,
    audit: printAudit('print.register', register, {
      register,
      rows: printed.records.length,
      outageId: filter.outageId,
    }),
  });
}

async function printOutage(
  { outageId }: { outageId: string },
  context: HandlerContext,
): Promise<Prepared> {
  const actor = requireActor(context);
  const dataSource = context.state.db();
  const outage = await findOutage(context, outageId);
  const readable = registerKeys.filter((key) => mayRead(registers[key], actor.role));
  const sections: RegisterSection[] = [];
  for (const key of readable) {
    sections.push(
      await section(context, key, {
        outageId,
        voided: 'include',
        sort: 'createdAt',
        direction: 'asc',
      }),
    );
  }
  // The USB sticks lent during the outage, for the enhetschef who keeps Bilaga 2.
  const receipts = allows(usbReceiptKeepers, actor.role)
    ? await listUsbReceipts(dataSource, { outageId, onlyOut: false }, context.now)
    : null;
  const bytes = await context.state.pdf.build({
    kind: 'sections',
    options: {
      ...(await pageFrame(context)),
      subtitle: printSubtitle({ outage, filter: { voided: 'include' } }),
    },
    sections: receipts ? [...sections, { list: 'usbReceipts', receipts }] : sections,
  });
  return prepared(context, {
    fileName: pdfFileName('Forteckning Avbrott', localDate(outage.startsAt)),
    bytes,
    audit: printAudit('print.outage', outageId, {
      outageId,
      registers: Object.fromEntries(sections.map((s) => [s.register, s.records.length])),
      ...(receipts ? { usbReceipts: receipts.length } : {}),
    }),
  });
}

/** Bilaga 1 filled in: the custodians of now (the channel's access is the list's). */
async function printCustodians(_input: undefined, context: HandlerContext): Promise<Prepared> {
  const dataSource = context.state.db();
  const custodians = await listCustodians(dataSource);
  const bytes = await context.state.pdf.build({
    kind: 'custodians',
    options: { ...(await pageFrame(context)), custodians },
  });
  const words = `Forteckning ${appendixLists.custodians.title}`;
  return prepared(context, {
    fileName: pdfFileName(words, localDate(context.now)),
    bytes,
    audit: printAudit('print.custodians', 'custodians', {
      rows: currentCustodians(custodians).length,
    }),
  });
}

/** Bilaga 2 filled in: every receipt, or those of one outage. */
async function printUsbReceipts(
  { outageId }: { outageId: string | null },
  context: HandlerContext,
): Promise<Prepared> {
  const dataSource = context.state.db();
  const outage = outageId ? await findOutage(context, outageId) : null;
  const receipts = await listUsbReceipts(dataSource, { outageId, onlyOut: false }, context.now);
  const bytes = await context.state.pdf.build({
    kind: 'usbReceipts',
    options: {
      ...(await pageFrame(context)),
      subtitle: printSubtitle({ outage }),
      receipts,
    },
  });
  const words = `Forteckning ${appendixLists.usbReceipts.title}`;
  return prepared(context, {
    fileName: pdfFileName(words, localDate(context.now)),
    bytes,
    audit: printAudit('print.usbReceipts', 'usbReceipts', { rows: receipts.length, outageId }),
  });
}

export const printHandlers: HandlersOf<'print'> = {
  'print.blankTemplate': printBlankTemplate,
  'print.register': printRegister,
  'print.outage': printOutage,
  'print.custodians': printCustodians,
  'print.usbReceipts': printUsbReceipts,
};
