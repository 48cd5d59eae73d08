import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { Custodian } from '../../shared/custodians';
import type { Outage } from '../../shared/outages';
import type { UsbReceipt } from '../../shared/usbReceipts';
import {
  CASE_WORKER,
  FINANCIAL_AID_MANAGER,
  createTestApp,
  SETUP,
  type TestApp,
} from '../support/app';
import { makeTempDir } from '../support/tempDir';

describe('cash custodians and USB stick receipts', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    now = new Date('2026-11-22T10:00:00Z');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    await app.ok('users.create', CASE_WORKER);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const as = async (username: string, password = 'kalle-123') => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username, password });
  };

  it('keeps Bilaga 1 with validated phone and e-mail, for the chef ekonomiskt bistånd', async () => {
    await as('ebba');
    const bad = await app.call('custodians.create', {
      name: 'Lisa Kassa',
      unitName: 'Enhet Test',
      phone: '08-12',
      email: 'lisa@',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: {
          phone: 'Telefonnumret ska ha 7–15 siffror, t.ex. 08-508 000 00.',
          email: 'Ange en giltig e-postadress, t.ex. namn@kommun.se.',
        },
      },
    });
    const lisa = (await app.ok('custodians.create', {
      name: 'Lisa Kassa',
      unitName: 'Enhet Test',
      phone: '+46 8-508 000 00',
      email: 'lisa.kassa@kommun.se',
    })) as Custodian;
    const archived = (await app.ok('custodians.update', { ...lisa, active: false })) as Custodian;
    expect(archived.active).toBe(false);
    expect(((await app.ok('custodians.list')) as Custodian[]).length).toBe(1);
    await as('kalle');
    expect(await app.call('custodians.list')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('issues a stick, refuses it out twice, takes it back only with the certification', async () => {
    const outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: [],
      note: '',
    })) as Outage;
    const issue = {
      stickNumber: 'USB 7',
      issuedOn: '2026-11-22',
      receiverName: 'Kalle Handläggare',
      receiverSignature: 'KH',
      workplace: 'Tensta',
      outageId: null,
    };
    const stick = (await app.ok('usbReceipts.issue', issue)) as UsbReceipt;
    expect(stick).toMatchObject({
      outageId: outage.id,
      issuedByName: 'Maja Enhetschef',
      returnedOn: null,
    });

    const twice = await app.call('usbReceipts.issue', {
      ...issue,
      stickNumber: 'usb 7',
      receiverName: 'Olle',
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { fields: { stickNumber: expect.stringMatching(/redan utlämnat till Kalle/) } },
    });

    const uncertified = await app.call('usbReceipts.return', {
      id: stick.id,
      returnedOn: '2026-11-22',
      certified: false as never,
    });
    expect(uncertified).toMatchObject({
      ok: false,
      error: { fields: { certified: expect.stringMatching(/Intyga/) } },
    });
    const early = await app.call('usbReceipts.return', {
      id: stick.id,
      returnedOn: '2026-11-21',
      certified: true,
    });
    expect(early).toMatchObject({
      ok: false,
      error: { fields: { returnedOn: expect.any(String) } },
    });

    const out = (await app.ok('usbReceipts.list', {
      outageId: outage.id,
      onlyOut: true,
    })) as UsbReceipt[];
    expect(out.map((r) => r.stickNumber)).toEqual(['USB 7']);
    const back = (await app.ok('usbReceipts.return', {
      id: stick.id,
      returnedOn: '2026-11-22',
      certified: true,
    })) as UsbReceipt;
    expect(back).toMatchObject({ returnedOn: '2026-11-22', returnedSignature: 'ME' });
    expect(await app.ok('usbReceipts.list', { outageId: outage.id, onlyOut: true })).toEqual([]);
    // Back in the drawer, it can go out again.
    await app.ok('usbReceipts.issue', { ...issue, issuedOn: '2026-11-22' });
    const audit = (await listAudit(app.state.db(), 0, 10)).entries.map((e) => e.action);
    expect(audit.slice(0, 3)).toEqual([
      'usbReceipts.issue',
      'usbReceipts.return',
      'usbReceipts.issue',
    ]);

    await as('ebba');
    expect(await app.call('usbReceipts.list', { outageId: null, onlyOut: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
