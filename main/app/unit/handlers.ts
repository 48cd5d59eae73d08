import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { buildStatus } from '../status';
import { changePassphrase, setUpUnit, unlockUnit, updateSettings } from './unitService';

export const unitHandlers: HandlersOf<'unit'> = {
  'unit.setup': async (input, { state }) => {
    await setUpUnit(state, input);
    return buildStatus(state);
  },
  'unit.unlock': async ({ passphrase }, { state }) => {
    await unlockUnit(state, passphrase);
    return buildStatus(state);
  },
  'unit.updateSettings': (input, context) =>
    updateSettings(context.state.db(), requireActor(context), input, context.now),
  'unit.changePassphrase': async (input, context) => {
    await changePassphrase(context.state, requireActor(context), input);
    return null;
  },
};
