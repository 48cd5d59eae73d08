import { fictitiousClient } from '../../scripts/demo/clients';
import { demoValues } from '../../scripts/demo/casework';
import { seededRandom } from '../../scripts/demo/random';
import { caseworkKeys } from '../../shared/registers';
import { localDate } from '../../shared/time';
import { CASE_WORKER, FINANCIAL_AID_MANAGER, SETUP } from '../support/app';
import { arrange } from './arrange';
import type { Bridge } from './bridge/server';

/** Names as long as real ones get: they must wrap or show in full, never push columns out. */
export const LONG_NAMES = [
  'Anna-Karin Margareta Johansson Vikström',
  'Carl-Johan Fredrik Åkerlund-Söderström',
  'Mohammed Abdirahman Abdullahi Hassan',
];

/**
 * Every register with demo-like records (invented clients, a few long names) through the
 * real router: Kalle records case work, Ebba pays out; Maja, who reads every register, is
 * signed in at the end.
 */
export async function arrangeRegistersWithData(bridge: Bridge, perRegister = 8): Promise<void> {
  await arrange(bridge, 'unit.setup', SETUP);
  await arrange(bridge, 'users.create', CASE_WORKER);
  await arrange(bridge, 'users.create', FINANCIAL_AID_MANAGER);
  await arrange(bridge, 'outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  const random = seededRandom(10);
  const clients = Array.from({ length: perRegister }, (_, i) => {
    const client = fictitiousClient(random);
    return i < LONG_NAMES.length ? { ...client, name: LONG_NAMES[i]! } : client;
  });

  await signIn(bridge, 'kalle', CASE_WORKER.password);
  const kalle = { fullName: CASE_WORKER.fullName, initials: CASE_WORKER.initials };
  for (const key of caseworkKeys) {
    for (const client of clients) {
      await arrange(bridge, `${key}.create`, {
        clientName: client.name,
        personnummer: client.personnummer,
        reserveIdentity: false,
        transcribedFromPaper: false,
        confirmOutsidePeriod: true,
        values: demoValues(key, random, bridge.state.now(), kalle),
      } as never);
    }
  }

  await signIn(bridge, 'ebba', FINANCIAL_AID_MANAGER.password);
  for (const [i, client] of clients.entries()) {
    await arrange(bridge, 'payouts.create', {
      clientName: client.name,
      personnummer: client.personnummer,
      reserveIdentity: false,
      transcribedFromPaper: false,
      values: {
        payoutDate: localDate(bridge.state.now()),
        verificationNumber: `V-2026-${String(1001 + i)}`,
        purpose: i % 2 ? 'Livsmedel och hygienartiklar' : 'Akut hyra, delbetalning',
        amount: `${(1_250 + i * 735).toLocaleString('sv-SE')},50`,
        decisionMaker: 'Ebba Ekonomi',
        overLimitReason: '',
      },
    } as never);
  }
  await signIn(bridge, SETUP.manager.username, SETUP.manager.password);
}

async function signIn(bridge: Bridge, username: string, password: string): Promise<void> {
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', { username, password });
}
