import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../shared/registers/schemas';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  SETUP,
  type TestApp,
} from '../support/app';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

/**
 * What people type reaches main as typed (a form sent with Enter, before a field tidied
 * it): main reads the same dates the fields do, and answers the rest with the field's
 * own Swedish message, saving nothing.
 */
describe('typed dates and amounts through the router', () => {
  let cleanup: () => void;
  let app: TestApp;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    const now = new Date('2026-11-23T14:00:00Z');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    await app.ok('users.create', CASE_WORKER);
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
      startedAt: '2026-11-22T07:00:00.000Z',
    });
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const decision = (decisionDate: string) =>
    sampleInput('decisions', {
      values: { ...sampleInput('decisions').values, decisionDate },
    }) as never;

  it('stores a date typed without separators as ÅÅÅÅ-MM-DD', async () => {
    const saved = (await app.ok('decisions.create', decision('20261123'))) as RegisterRecord;
    expect(saved.values.decisionDate).toBe('2026-11-23');
    const spaced = (await app.ok('decisions.create', decision('2026 11 22'))) as RegisterRecord;
    expect(spaced.values.decisionDate).toBe('2026-11-22');
  });

  it('refuses a day-first or impossible date at the field, saving nothing', async () => {
    expect(await app.call('decisions.create', decision('23/11'))).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'values.decisionDate':
            'Skriv året först: ÅÅÅÅ-MM-DD, t.ex. 2026-11-23 (dag och månad först kan läsas på två sätt).',
        },
      },
    });
    expect(await app.call('decisions.create', decision('2026-02-30'))).toMatchObject({
      ok: false,
      error: {
        fields: {
          'values.decisionDate': '2026-02-30 finns inte i kalendern. Kontrollera månad och dag.',
        },
      },
    });
    // An optional date says the same, not "Ogiltig input".
    const order = sampleInput('orders', {
      values: { ...sampleInput('orders').values, registeredOn: '23/11' },
    });
    expect(await app.call('orders.create', order as never)).toMatchObject({
      ok: false,
      error: { fields: { 'values.registeredOn': expect.stringMatching(/^Skriv året först/) } },
    });
    const list = (await app.ok('decisions.list', { limit: 10 } as never)) as { total: number };
    expect(list.total).toBe(0);
  });

  it('refuses a 12-hour time for an outage, with why', async () => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    const status = (await app.ok('app.status')) as { activeOutage: { id: string } };
    expect(
      await app.call('outages.end', { id: status.activeOutage.id, endedAt: '2026-11-23 2:30 PM' }),
    ).toMatchObject({
      ok: false,
      error: {
        fields: { endedAt: 'Skriv tiden med 24-timmarsklocka, t.ex. 14:30 (inte 2:30 PM).' },
      },
    });
  });

  it('explains a thousands dot in the refill, where an empty refill is none', async () => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'ebba', password: FINANCIAL_AID_MANAGER.password });
    await app.ok('payouts.create', sampleInput('payouts') as never);
    const dotted = 'Skriv beloppet utan punkt som tusentalsavgränsare: 1234,50 eller 1 234,50.';
    expect(
      await app.call('cashCard.reconcile', {
        reconciledOn: '2026-11-23',
        financeContact: 'Per Ekonom',
        refill: '1.234,50',
        balance: '1 000',
        note: '',
      }),
    ).toMatchObject({ ok: false, error: { message: dotted, fields: { refill: dotted } } });
    // Nothing was reconciled: the account still counts the payout.
    expect(await app.ok('cashCard.reconciliations')).toEqual([]);
    const saved = await app.ok('cashCard.reconcile', {
      reconciledOn: '20261123',
      financeContact: 'Per Ekonom',
      refill: '',
      balance: '1 000',
      note: '',
    });
    expect(saved).toMatchObject({ reconciledOn: '2026-11-23', refillOre: 0, payoutCount: 1 });
  });
});
