import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import {
  describeRestore,
  listForRestore,
  restoreAtStartup,
  restoreReplacing,
  startupOffer,
} from './restoreService';

export const restoreHandlers: HandlersOf<'restore'> = {
  'restore.offer': ({ passphrase }, { state }) => startupOffer(state, passphrase),
  'restore.atStartup': (input, { state }) => restoreAtStartup(state, input),
  'restore.list': (_input, { state }) => Promise.resolve(listForRestore(state)),
  'restore.describe': ({ backupName }, { state }) =>
    Promise.resolve(describeRestore(state, backupName)),
  'restore.run': (input, context) => restoreReplacing(context.state, requireActor(context), input),
};
