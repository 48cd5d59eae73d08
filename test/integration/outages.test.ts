import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { Outage } from '../../shared/outages';
import { CASE_WORKER, createTestApp, SETUP, type TestApp } from '../support/app';
import { makeTempDir } from '../support/tempDir';

describe('outages', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    now = new Date('2026-11-22T09:00:00Z');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    await app.ok('users.create', CASE_WORKER);
    // These tests move the clock by days; the auto-lock has its own tests.
    app.state.session.autoLockMinutes = 7 * 24 * 60;
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const start = () =>
    app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet', 'Nätverket'],
      note: 'Ingen kontakt med servern',
    }) as Promise<Outage>;

  it('starts an outage that every page then shows, and ends it with its duration', async () => {
    const outage = await start();
    expect(outage).toMatchObject({ status: 'active', kind: 'unplanned', level: 'II' });
    expect(await app.ok('app.status')).toMatchObject({ activeOutage: { id: outage.id } });

    now = hours(3.5);
    const ended = (await app.ok('outages.end', { id: outage.id })) as Outage;
    expect(ended).toMatchObject({ status: 'ended', durationMinutes: 210, needsAnalysis: false });
    expect(await app.ok('app.status')).toMatchObject({ activeOutage: null });
    const actions = (await listAudit(app.state.db(), 0, 10)).entries.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['outage.end', 'outage.start']);
  });

  it('lets a handläggare start and end one, but not plan or record the analysis', async () => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
    app.state.session.autoLockMinutes = 7 * 24 * 60;
    const outage = await start();
    now = hours(1);
    await app.ok('outages.end', { id: outage.id });
    const plan = await app.call('outages.plan', {
      level: 'I',
      affectedSystems: ['Lifecare'],
      note: '',
      startsAt: hours(48).toISOString(),
      endsAt: hours(49).toISOString(),
    });
    expect(plan).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a second outage while one is going on, and overlapping plans', async () => {
    await start();
    const second = await app.call('outages.start', { level: 'I', affectedSystems: [], note: '' });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((second as { error: { message: string } }).error.message).toMatch(/pågår redan sedan/);
  });

  it('flags an outage over 48 hours for analysis and records who did it and when', async () => {
    const outage = await start();
    now = hours(49);
    const ended = (await app.ok('outages.end', { id: outage.id })) as Outage;
    expect(ended.needsAnalysis).toBe(true);
    expect(ended.analysisDoneOn).toBeNull();
    const future = await app.call('outages.recordAnalysis', {
      id: outage.id,
      doneOn: '2026-12-30',
    });
    expect(future).toMatchObject({ ok: false, error: { fields: { doneOn: expect.any(String) } } });
    const done = (await app.ok('outages.recordAnalysis', {
      id: outage.id,
      doneOn: '2026-11-24',
    })) as Outage;
    expect(done).toMatchObject({ analysisDoneOn: '2026-11-24', analysisByName: 'Maja Enhetschef' });
  });

  it('does not ask for an analysis of a short outage', async () => {
    const outage = await start();
    now = hours(2);
    await app.ok('outages.end', { id: outage.id });
    const refused = await app.call('outages.recordAnalysis', {
      id: outage.id,
      doneOn: '2026-11-22',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('plans outages ahead and lists them with the patch Wednesdays, which can be switched off', async () => {
    const planned = (await app.ok('outages.plan', {
      level: 'I',
      affectedSystems: ['Lifecare'],
      note: 'Uppgradering',
      startsAt: '2026-11-25T07:00:00.000Z',
      endsAt: '2026-11-25T09:00:00.000Z',
    })) as Outage;
    expect(planned).toMatchObject({ status: 'planned', kind: 'planned', durationMinutes: 0 });
    const windows = (await app.ok('outages.upcoming')) as { source: string; date: string }[];
    expect(windows.map((w) => w.source)).toEqual([
      'planned',
      'patchWednesday',
      'patchWednesday',
      'patchWednesday',
    ]);
    expect(windows[1]!.date).toBe('2026-12-09');

    await app.ok('unit.updateSettings', { patchWednesday: false });
    expect(((await app.ok('outages.upcoming')) as unknown[]).length).toBe(1);

    // When its time comes it is the active outage.
    now = new Date('2026-11-25T08:00:00Z');
    expect(await app.ok('app.status')).toMatchObject({ activeOutage: { id: planned.id } });
    now = new Date('2026-11-25T09:00:00Z');
    expect(await app.ok('app.status')).toMatchObject({ activeOutage: null });
  });

  it('starts an outage now even with a window planned later, but never one in the future', async () => {
    await app.ok('outages.plan', {
      level: 'I',
      affectedSystems: ['Lifecare'],
      note: '',
      startsAt: '2026-11-25T09:00:00.000Z',
      endsAt: '2026-11-25T09:30:00.000Z',
    });
    const future = await app.call('outages.start', {
      level: 'II',
      affectedSystems: [],
      note: '',
      startedAt: '2027-11-22T09:00:00.000Z',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { fields: { startedAt: expect.any(String) } },
    });
    expect(await start()).toMatchObject({ status: 'active' });
  });

  it('keeps changes of the payout limits in the audit log', async () => {
    await app.ok('cashCard.updateSettings', {
      cardProvider: 'ICA',
      warning: '60 000',
      strongWarning: '70 000',
      limit: '500 000',
    });
    const [entry] = (await listAudit(app.state.db(), 0, 1)).entries;
    expect(entry).toMatchObject({
      action: 'unit.updateSettings',
      before: { payoutLimitOre: 7500000 },
      after: { payoutLimitOre: 50000000 },
    });
  });

  it('validates times and systems in Swedish', async () => {
    const bad = await app.call('outages.plan', {
      level: 'IV' as never,
      affectedSystems: ['x'.repeat(81)],
      note: '',
      startsAt: '2026-11-25T09:00:00.000Z',
      endsAt: '2026-11-25T08:00:00.000Z',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: {
          level: 'Välj nivå.',
          'affectedSystems.0': 'Högst 80 tecken per system.',
        },
      },
    });
    const backwards = await app.call('outages.plan', {
      level: 'I',
      affectedSystems: [],
      note: '',
      startsAt: '2026-11-25T09:00:00.000Z',
      endsAt: '2026-11-25T08:00:00.000Z',
    });
    expect(backwards).toMatchObject({
      ok: false,
      error: { fields: { endsAt: 'Sluttiden måste vara efter starttiden.' } },
    });
  });
});
