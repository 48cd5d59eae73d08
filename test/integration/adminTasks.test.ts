import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { reconciliationSavedText, type Reconciliation } from '../../shared/cashCard';
import type { Status, Unit, User } from '../../shared/contract';
import type { Custodian } from '../../shared/custodians';
import type { Outage, OutageOverview } from '../../shared/outages';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { localToInstant } from '../../shared/time';
import type { UsbReceipt } from '../../shared/usbReceipts';
import {
  CASE_WORKER,
  FINANCIAL_AID_MANAGER,
  MANAGER,
  createTestApp,
  SETUP,
  type TestApp,
} from '../support/app';
import { keepAndRead } from '../support/pdf';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

let cleanup: () => void;
let app: TestApp;
let now: Date;

/** Moves the clock; the person was at work meanwhile (the inactivity lock is not tested here). */
const at = (local: string) => {
  now = new Date(localToInstant(local)!);
  app?.state.session.touch(now);
};

/**
 * For each test: a unit on a real encrypted database in a temporary folder, with Ebba
 * (chef ekonomiskt bistånd) and Kalle (handläggare), on a clock from `start` that the
 * test moves; the enhetschef signed in.
 */
function onUnitFrom(start: string) {
  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    at(start);
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    await app.ok('users.create', CASE_WORKER);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });
}

/** The admin tasks of issue 10 on a real encrypted database, on a clock the test moves. */
describe('the small admin tasks', () => {
  onUnitFrom('2026-11-23T10:00');

  const audit = async (action: string) =>
    (await listAudit(app.state.db(), 0, 200)).entries.filter((e) => e.action === action);
  const stick = (stickNumber: string, more: Record<string, unknown> = {}) => ({
    stickNumber,
    issuedOn: '2026-11-23',
    receiverName: 'Olle Extern',
    receiverSignature: 'OE',
    workplace: 'Tensta',
    outageId: null,
    ...more,
  });
  const receipts = async () =>
    (await app.ok('usbReceipts.list', { outageId: null, onlyOut: false })) as UsbReceipt[];

  it('compares stick numbers by one key: "usb-10" is out while "USB10" is, until it is back', async () => {
    const first = (await app.ok('usbReceipts.issue', stick('USB10'))) as UsbReceipt;
    for (const same of ['USB 10', 'usb-10', ' Usb_10 ']) {
      expect(await app.call('usbReceipts.issue', stick(same))).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          fields: {
            stickNumber: 'USB-minne USB10 är redan utlämnat till Olle Extern och inte återlämnat.',
          },
        },
      });
    }
    // Another stick is another stick.
    await app.ok('usbReceipts.issue', stick('USB 1'));
    expect(await app.call('usbReceipts.issue', stick('--'))).toMatchObject({
      ok: false,
      error: { fields: { stickNumber: expect.stringContaining('bokstäver eller siffror') } },
    });
    await app.ok('usbReceipts.return', { id: first.id, returnedOn: '2026-11-23', certified: true });
    const again = (await app.ok('usbReceipts.issue', stick('usb 10'))) as UsbReceipt;
    expect(again.stickNumber).toBe('usb 10');
    expect(
      await app.state.db().query('SELECT stick_number, stick_key FROM usb_receipts ORDER BY rowid'),
    ).toEqual([
      { stick_number: 'USB10', stick_key: 'USB10' },
      { stick_number: 'USB 1', stick_key: 'USB1' },
      { stick_number: 'usb 10', stick_key: 'USB10' },
    ]);
  });

  it('lends a stick to one of the unit’s users by their own name and signature, others typed in', async () => {
    const directory = (await app.ok('users.directory')) as { id: string; active: boolean }[];
    const users = (await app.ok('users.list')) as User[];
    const kalle = users.find((u) => u.username === 'kalle')!;
    expect(directory.find((p) => p.id === kalle.id)).toMatchObject({ active: true });
    // Whatever was typed beside the pick, the receipt carries the user's name and initials.
    const lent = (await app.ok(
      'usbReceipts.issue',
      stick('USB 4', { receiverUserId: kalle.id, receiverName: 'x', receiverSignature: 'x' }),
    )) as UsbReceipt;
    expect(lent).toMatchObject({
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      receiverUserId: kalle.id,
    });
    expect((await receipts())[0]).toMatchObject({ receiverUserId: kalle.id });
    await app.ok('users.setActive', { id: kalle.id, active: false });
    expect(
      await app.call('usbReceipts.issue', stick('USB 5', { receiverUserId: kalle.id })),
    ).toMatchObject({ ok: false, error: { fields: { receiverUserId: expect.any(String) } } });
    const other = (await app.ok('usbReceipts.issue', stick('USB 5'))) as UsbReceipt;
    expect(other).toMatchObject({ receiverName: 'Olle Extern', receiverUserId: null });
  });

  it('flags a stick still out after its outage ended, until it comes back', async () => {
    const outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: [],
      note: '',
    })) as Outage;
    const lent = (await app.ok('usbReceipts.issue', stick('USB 7'))) as UsbReceipt;
    expect(lent.outageId).toBe(outage.id);
    expect((await receipts())[0]!.outlastsOutage).toBe(false);
    at('2026-11-23T15:00');
    await app.ok('outages.end', { id: outage.id });
    at('2026-11-24T09:00');
    expect((await receipts())[0]!.outlastsOutage).toBe(true);
    const [overview] = (await app.ok('outages.overview')) as OutageOverview[];
    expect(overview).toMatchObject({ usbOut: 1, usbOutlasting: 1 });
    await app.ok('usbReceipts.return', { id: lent.id, returnedOn: '2026-11-24', certified: true });
    expect((await receipts())[0]!.outlastsOutage).toBe(false);
    expect((await app.ok('outages.overview')) as OutageOverview[]).toMatchObject([
      { usbOut: 0, usbOutlasting: 0 },
    ]);
  });

  it('removes a custodian from Bilaga 1 and keeps the person in the history, audited', async () => {
    await app.signInAs('ebba');
    const add = (name: string) =>
      app.ok('custodians.create', {
        name,
        unitName: 'Enhet Test',
        phone: '08-508 000 00',
        email: 'kassa@kommun.se',
      }) as Promise<Custodian>;
    const lisa = await add('Lisa Kassa');
    await add('Anna Ask');
    at('2026-11-23T11:30');
    const removed = (await app.ok('custodians.remove', { id: lisa.id })) as Custodian;
    expect(removed).toMatchObject({
      removedAt: now.toISOString(),
      removedByName: 'Ebba Ekonomi',
    });
    const list = (await app.ok('custodians.list')) as Custodian[];
    expect(list.map((c) => [c.name, c.removedAt !== null])).toEqual([
      ['Anna Ask', false],
      ['Lisa Kassa', true],
    ]);
    expect(await app.call('custodians.update', { ...lisa, active: true })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('togs bort ur listan 2026-11-23'),
      },
    });
    expect(await app.call('custodians.remove', { id: lisa.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await audit('custodians.remove')).toMatchObject([
      { actorName: 'Ebba Ekonomi', entityId: lisa.id, before: { removedAt: null } },
    ]);
    // Bilaga 1 lists who to call now: Lisa is not on it.
    const printed = (await app.ok('print.custodians')) as { pdfBase64: string };
    const pdf = await keepAndRead('issue10-custodians', Buffer.from(printed.pdfBase64, 'base64'));
    expect(pdf.text).toContain('Anna Ask');
    expect(pdf.text).not.toContain('Lisa Kassa');
    // The enhetschef reads the list, but does not keep it.
    await app.signInAs('maja', MANAGER.password);
    expect(await app.call('custodians.remove', { id: lisa.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('records the card account’s balance with the reconciliation, and its period', async () => {
    await app.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
    await app.signInAs('ebba');
    await app.ok('payouts.create', sampleInput('payouts') as never);
    at('2026-11-24T10:00');
    await app.ok('payouts.create', {
      ...sampleInput('payouts', {}),
      values: {
        ...sampleInput('payouts').values,
        verificationNumber: 'V-1002',
        payoutDate: '2026-11-24',
      },
    } as never);
    const input = {
      reconciledOn: '2026-11-24',
      financeContact: 'Per Ekonom',
      refill: '3 000',
      note: 'Kontot påfyllt efter telefonavstämning.',
    };
    expect(await app.call('cashCard.reconcile', { ...input, balance: '1.234,50' })).toMatchObject({
      ok: false,
      error: { fields: { balance: expect.stringContaining('utan punkt som tusentalsavgränsare') } },
    });
    const saved = (await app.ok('cashCard.reconcile', {
      ...input,
      balance: '12 345,50',
    })) as Reconciliation;
    expect(saved).toMatchObject({
      balanceOre: 1_234_550,
      periodFrom: '2026-11-23',
      totalOre: 300_000,
      payoutCount: 2,
    });
    expect((await app.ok('cashCard.reconciliations')) as Reconciliation[]).toEqual([saved]);
    expect(await audit('cashCard.reconcile')).toMatchObject([{ after: { balanceOre: 1_234_550 } }]);
  });

  it('starts the period at the first live payout: a voided earlier one does not widen it', async () => {
    await app.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
    await app.signInAs('ebba');
    // The earlier one is a mistyped date, confirmed outside the outage and then voided.
    const payout = (payoutDate: string, verificationNumber: string) =>
      app.ok('payouts.create', {
        ...sampleInput('payouts'),
        values: { ...sampleInput('payouts').values, verificationNumber, payoutDate },
        confirmOutsidePeriod: true,
      } as never) as Promise<RegisterRecord>;
    const wrong = await payout('2026-11-20', 'V-1001');
    await payout('2026-11-23', 'V-1002');
    await app.ok('payouts.void', { id: wrong.id, reason: 'Fel datum' });
    at('2026-11-24T10:00');
    const saved = (await app.ok('cashCard.reconcile', {
      reconciledOn: '2026-11-24',
      financeContact: 'Per Ekonom',
      refill: '1 500',
      balance: '10 000',
      note: '',
    })) as Reconciliation;
    expect(saved).toMatchObject({ periodFrom: '2026-11-23', payoutCount: 1 });
    expect(reconciliationSavedText(saved)).toMatch(/^Avstämningen för perioden 2026-11-23 – /);
    expect((await app.ok('cashCard.reconciliations')) as Reconciliation[]).toMatchObject([
      { id: saved.id, periodFrom: '2026-11-23' },
    ]);
    // The voided payout closed with the period all the same.
    expect(
      await app.state
        .db()
        .query('SELECT reconciliation_id AS r FROM payouts WHERE id = ?', [wrong.id]),
    ).toEqual([{ r: saved.id }]);
  });

  it('lets the enhetschef rename the unit and set the auto-lock, which main uses at once', async () => {
    expect(
      await app.call('unit.updateDetails', {
        name: 'Enhet Norr',
        department: 'Socialförvaltningen',
        autoLockMinutes: '4',
      }),
    ).toMatchObject({ ok: false, error: { fields: { autoLockMinutes: 'Minst 5 minuter.' } } });
    const unit = (await app.ok('unit.updateDetails', {
      name: 'Enhet Norr',
      department: 'Arbetsmarknads- och socialförvaltningen',
      autoLockMinutes: '5',
    })) as Unit;
    expect(unit).toMatchObject({ name: 'Enhet Norr', autoLockMinutes: 5 });
    const status = (await app.ok('app.status')) as Status;
    expect(status.unit).toMatchObject({
      name: 'Enhet Norr',
      department: 'Arbetsmarknads- och socialförvaltningen',
    });
    expect(Date.parse(status.autoLockAt!) - now.getTime()).toBe(5 * 60_000);
    expect(await audit('unit.updateSettings')).toMatchObject([
      {
        before: { name: 'Enhet Test', autoLockMinutes: 10 },
        after: { name: 'Enhet Norr', autoLockMinutes: 5 },
      },
    ]);
    // Printed documents carry the new name.
    const printed = (await app.ok('print.blankTemplate', { key: 'custodians', pages: 1 })) as {
      pdfBase64: string;
    };
    const pdf = await keepAndRead('issue10-unit-name', Buffer.from(printed.pdfBase64, 'base64'));
    expect(pdf.text).toContain('Enhet Norr');
    // Six minutes without activity: locked by the new limit, not the old ten.
    now = new Date(now.getTime() + 6 * 60_000);
    expect(await app.call('outages.list')).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
    await app.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    expect(
      await app.call('unit.updateDetails', { name: 'X', department: 'Y', autoLockMinutes: '5' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the outages page’s overview', () => {
  onUnitFrom('2026-11-02T08:00');

  const note = (law: 'HSL' | 'SoL', occurredAt: string) =>
    app.ok('journalNotes.create', {
      ...sampleInput('journalNotes'),
      values: { ...sampleInput('journalNotes').values, law, occurredAt },
    } as never) as Promise<RegisterRecord>;
  const decision = (decisionDate: string) =>
    app.ok('decisions.create', {
      ...sampleInput('decisions'),
      values: { ...sampleInput('decisions').values, decisionDate },
    } as never) as Promise<RegisterRecord>;

  /**
   * Three outages: one ended on Monday 2 November (its HSL note's deadline, 9 November,
   * has passed), one ended Monday 23 November (its HSL note is due Monday 30 November,
   * within two working days of Friday 27 November; its SoL note not before 7 December),
   * and one going on since Friday 08:00; the clock at Friday 27 November 13:00.
   */
  async function threeOutages() {
    await app.signInAs('kalle');
    const first = (await app.ok('outages.start', {
      level: 'I',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;
    at('2026-11-02T09:00');
    await note('HSL', localToInstant('2026-11-02T08:30')!);
    await decision('2026-11-02');
    at('2026-11-02T15:00');
    await app.ok('outages.end', { id: first.id });

    at('2026-11-23T08:00');
    const second = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: [],
      note: '',
    })) as Outage;
    at('2026-11-23T09:00');
    await note('HSL', localToInstant('2026-11-23T08:15')!);
    await note('SoL', localToInstant('2026-11-23T08:20')!);
    const entered = await decision('2026-11-23');
    await decision('2026-11-23');
    await app.ok('decisions.markEntered', { ids: [entered.id], enteredOn: '2026-11-23' });
    const voided = await decision('2026-11-23');
    await app.ok('decisions.void', { id: voided.id, reason: 'Fel klient' });
    await app.signInAs('ebba');
    await app.ok('payouts.create', sampleInput('payouts') as never);
    await app.signInAs('maja', MANAGER.password);
    await app.ok('usbReceipts.issue', {
      stickNumber: 'USB 3',
      issuedOn: '2026-11-23',
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      workplace: 'Tensta',
      outageId: null,
    });
    at('2026-11-23T16:00');
    await app.ok('outages.end', { id: second.id });

    at('2026-11-27T08:00');
    const third = (await app.ok('outages.start', {
      level: 'III',
      affectedSystems: [],
      note: '',
    })) as Outage;
    await app.ok('usbReceipts.issue', {
      stickNumber: 'USB 4',
      issuedOn: '2026-11-27',
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      workplace: 'Tensta',
      outageId: null,
    });
    at('2026-11-27T13:00');
    return { first, second, third };
  }

  it('counts per outage and register what is left, deadlines due and passed, sticks out', async () => {
    const { first, second, third } = await threeOutages();
    const overview = (await app.ok('outages.overview')) as OutageOverview[];
    expect(overview.map((o) => o.outage.id)).toEqual([third.id, second.id, first.id]);
    const [now3, now2, now1] = overview;
    expect(now3).toMatchObject({
      outage: { status: 'active', durationMinutes: 5 * 60 },
      notEntered: 0,
      usbOut: 1,
      usbOutlasting: 0,
    });
    expect(now2).toMatchObject({
      outage: { status: 'ended', durationMinutes: 8 * 60 },
      notEntered: 4,
      dueSoon: 1,
      overdue: 0,
      usbOut: 1,
      usbOutlasting: 1,
    });
    expect(now2!.registers).toEqual([
      { key: 'decisions', total: 2, notEntered: 1 },
      { key: 'orders', total: 0, notEntered: 0 },
      { key: 'journalNotes', total: 2, notEntered: 2 },
      { key: 'otherDocuments', total: 0, notEntered: 0 },
      { key: 'payouts', total: 1, notEntered: 1 },
    ]);
    expect(now1).toMatchObject({ notEntered: 2, dueSoon: 0, overdue: 1, usbOut: 0 });

    // A handläggare sees the registers they may read: no payouts.
    await app.signInAs('kalle');
    const theirs = (await app.ok('outages.overview')) as OutageOverview[];
    expect(theirs[1]!.registers.map((r) => r.key)).not.toContain('payouts');
    expect(theirs[1]!.notEntered).toBe(3);
  });

  it('counts the sticks out only for those who may read the USB receipts', async () => {
    await threeOutages();
    const sticks = async () =>
      ((await app.ok('outages.overview')) as OutageOverview[]).map((o) => [
        o.usbOut,
        o.usbOutlasting,
      ]);
    expect(await sticks()).toEqual([
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    for (const username of ['kalle', 'ebba']) {
      await app.signInAs(username);
      expect(await app.call('usbReceipts.list', { outageId: null, onlyOut: false })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await sticks()).toEqual([
        [null, null],
        [null, null],
        [null, null],
      ]);
    }
  });

  it('asks the database the same number of times for one outage as for many (no N+1)', async () => {
    const countQueries = async () => {
      const spy = vi.spyOn(app.state.db(), 'query');
      await app.ok('outages.overview');
      const calls = spy.mock.calls.length;
      spy.mockRestore();
      return calls;
    };
    await app.signInAs('kalle');
    const one = (await app.ok('outages.start', {
      level: 'I',
      affectedSystems: [],
      note: '',
    })) as Outage;
    at('2026-11-02T09:00');
    await note('HSL', localToInstant('2026-11-02T08:30')!);
    const withOne = await countQueries();
    at('2026-11-02T10:00');
    await app.ok('outages.end', { id: one.id });
    for (const day of ['03', '04', '05', '06']) {
      at(`2026-11-${day}T08:00`);
      const outage = (await app.ok('outages.start', {
        level: 'I',
        affectedSystems: [],
        note: '',
      })) as Outage;
      at(`2026-11-${day}T09:00`);
      await note('SoL', localToInstant(`2026-11-${day}T08:30`)!);
      at(`2026-11-${day}T10:00`);
      await app.ok('outages.end', { id: outage.id });
    }
    expect(((await app.ok('outages.overview')) as OutageOverview[]).length).toBe(5);
    expect(await countQueries()).toBe(withOne);
    expect(withOne).toBeLessThanOrEqual(2);
  });
});
