import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { rulesFor } from '../../main/app/registers/rules';
import { columnsOf, tableOf } from '../../main/app/registers/table';
import type { Channel } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import { caseworkKeys, registers } from '../../shared/registers';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { CASE_WORKER, createTestApp, SETUP, type TestApp } from '../support/app';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

describe('the case-work registers', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;
  let outage: Outage;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    now = new Date('2026-11-23T09:00:00Z'); // Monday
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    await app.ok('users.create', CASE_WORKER);
    outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const asKalle = async () => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
  };
  const channel = (key: string, method: string) => `${key}.${method}` as Channel;

  it('has a table with exactly the columns each definition describes', async () => {
    for (const definition of Object.values(registers)) {
      const info = (await app.state.db().query(`PRAGMA table_info(${tableOf(definition)})`)) as {
        name: string;
      }[];
      const expected = [...columnsOf(definition), ...(rulesFor(definition.key).extraColumns ?? [])];
      expect(info.map((c) => c.name).sort()).toEqual(expected.sort());
    }
  });

  for (const key of caseworkKeys) {
    it(`${key}: create in the active outage, edit, mark entered, unmark, void — all audited`, async () => {
      await asKalle();
      const created = (await app.ok(
        channel(key, 'create'),
        sampleInput(key) as never,
      )) as RegisterRecord;
      expect(created).toMatchObject({
        outageId: outage.id,
        personnummer: '191212121212',
        createdByName: 'Kalle Handläggare',
        enteredOn: null,
        voidedAt: null,
      });

      const edited = (await app.ok(channel(key, 'update'), {
        id: created.id,
        input: sampleInput(key, { clientName: 'Tolvan T. Tolvansson' }),
      } as never)) as RegisterRecord;
      expect(edited.clientName).toBe('Tolvan T. Tolvansson');

      const future = await app.call(channel(key, 'markEntered'), {
        ids: [created.id],
        enteredOn: '2026-12-01',
      } as never);
      expect(future).toMatchObject({
        ok: false,
        error: { fields: { enteredOn: expect.any(String) } },
      });
      // Just after midnight in Sweden it is still yesterday in UTC: today is allowed.
      now = new Date('2026-11-23T23:30:00Z');
      expect(
        await app.ok(channel(key, 'markEntered'), {
          ids: [created.id],
          enteredOn: '2026-11-24',
        } as never),
      ).toEqual({ count: 1, skipped: [] });
      const unmarked = (await app.ok(channel(key, 'unmarkEntered'), {
        id: created.id,
        reason: 'Fel klient i systemet',
      } as never)) as RegisterRecord;
      expect(unmarked.enteredOn).toBeNull();

      const noReason = await app.call(channel(key, 'void'), {
        id: created.id,
        reason: ' ',
      } as never);
      expect(noReason).toMatchObject({
        ok: false,
        error: { fields: { reason: 'Ange ett skäl.' } },
      });
      const voided = (await app.ok(channel(key, 'void'), {
        id: created.id,
        reason: 'Registrerad två gånger',
      } as never)) as RegisterRecord;
      expect(voided).toMatchObject({
        voidReason: 'Registrerad två gånger',
        voidedByName: 'Kalle Handläggare',
      });
      const again = await app.call(channel(key, 'update'), {
        id: created.id,
        input: sampleInput(key),
      } as never);
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      // Still there, struck through: listed when voided records are asked for.
      const list = (await app.ok(channel(key, 'list'), {
        voided: 'only',
        offset: 0,
        limit: 10,
      } as never)) as { rows: RegisterRecord[]; total: number };
      expect(list.rows.map((r) => r.id)).toEqual([created.id]);
      const actions = (await listAudit(app.state.db(), 0, 20)).entries
        .filter((e) => e.entityId === created.id)
        .map((e) => e.action.split('.')[1]);
      expect(actions).toEqual(['void', 'unmarkEntered', 'markEntered', 'update', 'create']);
    });
  }

  it('refuses a bad personnummer at the field and saves nothing', async () => {
    const result = await app.call(
      'decisions.create',
      sampleInput('decisions', { personnummer: '19121212-1213' }) as never,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: { personnummer: 'Kontrollsiffran stämmer inte. Kontrollera personnumret.' },
      },
    });
    const list = (await app.ok('decisions.list', { offset: 0, limit: 10 } as never)) as {
      total: number;
    };
    expect(list.total).toBe(0);
  });

  it('records a person without a known number under a reserve identity', async () => {
    const record = (await app.ok(
      'decisions.create',
      sampleInput('decisions', {
        personnummer: '',
        reserveIdentity: true,
        clientName: 'Okänd man, ca 40 år',
      }) as never,
    )) as RegisterRecord;
    expect(record).toMatchObject({ personnummer: null, reserveIdentity: true });
    const both = await app.call(
      'decisions.create',
      sampleInput('decisions', { reserveIdentity: true }) as never,
    );
    expect(both).toMatchObject({
      ok: false,
      error: { fields: { personnummer: expect.stringMatching(/reservidentitet/) } },
    });
  });

  it('requires the call time for an urgent order', async () => {
    const base = sampleInput('orders');
    const urgent = await app.call('orders.create', {
      ...base,
      values: { ...base.values, urgent: true },
    } as never);
    expect(urgent).toMatchObject({
      ok: false,
      error: { fields: { 'values.providerCalledAt': 'Ange utförare uppringd.' } },
    });
  });

  it('lets a handläggare change only their own records; the enhetschef any', async () => {
    const mine = (await app.ok(
      'decisions.create',
      sampleInput('decisions') as never,
    )) as RegisterRecord;
    await asKalle();
    const refused = await app.call('decisions.void', { id: mine.id, reason: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Reading the unit's records is allowed.
    const list = (await app.ok('decisions.list', { offset: 0, limit: 10 } as never)) as {
      total: number;
    };
    expect(list.total).toBe(1);
    // And the staff directory for the "registrerad av" filter: names only, no roles
    // (whether active, so a USB stick's receiver is picked among those still working).
    const directory = (await app.ok('users.directory')) as object[];
    expect(directory).toEqual([
      { id: expect.any(String), fullName: 'Kalle Handläggare', initials: 'KH', active: true },
      { id: expect.any(String), fullName: 'Maja Enhetschef', initials: 'ME', active: true },
    ]);
  });

  it('lets the chef ekonomiskt bistånd read decisions but not write them', async () => {
    await app.ok('users.create', {
      ...CASE_WORKER,
      initials: 'EE',
      username: 'ebba',
      role: 'financialAidManager',
    });
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'ebba', password: 'kalle-123' });
    expect(await app.call('decisions.list', { offset: 0, limit: 5 } as never)).toMatchObject({
      ok: true,
    });
    const write = await app.call('decisions.create', sampleInput('decisions') as never);
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives journal notes their deadline when the outage ends, and transcribed ones too', async () => {
    const hsl = (await app.ok(
      'journalNotes.create',
      sampleInput('journalNotes') as never,
    )) as RegisterRecord;
    expect(hsl.deadline).toBeNull();
    now = new Date('2026-11-25T15:00:00Z'); // ends Wednesday 25 November
    await app.ok('outages.end', { id: outage.id });

    const noOutage = await app.call('journalNotes.create', sampleInput('journalNotes') as never);
    expect(noOutage).toMatchObject({
      ok: false,
      error: { fields: { outageId: expect.any(String) } },
    });
    const sol = await app.call(
      'journalNotes.create',
      sampleInput('journalNotes', {
        outageId: outage.id,
      }) as never,
    );
    // Not going on any more: it must be a transcription from paper.
    expect(sol).toMatchObject({
      ok: false,
      error: { fields: { transcribedFromPaper: expect.any(String) } },
    });
    const transcribed = (await app.ok(
      'journalNotes.create',
      sampleInput('journalNotes', {
        outageId: outage.id,
        transcribedFromPaper: true,
        paperReferenceMissing: true,
        values: { ...sampleInput('journalNotes').values, law: 'SoL' },
      }) as never,
    )) as RegisterRecord;
    expect(transcribed).toMatchObject({
      deadline: '2026-12-09',
      transcribedByName: 'Maja Enhetschef',
    });

    const list = (await app.ok('journalNotes.list', {
      sort: 'deadline',
      direction: 'asc',
      offset: 0,
      limit: 10,
    } as never)) as { rows: RegisterRecord[] };
    expect(list.rows.map((r) => r.deadline)).toEqual(['2026-12-02', '2026-12-09']);

    now = new Date('2026-12-03T09:00:00Z');
    const warned = (await app.ok('journalNotes.list', {
      sort: 'deadline',
      direction: 'asc',
      offset: 0,
      limit: 10,
    } as never)) as { rows: RegisterRecord[] };
    expect(warned.rows.map((r) => r.deadlineStatus)).toEqual(['overdue', null]);
    now = new Date('2026-12-07T09:00:00Z'); // two working days before 9 December
    const soon = (await app.ok('journalNotes.list', {
      sort: 'deadline',
      direction: 'asc',
      offset: 0,
      limit: 10,
    } as never)) as { rows: RegisterRecord[] };
    expect(soon.rows.map((r) => r.deadlineStatus)).toEqual(['overdue', 'dueSoon']);
    now = new Date('2026-12-03T09:00:00Z');
    const summary = (await app.ok('registers.summary')) as {
      key: string;
      overdue: number;
      dueSoon: number;
    }[];
    expect(summary.find((s) => s.key === 'journalNotes')).toMatchObject({
      overdue: 1,
      dueSoon: 0,
      notEntered: 2,
    });
  });

  it('searches by name or personnummer and filters by entry status', async () => {
    await app.ok('decisions.create', sampleInput('decisions') as never);
    const other = (await app.ok(
      'decisions.create',
      sampleInput('decisions', {
        clientName: 'Anna Svensson',
        personnummer: '20000229-1235',
      }) as never,
    )) as RegisterRecord;
    await app.ok('decisions.markEntered', { ids: [other.id], enteredOn: '2026-11-23' });
    const search = async (filter: Record<string, unknown>) =>
      (
        (await app.ok('decisions.list', { offset: 0, limit: 10, ...filter } as never)) as {
          rows: RegisterRecord[];
        }
      ).rows.map((r) => r.clientName);
    expect(await search({ search: 'svens' })).toEqual(['Anna Svensson']);
    expect(await search({ search: '000229-1235' })).toEqual(['Anna Svensson']);
    expect(await search({ search: '1912' })).toEqual(['Tolvan Tolvansson']);
    expect(await search({ search: '%' })).toEqual([]);
    expect(await search({ entry: 'notEntered' })).toEqual(['Tolvan Tolvansson']);
  });

  it('knows which names a personnummer already has, to warn of mixed-up people', async () => {
    await app.ok('orders.create', sampleInput('orders') as never);
    await app.ok(
      'journalNotes.create',
      sampleInput('journalNotes', { clientName: 'Tolvan Tolvansson' }) as never,
    );
    expect(await app.ok('clients.knownNames', { personnummer: '191212121212' })).toEqual([
      'Tolvan Tolvansson',
    ]);
    expect(await app.ok('clients.knownNames', { personnummer: '200002291235' })).toEqual([]);
  });
});
