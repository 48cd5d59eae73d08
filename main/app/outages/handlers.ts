import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { getUnit } from '../unit/unitService';
import { outageOverview } from './outageOverview';
import {
  createOutage,
  endOutage,
  listOutages,
  recordAnalysis,
  upcomingWindows,
} from './outageService';

export const outageHandlers: HandlersOf<'outages'> = {
  'outages.list': (_input, { state, now }) => listOutages(state.db(), now),
  'outages.upcoming': async (_input, { state, now }) => {
    const unit = await getUnit(state.db());
    return upcomingWindows(state.db(), now, unit.patchWednesday);
  },
  'outages.start': ({ startedAt, ...input }, context) =>
    createOutage(
      context.state.db(),
      requireActor(context),
      {
        ...input,
        kind: 'unplanned',
        startsAt: startedAt ?? context.now.toISOString(),
        endsAt: null,
      },
      context.now,
    ),
  'outages.plan': (input, context) =>
    createOutage(
      context.state.db(),
      requireActor(context),
      { ...input, kind: 'planned' },
      context.now,
    ),
  'outages.end': ({ id, endedAt, note }, context) =>
    endOutage(
      context.state.db(),
      requireActor(context),
      id,
      { endedAt: endedAt ?? context.now.toISOString(), note },
      context.now,
    ),
  'outages.overview': (_input, context) =>
    outageOverview(context.state.db(), requireActor(context).role, context.now),
  'outages.recordAnalysis': ({ id, doneOn }, context) =>
    recordAnalysis(context.state.db(), requireActor(context), id, doneOn, context.now),
};
