import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { countUnused, listUnused, writeOff } from './referenceService';

export const referenceHandlers: HandlersOf<'references'> = {
  'references.listUnused': ({ outageId }, { state }) =>
    listUnused(state.db().manager, { outageId }),
  'references.countUnused': async (_input, { state }) => ({
    total: await countUnused(state.db().manager),
  }),
  'references.writeOff': ({ references, reason }, context) =>
    writeOff(context.state.db(), {
      references,
      reason,
      actor: requireActor(context),
      now: context.now,
    }),
};
