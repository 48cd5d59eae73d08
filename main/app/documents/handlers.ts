import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { askSavePath, chooseAnotherPlace, dialogFailed } from '../desktop';
import type { HandlersOf } from '../handler';
import { recordPrintedReferences, unrecordPrintedReferences } from '../references/referenceService';
import { requireActor, type HandlerContext } from '../state';
import type { HeldDocument } from './heldDocuments';
import { writeFileAtomically } from './writeFile';

/** The one audit entry of a print or save: what was printed, and where it went. */
function auditHandOut(
  context: HandlerContext,
  document: HeldDocument,
  output: { to: 'printer' } | { to: 'file'; path: string },
) {
  const actor = requireActor(context);
  return (manager: Parameters<typeof recordAudit>[0]) =>
    recordAudit(manager, {
      ...document.audit,
      actor,
      at: context.now,
      after: { ...(document.audit.after as object), ...output },
    });
}

export const documentHandlers: HandlersOf<'documents'> = {
  async 'documents.print'({ documentId }, context) {
    const actor = requireActor(context);
    const { now, state } = context;
    const document = state.documents.get(documentId, actor.id);
    const references = document.references;
    // Recorded before the dialog opens: should the app stop while the printer prints,
    // the references are still known (and can be written off), never on paper unknown.
    if (references) {
      await state
        .db()
        .transaction((manager) => recordPrintedReferences(manager, references, { actor, now }));
    }
    const outcome = await state.desktop
      .printPdf({ title: document.fileName, bytes: document.bytes })
      .catch(() => 'failed' as const);
    if (outcome !== 'printed') {
      if (references) {
        await state
          .db()
          .transaction((manager) => unrecordPrintedReferences(manager, references, { actor, now }));
      }
      if (outcome === 'failed') throw dialogFailed('Det gick inte att skriva ut.');
      return { outcome };
    }
    await state.db().transaction(auditHandOut(context, document, { to: 'printer' }));
    state.documents.handedOut(documentId);
    return { outcome };
  },

  async 'documents.save'({ documentId }, context) {
    const actor = requireActor(context);
    const { now, state } = context;
    const document = state.documents.get(documentId, actor.id);
    const path = await askSavePath(state.desktop, {
      suggestedName: document.fileName,
      title: 'Spara som PDF',
      fileType: 'pdf',
    });
    if (path === null) return { savedAs: null };
    // The file is written inside the transaction: a file that could not be written
    // records no references and no save.
    await state.db().transaction(async (manager) => {
      const references = document.references;
      if (references) await recordPrintedReferences(manager, references, { actor, now });
      await writeFileAtomically(path, document.bytes).catch(() => {
        throw new AppError(
          'WRITE_FAILED',
          `Det gick inte att spara filen där. ${chooseAnotherPlace}`,
        );
      });
      // Where a copy of the unit's records went is for IT to see: the whole path.
      await auditHandOut(context, document, { to: 'file', path })(manager);
    });
    state.documents.handedOut(documentId);
    return { savedAs: path };
  },
};
