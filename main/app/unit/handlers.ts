import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { buildStatus } from '../status';
import { getLocalRoutines, updateLocalRoutines } from './localRoutines';
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
  'unit.updateReferencePrefix': ({ prefix }, context) =>
    updateSettings(
      context.state.db(),
      requireActor(context),
      { referencePrefix: prefix },
      context.now,
    ),
  'unit.updateDetails': async (input, context) => {
    const unit = await updateSettings(
      context.state.db(),
      requireActor(context),
      input,
      context.now,
    );
    // The new auto-lock counts from now on, for whoever is signed in too.
    context.state.session.autoLockMinutes = unit.autoLockMinutes;
    return unit;
  },
  'unit.changePassphrase': async (input, context) => {
    await changePassphrase(context.state, requireActor(context), input);
    return null;
  },
};

export const localRoutinesHandlers: HandlersOf<'localRoutines'> = {
  'localRoutines.get': (_input, { state }) => getLocalRoutines(state.db()),
  'localRoutines.update': (routines, context) =>
    updateLocalRoutines(context.state.db(), requireActor(context), routines, context.now),
};
