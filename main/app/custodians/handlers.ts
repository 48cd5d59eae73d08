import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { listCustodians, removeCustodian, saveCustodian } from './custodianService';

export const custodianHandlers: HandlersOf<'custodians'> = {
  'custodians.list': (_input, { state }) => listCustodians(state.db()),
  'custodians.create': (input, context) =>
    saveCustodian(context.state.db(), requireActor(context), null, input, context.now),
  'custodians.update': ({ id, ...fields }, context) =>
    saveCustodian(context.state.db(), requireActor(context), id, fields, context.now),
  'custodians.remove': ({ id }, context) =>
    removeCustodian(context.state.db(), requireActor(context), id, context.now),
};
