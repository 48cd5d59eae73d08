import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { updateSettings } from '../unit/unitService';
import { cashCardAccount } from './cashCardAccount';
import { listReconciliations, reconcile } from './reconciliations';

export const cashCardHandlers: HandlersOf<'cashCard'> = {
  'cashCard.account': (_input, { state }) => cashCardAccount(state.db()),
  'cashCard.reconciliations': (_input, { state }) => listReconciliations(state.db()),
  'cashCard.reconcile': (input, context) =>
    reconcile(context.state.db(), requireActor(context), input, context.now),
  'cashCard.updateSettings': async (input, context) => {
    await updateSettings(
      context.state.db(),
      requireActor(context),
      {
        cardProvider: input.cardProvider,
        payoutWarningOre: input.warning,
        payoutStrongWarningOre: input.strongWarning,
        payoutLimitOre: input.limit,
      },
      context.now,
    );
    return cashCardAccount(context.state.db());
  },
};
