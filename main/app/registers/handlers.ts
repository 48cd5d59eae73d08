import { registers, type RegisterKey, type RegisterMethod } from '../../../shared/registers';
import type { Handler, HandlersOf } from '../handler';
import { requireActor, type HandlerContext } from '../state';
import { recordHistory } from './history';
import { knownNames, listRecords, markableIds, summarizeRegisters } from './registerQueries';
import {
  type RegisterCall,
  createRecord,
  markEntered,
  unmarkEntered,
  updateRecord,
  voidRecord,
} from './registerService';

/** Every register's channels have the same schemas; "decisions" stands for them all. */
type RegisterHandler<M extends RegisterMethod> = Handler<`decisions.${M}`>;

/** The same handlers for every register, each bound to its definition. */
function registerHandlers<K extends RegisterKey>(key: K): HandlersOf<K> {
  const definition = registers[key];
  const call = (context: HandlerContext): RegisterCall => ({
    dataSource: context.state.db(),
    definition,
    actor: requireActor(context),
    now: context.now,
  });
  const list: RegisterHandler<'list'> = (filter, { state, now }) =>
    listRecords(state.db(), definition, filter, now);
  const create: RegisterHandler<'create'> = (input, context) => createRecord(call(context), input);
  const update: RegisterHandler<'update'> = ({ id, input }, context) =>
    updateRecord(call(context), id, input);
  const voidOne: RegisterHandler<'void'> = ({ id, reason }, context) =>
    voidRecord(call(context), id, reason);
  const mark: RegisterHandler<'markEntered'> = ({ ids, enteredOn }, context) =>
    markEntered(call(context), ids, enteredOn);
  const markable: RegisterHandler<'markableIds'> = async (filter, context) => ({
    ids: await markableIds(
      context.state.db(),
      definition,
      filter,
      requireActor(context),
      context.now,
    ),
  });
  const unmark: RegisterHandler<'unmarkEntered'> = ({ id, reason }, context) =>
    unmarkEntered(call(context), id, reason);
  const history: RegisterHandler<'history'> = ({ id }, { state }) =>
    recordHistory(state.db(), definition, id);
  const byMethod: { [M in RegisterMethod]: RegisterHandler<M> } = {
    history,
    list,
    create,
    update,
    void: voidOne,
    markEntered: mark,
    markableIds: markable,
    unmarkEntered: unmark,
  };
  return Object.fromEntries(
    Object.entries(byMethod).map(([method, handler]) => [`${key}.${method}`, handler]),
  ) as unknown as HandlersOf<K>;
}

export const caseworkHandlers = {
  ...registerHandlers('decisions'),
  ...registerHandlers('orders'),
  ...registerHandlers('journalNotes'),
  ...registerHandlers('otherDocuments'),
  ...registerHandlers('payouts'),
};

export const registerOverviewHandlers: HandlersOf<'registers'> & HandlersOf<'clients'> = {
  'registers.summary': (_input, context) =>
    summarizeRegisters(context.state.db(), context.now, requireActor(context).role),
  'clients.knownNames': ({ personnummer }, context) =>
    knownNames(context.state.db(), personnummer, requireActor(context).role),
};
