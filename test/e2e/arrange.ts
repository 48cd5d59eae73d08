import type { Channel, Input } from '../../shared/contract';
import { CASE_WORKER, FINANCIAL_AID_MANAGER, PASSPHRASE, SETUP } from '../support/app';
import type { Bridge } from './bridge/server';

/** Arranges state through the real router, for flows that start after setup. */
export async function arrange<C extends Channel>(
  bridge: Bridge,
  channel: C,
  input?: Input<C>,
): Promise<unknown> {
  const result = await bridge.router.handle(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A unit with its manager and a case worker, closed as after a restart. */
export async function arrangeUnitAndRestart(bridge: Bridge): Promise<void> {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', CASE_WORKER);
  await bridge.state.close();
}

/** Kalle, a handläggare, signed in during an outage that is going on. */
export async function arrangeCaseWorkerInOutage(bridge: Bridge): Promise<void> {
  await arrangeUnitAndRestart(bridge);
  await arrange(bridge, 'unit.unlock', { passphrase: PASSPHRASE });
  await arrange(bridge, 'session.signIn', { username: 'kalle', password: 'kalle-123' });
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
}

/** Ebba, chef ekonomiskt bistånd, signed in during an outage that is going on. */
export async function arrangeFinancialAidManagerInOutage(bridge: Bridge): Promise<void> {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: [], note: '' });
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', {
    username: FINANCIAL_AID_MANAGER.username,
    password: FINANCIAL_AID_MANAGER.password,
  });
}
