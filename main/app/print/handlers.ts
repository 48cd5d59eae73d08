import type { SessionUser } from '../../../shared/contract';
import type { Outage } from '../../../shared/outages';
import {
  blankTemplateFileWords,
  pdfFileName,
  referenceKind,
  type BlankTemplateKey,
} from '../../../shared/printing';
import { registerKeys } from '../../../shared/registers/keys';
import { registers, type RegisterDefinition, type RegisterKey } from '../../../shared/registers';
import type { RegisterListFilter } from '../../../shared/registers/schemas';
import { roleLabels } from '../../../shared/roles';
import { AppError } from '../../../shared/result';
import { localDate } from '../../../shared/time';
import { recordAudit } from '../audit/auditLog';
import { UserEntity } from '../db/entities/userRecord';
import type { HandlersOf } from '../handler';
import { listOutages } from '../outages/outageService';
import { listReconciliations } from '../payouts/reconciliations';
import { reserveReferences } from '../references/referenceService';
import type { HeldDocument } from '../documents/heldDocuments';
import { requireActor, type HandlerContext } from '../state';
import { getLocalRoutines } from '../unit/localRoutines';
import { getUnit } from '../unit/unitService';
import { loadPrintRecords, printSubtitle, referencesNeeded, type RegisterSection } from '.';

/*
 * A print channel prepares a PDF for the preview: records loaded here, on the router's
 * queue, the PDF built by the print worker (state.pdf), the result held in main's memory
 * for `documents.print` and `documents.save`, which audit what was printed. Showing a
 * preview is not a print: nothing is recorded until the PDF leaves the app.
 */

type Prepared = { documentId: string; fileName: string; pdfBase64: string };

function prepared(context: HandlerContext, actor: SessionUser, document: HeldDocument): Prepared {
  const { bytes } = document;
  return {
    documentId: context.state.documents.hold(actor.id, document),
    fileName: document.fileName,
    pdfBase64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

const mayRead = (definition: RegisterDefinition, actor: SessionUser): boolean =>
  definition.access.read === 'all' ||
  (definition.access.read as readonly string[]).includes(actor.role);

/** Refused like the router refuses a channel: the same words, the refusal kept. */
async function refuse(context: HandlerContext, actor: SessionUser, what: string): Promise<never> {
  await context.state.db().transaction((em) =>
    recordAudit(em, {
      actor,
      at: context.now,
      action: 'access.denied',
      entity: 'channel',
      entityId: what,
    }),
  );
  throw new AppError(
    'FORBIDDEN',
    `Din roll (${roleLabels[actor.role]}) får inte göra detta. Kontakta enhetschefen.`,
  );
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
  const actor = requireActor(context);
  const { now, state } = context;
  const dataSource = state.db();
  const count = referencesNeeded(key, pages);
  const kind = referenceKind(key);
  const unit = await getUnit(dataSource);
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
      unit: unit.name,
      printedBy: actor.fullName,
      printedAt: now,
      references: printed,
      pages,
      routines,
      cardProvider: unit.cardProvider,
    },
  });
  return prepared(context, actor, {
    fileName: pdfFileName(blankTemplateFileWords(key), localDate(now)),
    bytes,
    audit: {
      action: 'print.blankTemplate',
      entity: 'print',
      entityId: key,
      after: {
        key,
        pages,
        references: printed.length,
        first: printed[0] ?? null,
        last: printed.at(-1) ?? null,
      },
    },
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
  return {
    register,
    records,
    ...(register === 'payouts' ? { reconciliations: await listReconciliations(dataSource) } : {}),
  };
}

async function printRegister(
  { register, filter }: { register: RegisterKey; filter: RegisterListFilter },
  context: HandlerContext,
): Promise<Prepared> {
  const actor = requireActor(context);
  const { now, state } = context;
  const dataSource = state.db();
  const definition = registers[register];
  if (!mayRead(definition, actor)) return refuse(context, actor, 'print.register');
  const outage = filter.outageId ? await findOutage(context, filter.outageId) : null;
  const person = filter.createdById
    ? await dataSource.getRepository(UserEntity).findOneBy({ id: filter.createdById })
    : null;
  const printed = await section(context, register, filter);
  const unit = await getUnit(dataSource);
  const bytes = await state.pdf.build({
    kind: 'register',
    options: {
      unit: unit.name,
      printedBy: actor.fullName,
      printedAt: now,
      cardProvider: unit.cardProvider,
      subtitle: printSubtitle({ outage, filter, personName: person?.fullName ?? null }),
      ...printed,
    },
  });
  return prepared(context, actor, {
    fileName: pdfFileName(`Forteckning ${definition.title}`, localDate(now)),
    bytes,
    // What was printed, never whom: the register and the number of rows.
    audit: {
      action: 'print.register',
      entity: 'print',
      entityId: register,
      after: { register, rows: printed.records.length, outageId: filter.outageId },
    },
  });
}

async function printOutage(
  { outageId }: { outageId: string },
  context: HandlerContext,
): Promise<Prepared> {
  const actor = requireActor(context);
  const { now, state } = context;
  const dataSource = state.db();
  const outage = await findOutage(context, outageId);
  const readable = registerKeys.filter((key) => mayRead(registers[key], actor));
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
  const unit = await getUnit(dataSource);
  const bytes = await state.pdf.build({
    kind: 'sections',
    options: {
      unit: unit.name,
      printedBy: actor.fullName,
      printedAt: now,
      cardProvider: unit.cardProvider,
      subtitle: printSubtitle({ outage, filter: { voided: 'include' } }),
    },
    sections,
  });
  return prepared(context, actor, {
    fileName: pdfFileName('Forteckning Avbrott', localDate(outage.startsAt)),
    bytes,
    audit: {
      action: 'print.outage',
      entity: 'print',
      entityId: outageId,
      after: {
        outageId,
        registers: Object.fromEntries(sections.map((s) => [s.register, s.records.length])),
      },
    },
  });
}

export const printHandlers: HandlersOf<'print'> = {
  'print.blankTemplate': printBlankTemplate,
  'print.register': printRegister,
  'print.outage': printOutage,
};
