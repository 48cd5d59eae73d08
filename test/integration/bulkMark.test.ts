import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outage } from '../../shared/outages';
import type { RegisterSummary } from '../../shared/registers/contract';
import type { MarkEnteredResult, RegisterRecord } from '../../shared/registers/schemas';
import { CASE_WORKER, createTestApp, SETUP, type TestApp } from '../support/app';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

/** Marking many records at once, on a real encrypted database. */
describe('marking records as entered in bulk', () => {
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

  const signIn = (username: 'kalle' | 'maja') =>
    app.signInAs(username, username === 'maja' ? SETUP.manager.password : undefined);
  const decision = async (clientName: string) =>
    (await app.ok(
      'decisions.create',
      sampleInput('decisions', { clientName }) as never,
    )) as RegisterRecord;

  it('marks what it may in one batch and says which were skipped and why', async () => {
    // The enhetschef's record: a colleague's to Kalle.
    const colleagues = await decision('Maja Registrerade');
    await signIn('kalle');
    const mine = await decision('Anna Svensson');
    const alsoMine = await decision('Bo Ek');
    const voided = await decision('Cecilia Makulerad');
    await app.ok('decisions.void', { id: voided.id, reason: 'Fel klient' });
    const entered = await decision('David Införd');
    await app.ok('decisions.markEntered', { ids: [entered.id], enteredOn: '2026-11-23' });
    const gone = randomUUID();

    const result = (await app.ok('decisions.markEntered', {
      ids: [mine.id, voided.id, colleagues.id, entered.id, gone, alsoMine.id, mine.id],
      enteredOn: '2026-11-23',
    })) as MarkEnteredResult;

    expect(result.count).toBe(2);
    expect(result.skipped).toEqual([
      { id: voided.id, clientName: 'Cecilia Makulerad', reason: 'voided' },
      { id: colleagues.id, clientName: 'Maja Registrerade', reason: 'colleague' },
      { id: entered.id, clientName: 'David Införd', reason: 'entered' },
      { id: gone, clientName: null, reason: 'missing' },
    ]);
    const list = (await app.ok('decisions.list', {
      voided: 'include',
      sort: 'clientName',
      direction: 'asc',
      limit: 10,
    } as never)) as { rows: RegisterRecord[] };
    expect(list.rows.map((r) => [r.clientName, r.enteredOn, r.enteredByInitials])).toEqual([
      ['Anna Svensson', '2026-11-23', 'KH'],
      ['Bo Ek', '2026-11-23', 'KH'],
      ['Cecilia Makulerad', null, null],
      ['David Införd', '2026-11-23', 'KH'],
      ['Maja Registrerade', null, null],
    ]);
    // One audit entry per record marked, as when marked one at a time; none for the skipped.
    const marked = (await app.state
      .db()
      .query(`SELECT entity_id FROM audit_log WHERE action = 'decisions.markEntered'`)) as {
      entity_id: string;
    }[];
    expect(marked.map((entry) => entry.entity_id).sort()).toEqual(
      [entered.id, mine.id, alsoMine.id].sort(),
    );
  });

  it('refuses a date in the future for the whole batch, before marking anything', async () => {
    const one = await decision('Anna Svensson');
    const refused = await app.call('decisions.markEntered', {
      ids: [one.id],
      enteredOn: '2026-11-24',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { enteredOn: expect.any(String) } },
    });
    const list = (await app.ok('decisions.list', { limit: 10 } as never)) as {
      rows: RegisterRecord[];
    };
    expect(list.rows[0]?.enteredOn).toBeNull();
  });

  it('"Markera alla" picks every record of the filter this person may mark, not only a page', async () => {
    await decision('Maja Registrerade');
    await signIn('kalle');
    for (let i = 0; i < 120; i++) await decision(`Klient ${String(i).padStart(3, '0')}`);
    const voided = await decision('Klient Makulerad');
    await app.ok('decisions.void', { id: voided.id, reason: 'Fel' });
    const entered = await decision('Klient Införd');
    await app.ok('decisions.markEntered', { ids: [entered.id], enteredOn: '2026-11-23' });

    const all = (await app.ok('decisions.markableIds', { voided: 'include' } as never)) as {
      ids: string[];
    };
    // 120 of Kalle's own; not the voided, the entered, nor the enhetschef's.
    expect(all.ids).toHaveLength(120);
    const searched = (await app.ok('decisions.markableIds', { search: 'klient 00' } as never)) as {
      ids: string[];
    };
    expect(searched.ids).toHaveLength(10);

    const result = (await app.ok('decisions.markEntered', {
      ids: all.ids,
      enteredOn: '2026-11-23',
    })) as MarkEnteredResult;
    expect(result).toEqual({ count: 120, skipped: [] });
    expect(await app.ok('decisions.markableIds', {} as never)).toEqual({ ids: [] });

    // The enhetschef may mark the colleague's record Kalle could not.
    await signIn('maja');
    expect(
      ((await app.ok('decisions.markableIds', {} as never)) as { ids: string[] }).ids,
    ).toHaveLength(1);
  });

  it('opens the overview counts as lists with the same rows', async () => {
    await app.ok('journalNotes.create', sampleInput('journalNotes') as never);
    const sol = (await app.ok(
      'journalNotes.create',
      sampleInput('journalNotes', {
        clientName: 'Anna Svensson',
        values: { ...sampleInput('journalNotes').values, law: 'SoL' },
      }) as never,
    )) as RegisterRecord;
    now = new Date('2026-11-25T15:00:00Z'); // ends Wednesday 25 November
    await app.ok('outages.end', { id: outage.id });
    // HSL: 2 December; SoL: 9 December. On 7 December one is late and one due in two days.
    now = new Date('2026-12-07T09:00:00Z');
    const summary = ((await app.ok('registers.summary')) as RegisterSummary[]).find(
      (s) => s.key === 'journalNotes',
    )!;
    expect(summary).toMatchObject({ notEntered: 2, dueSoon: 1, overdue: 1 });
    const rows = async (filter: Record<string, unknown>) =>
      (await app.ok('journalNotes.list', { limit: 10, ...filter } as never)) as {
        rows: RegisterRecord[];
        total: number;
      };
    const overdue = await rows({ deadline: 'overdue' });
    expect(overdue.total).toBe(summary.overdue);
    expect(overdue.rows.map((r) => r.clientName)).toEqual(['Tolvan Tolvansson']);
    const dueSoon = await rows({ deadline: 'dueSoon' });
    expect(dueSoon.total).toBe(summary.dueSoon);
    expect(dueSoon.rows.map((r) => r.clientName)).toEqual(['Anna Svensson']);
    expect((await rows({ entry: 'notEntered' })).total).toBe(summary.notEntered);

    // Entered, it leaves both the count and the list.
    await app.ok('journalNotes.markEntered', { ids: [sol.id], enteredOn: '2026-12-07' });
    expect((await rows({ deadline: 'dueSoon' })).total).toBe(0);
  });
});
