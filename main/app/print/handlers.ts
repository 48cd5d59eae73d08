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
import { recordAudit } from '../audit/auditLog';
import { listCustodians } from '../custodians/custodianService';
import { UserEntity } from '../db/entities/userRecord';
import type { HandlersOf } from '../handler';
import { listOutages } from '../outages/outageService';
import { listReconciliations } from '../payouts/reconciliations';
import { allocateReferences } from '../references/referenceService';
import { refuse } from '../refusal';
import { requireActor, type HandlerContext } from '../state';
import { getLocalRoutines } from '../unit/localRoutines';
import { getUnit } from '../unit/unitService';
import { listUsbReceipts } from '../usbReceipts/usbService';
import {
  blankTemplates,
  buildCustodianList,
  buildFilledRegister,
  buildRegisterSections,
  buildUsbReceiptList,
  loadPrintRecords,
  payoutsLeftOut,
  printSubtitle,
  referencesNeeded,
  type RegisterSection,
} from '.';

/*
 * The PDFs are built here in main, on the router's queue: a few seconds for a binder's
 * worth of templates or a register of some thousand rows. If a 10 000-row register must
 * not hold the queue (and every other channel) that long, a worker thread is the next step.
 */

type Pdf = { fileName: string; pdfBase64: string };

const pdf = (fileName: string, bytes: Uint8Array): Pdf => ({
  fileName,
  pdfBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
});

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
): Promise<Pdf> {
  const actor = requireActor(context);
  const { now } = context;
  const dataSource = context.state.db();
  const count = referencesNeeded(key, pages);
  const kind = referenceKind(key);
  const unit = await getUnit(dataSource);
  const routines = await getLocalRoutines(dataSource);
  // The references exist in the database exactly when they are printed: allocated, the
  // PDF built from them and the print audited in one transaction, so a build that fails
  // leaves no references waiting to be transcribed and no audit of a print that never was.
  const bytes = await dataSource.transaction(async (manager) => {
    const allocated =
      count > 0 && kind ? await allocateReferences(manager, { kind, count, actor, now }) : [];
    const built = await blankTemplates[key].build({
      unit: unit.name,
      printedBy: actor.fullName,
      printedAt: now,
      references: allocated,
      pages,
      routines,
      cardProvider: unit.cardProvider,
    });
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'print.blankTemplate',
      entity: 'print',
      entityId: key,
      after: {
        key,
        pages,
        kind: allocated.length > 0 ? kind : null,
        references: allocated.length,
        first: allocated[0] ?? null,
        last: allocated.at(-1) ?? null,
      },
    });
    return built;
  });
  return pdf(pdfFileName(blankTemplateFileWords(key), localDate(now)), bytes);
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
): Promise<Pdf> {
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
  const unit = await getUnit(dataSource);
  // Built before the print is audited: a build that fails was no print.
  const bytes = await buildFilledRegister({
    unit: unit.name,
    printedBy: actor.fullName,
    printedAt: now,
    cardProvider: unit.cardProvider,
    subtitle: printSubtitle({ outage, filter, personName: person?.fullName ?? null }),
    ...printed,
  });
  // What was printed, never whom: the register and the number of rows.
  await auditPrint(context, 'print.register', register, {
    register,
    rows: printed.records.length,
    outageId: filter.outageId,
  });
  return pdf(pdfFileName(`Forteckning ${definition.title}`, localDate(now)), bytes);
}

async function printOutage(
  { outageId }: { outageId: string },
  context: HandlerContext,
): Promise<Pdf> {
  const actor = requireActor(context);
  const { now } = context;
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
    ? await listUsbReceipts(dataSource, { outageId, onlyOut: false })
    : null;
  const unit = await getUnit(dataSource);
  const bytes = await buildRegisterSections(
    {
      unit: unit.name,
      printedBy: actor.fullName,
      printedAt: now,
      cardProvider: unit.cardProvider,
      subtitle: printSubtitle({ outage, filter: { voided: 'include' } }),
    },
    receipts ? [...sections, { list: 'usbReceipts', receipts }] : sections,
  );
  await auditPrint(context, 'print.outage', outageId, {
    outageId,
    registers: Object.fromEntries(sections.map((s) => [s.register, s.records.length])),
    ...(receipts ? { usbReceipts: receipts.length } : {}),
  });
  return pdf(pdfFileName('Forteckning Avbrott', localDate(outage.startsAt)), bytes);
}

/** Bilaga 1 filled in: the custodians of now (the channel's access is the list's). */
async function printCustodians(_input: undefined, context: HandlerContext): Promise<Pdf> {
  const actor = requireActor(context);
  const dataSource = context.state.db();
  const custodians = await listCustodians(dataSource);
  const unit = await getUnit(dataSource);
  const bytes = await buildCustodianList({
    unit: unit.name,
    printedBy: actor.fullName,
    printedAt: context.now,
    custodians,
  });
  await auditPrint(context, 'print.custodians', 'custodians', {
    rows: custodians.filter((c) => c.active).length,
  });
  const words = `Forteckning ${appendixLists.custodians.title}`;
  return pdf(pdfFileName(words, localDate(context.now)), bytes);
}

/** Bilaga 2 filled in: every receipt, or those of one outage. */
async function printUsbReceipts(
  { outageId }: { outageId: string | null },
  context: HandlerContext,
): Promise<Pdf> {
  const actor = requireActor(context);
  const dataSource = context.state.db();
  const outage = outageId ? await findOutage(context, outageId) : null;
  const receipts = await listUsbReceipts(dataSource, { outageId, onlyOut: false });
  const unit = await getUnit(dataSource);
  const bytes = await buildUsbReceiptList({
    unit: unit.name,
    printedBy: actor.fullName,
    printedAt: context.now,
    subtitle: printSubtitle({ outage }),
    receipts,
  });
  await auditPrint(context, 'print.usbReceipts', 'usbReceipts', {
    rows: receipts.length,
    outageId,
  });
  const words = `Forteckning ${appendixLists.usbReceipts.title}`;
  return pdf(pdfFileName(words, localDate(context.now)), bytes);
}

/** A filled list printed: one audit entry, with what was printed, never whom. */
async function auditPrint(
  context: HandlerContext,
  action: string,
  entityId: string,
  after: Record<string, unknown>,
): Promise<void> {
  await context.state.db().transaction((manager) =>
    recordAudit(manager, {
      actor: requireActor(context),
      at: context.now,
      action,
      entity: 'print',
      entityId,
      after,
    }),
  );
}

export const printHandlers: HandlersOf<'print'> = {
  'print.blankTemplate': printBlankTemplate,
  'print.register': printRegister,
  'print.outage': printOutage,
  'print.custodians': printCustodians,
  'print.usbReceipts': printUsbReceipts,
};
