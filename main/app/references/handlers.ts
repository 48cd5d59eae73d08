import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { listUnused, writeOff } from './referenceService';

export const referenceHandlers: HandlersOf<'references'> = {
  'references.listUnused': ({ outageId }, { state }) =>
    listUnused(state.db().manager, { outageId }),
  'references.writeOff': ({ references, reason }, context) =>
    writeOff(context.state.db(), {
      references,
      reason,
      actor: requireActor(context),
      now: context.now,
    }),
};
