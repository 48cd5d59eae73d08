import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { Outage } from '../../shared/outages';
import type { HistoryEntry, RegisterRecord } from '../../shared/registers/schemas';
import type { RegisterSummary } from '../../shared/registers/contract';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  MANAGER,
  SETUP,
  type TestApp,
} from '../support/app';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

/** Issue 7, items 5–8: what is recorded is right, and read and changed by the right people. */
describe('what is recorded is right', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    now = new Date('2026-11-23T09:00:00Z'); // Monday 10:00 office time
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    await app.ok('users.create', CASE_WORKER);
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    await app.ok('users.create', {
      ...CASE_WORKER,
      fullName: 'Lisa Lind',
      initials: 'LL',
      username: 'lisa',
    });
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const signIn = async (username: string, password = 'kalle-123') => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username, password });
  };
  const startOutage = () =>
    app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    }) as Promise<Outage>;
  const decision = (purpose = 'Ekonomiskt bistånd, livsmedel', extra: object = {}) =>
    sampleInput('decisions', {
      values: { ...sampleInput('decisions').values, purpose },
      ...extra,
    }) as never;
  const list = async (channel: 'decisions.list', entry: 'all' | 'notEntered' | 'entered') =>
    (await app.ok(channel, { offset: 0, limit: 50, entry } as never)) as {
      rows: RegisterRecord[];
      total: number;
    };

  describe('5. a record changed after it was entered', () => {
    it('goes back on the later-entry list with what changed, until entered again', async () => {
      await startOutage();
      await signIn('kalle');
      const created = (await app.ok('decisions.create', decision())) as RegisterRecord;
      await app.ok('decisions.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });
      expect((await list('decisions.list', 'notEntered')).total).toBe(0);

      // Saving without a change leaves it entered.
      const same = (await app.ok('decisions.update', {
        id: created.id,
        input: decision(),
      })) as RegisterRecord;
      expect(same).toMatchObject({ enteredOn: '2026-11-23', changedAfterEntry: null });

      now = new Date('2026-11-23T10:00:00Z');
      const changed = (await app.ok('decisions.update', {
        id: created.id,
        input: decision('Ekonomiskt bistånd, hyra'),
      })) as RegisterRecord;
      expect(changed.enteredOn).toBeNull();
      expect(changed.changedAfterEntry).toEqual({
        at: '2026-11-23T10:00:00.000Z',
        byName: 'Kalle Handläggare',
        previousEnteredOn: '2026-11-23',
        previousEnteredByInitials: 'KH',
        changes: [
          {
            label: 'Ändamål/insats',
            before: 'Ekonomiskt bistånd, livsmedel',
            after: 'Ekonomiskt bistånd, hyra',
          },
        ],
      });
      const waiting = await list('decisions.list', 'notEntered');
      expect(waiting.rows.map((r) => r.id)).toEqual([created.id]);
      const summary = (await app.ok('registers.summary')) as RegisterSummary[];
      expect(summary.find((s) => s.key === 'decisions')?.notEntered).toBe(1);

      // A second change before it is entered again adds to the list of what changed.
      const again = (await app.ok('decisions.update', {
        id: created.id,
        input: decision('Ekonomiskt bistånd, el', { clientName: 'Tolvan T. Tolvansson' }),
      })) as RegisterRecord;
      expect(again.changedAfterEntry?.changes).toEqual([
        {
          label: 'Ändamål/insats',
          before: 'Ekonomiskt bistånd, livsmedel',
          after: 'Ekonomiskt bistånd, el',
        },
        { label: 'Klientens namn', before: 'Tolvan Tolvansson', after: 'Tolvan T. Tolvansson' },
      ]);
      expect(again.changedAfterEntry?.previousEnteredOn).toBe('2026-11-23');

      await app.ok('decisions.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });
      const entered = (await list('decisions.list', 'entered')).rows[0];
      expect(entered).toMatchObject({ id: created.id, changedAfterEntry: null });
    });

    it('shows its history: created, changed field by field, entered, unmarked, voided', async () => {
      await startOutage();
      await signIn('kalle');
      const created = (await app.ok('journalNotes.create', {
        ...sampleInput('journalNotes'),
        transcribedFromPaper: true,
        paperReferenceMissing: true,
      } as never)) as RegisterRecord;
      await app.ok('journalNotes.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });
      await app.ok('journalNotes.update', {
        id: created.id,
        input: {
          ...sampleInput('journalNotes'),
          transcribedFromPaper: true,
          paperReferenceMissing: true,
          values: { ...sampleInput('journalNotes').values, law: 'SoL' },
        },
      } as never);
      await app.ok('journalNotes.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });
      await app.ok('journalNotes.unmarkEntered', { id: created.id, reason: 'Fel klient i VODOK' });
      await app.ok('journalNotes.void', { id: created.id, reason: 'Dubblett' });

      const history = (await app.ok('journalNotes.history', { id: created.id })) as HistoryEntry[];
      expect(history.map((h) => [h.kind, h.actorName, h.summary])).toEqual([
        ['created', 'Kalle Handläggare', 'Registrerad – efterregistrerad från papper'],
        ['entered', 'Kalle Handläggare', 'Markerad som införd 2026-11-23 (KH)'],
        ['changedAfterEntry', 'Kalle Handläggare', 'Ändrad efter införing – ska föras in igen'],
        ['entered', 'Kalle Handläggare', 'Markerad som införd 2026-11-23 (KH)'],
        ['unmarked', 'Kalle Handläggare', 'Markeringen som införd togs bort: Fel klient i VODOK'],
        ['voided', 'Kalle Handläggare', 'Makulerad: Dubblett'],
      ]);
      expect(history[2]!.changes).toEqual([{ label: 'Lagrum', before: 'HSL', after: 'SoL' }]);
      expect(history.every((h) => h.at === '2026-11-23T09:00:00.000Z')).toBe(true);

      const missing = await app.call('journalNotes.history', {
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('stays entered when only an order’s follow-up fields are filled in, which are still audited', async () => {
      await startOutage();
      await signIn('kalle');
      const input = sampleInput('orders');
      const created = (await app.ok('orders.create', input as never)) as RegisterRecord;
      await app.ok('orders.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });

      const followedUp = {
        ...input,
        values: {
          ...input.values,
          confirmedAt: '2026-11-23T08:45:00.000Z',
          confirmedBy: 'Anna Utförare',
          registeredOn: '2026-11-23',
          activatedOn: '2026-11-23',
        },
      };
      const receipt = (await app.ok('orders.update', {
        id: created.id,
        input: followedUp,
      } as never)) as RegisterRecord;
      expect(receipt).toMatchObject({
        enteredOn: '2026-11-23',
        enteredByInitials: 'KH',
        changedAfterEntry: null,
        values: { confirmedBy: 'Anna Utförare', activatedOn: '2026-11-23' },
      });
      const [audited] = (await listAudit(app.state.db(), 0, 1)).entries;
      expect(audited).toMatchObject({ action: 'orders.update', entityId: created.id });
      const history = (await app.ok('orders.history', { id: created.id })) as HistoryEntry[];
      expect(history.at(-1)).toMatchObject({ kind: 'changed', summary: 'Ändrad' });
      expect(history.at(-1)!.changes.map((c) => c.label)).toEqual([
        'Mottagen av utföraren',
        'Mottagen av (namn)',
        'Registrerad i systemet',
        'Aktiverad av utföraren',
      ]);

      // Any other field still sends it back, listing only what must be entered again.
      const changed = (await app.ok('orders.update', {
        id: created.id,
        input: {
          ...followedUp,
          values: { ...followedUp.values, service: 'Hemtjänst, städ', confirmedBy: 'Anna Berg' },
        },
      } as never)) as RegisterRecord;
      expect(changed.enteredOn).toBeNull();
      expect(changed.changedAfterEntry?.changes).toEqual([
        { label: 'Insats', before: 'Hemtjänst, inköp', after: 'Hemtjänst, städ' },
      ]);
    });

    it('gets its entry mark back when changed back to what was entered', async () => {
      await startOutage();
      await signIn('kalle');
      const created = (await app.ok('decisions.create', decision())) as RegisterRecord;
      await signIn('maja', MANAGER.password);
      await app.ok('decisions.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });

      await signIn('kalle');
      now = new Date('2026-11-23T10:00:00Z');
      await app.ok('decisions.update', {
        id: created.id,
        input: decision('Ekonomiskt bistånd, hyra'),
      });
      expect((await list('decisions.list', 'notEntered')).total).toBe(1);

      now = new Date('2026-11-23T11:00:00Z');
      const back = (await app.ok('decisions.update', {
        id: created.id,
        input: decision(),
      })) as RegisterRecord;
      expect(back).toMatchObject({
        enteredOn: '2026-11-23',
        enteredByName: 'Maja Enhetschef',
        enteredByInitials: 'ME',
        changedAfterEntry: null,
        values: { purpose: 'Ekonomiskt bistånd, livsmedel' },
      });
      expect((await list('decisions.list', 'notEntered')).total).toBe(0);
      expect((await list('decisions.list', 'entered')).rows.map((r) => r.id)).toEqual([created.id]);
      const history = (await app.ok('decisions.history', { id: created.id })) as HistoryEntry[];
      expect(history.at(-1)).toMatchObject({
        kind: 'changed',
        actorName: 'Kalle Handläggare',
        summary: 'Ändrad tillbaka – åter markerad som införd 2026-11-23 (ME)',
      });

      // Changed again later, it keeps the mark it got back, not the changer's.
      const again = (await app.ok('decisions.update', {
        id: created.id,
        input: decision('Ekonomiskt bistånd, el'),
      })) as RegisterRecord;
      expect(again.changedAfterEntry).toMatchObject({
        previousEnteredOn: '2026-11-23',
        previousEnteredByInitials: 'ME',
      });
    });
  });

  describe('6. plausible values', () => {
    it('refuses a decision dated after today and a note in the future, at the field', async () => {
      await startOutage();
      const tomorrow = await app.call(
        'decisions.create',
        sampleInput('decisions', {
          values: { ...sampleInput('decisions').values, decisionDate: '2026-11-24' },
        }) as never,
      );
      expect(tomorrow).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fields: { 'values.decisionDate': expect.stringMatching(/efter i dag/) },
        },
      });
      const later = await app.call(
        'journalNotes.create',
        sampleInput('journalNotes', {
          values: { ...sampleInput('journalNotes').values, occurredAt: '2026-11-23T09:01:00.000Z' },
        }) as never,
      );
      expect(later).toMatchObject({
        ok: false,
        error: { fields: { 'values.occurredAt': 'Datum och tid kan inte ligga i framtiden.' } },
      });
      expect((await list('decisions.list', 'all')).total).toBe(0);
    });

    it('takes the office date just after midnight, not UTC’s', async () => {
      now = new Date('2026-11-22T23:30:00Z'); // 00:30 on Monday 23 November in Sweden
      await startOutage();
      await app.ok('decisions.create', decision());
      // A child born today (office date) is valid from midnight; one born tomorrow is not.
      await app.ok(
        'decisions.create',
        sampleInput('decisions', { clientName: 'Nyfödd', personnummer: '20261123-2386' }) as never,
      );
      expect(
        await app.call(
          'decisions.create',
          sampleInput('decisions', { clientName: 'Ofödd', personnummer: '20261124-2385' }) as never,
        ),
      ).toMatchObject({
        ok: false,
        error: { fields: { personnummer: 'Personnumret har ett födelsedatum i framtiden.' } },
      });
    });

    it('asks before saving a record dated outside its outage, and saves once confirmed', async () => {
      const outage = await startOutage();
      const early = sampleInput('decisions', {
        values: { ...sampleInput('decisions').values, decisionDate: '2026-11-20' },
      });
      const asked = await app.call('decisions.create', early as never);
      expect(asked).toMatchObject({
        ok: false,
        error: {
          code: 'OUTSIDE_PERIOD',
          fields: {
            'values.decisionDate': expect.stringContaining(
              'utanför avbrottets period (2026-11-23)',
            ),
          },
        },
      });
      expect((await list('decisions.list', 'all')).total).toBe(0);
      const saved = (await app.ok('decisions.create', {
        ...early,
        confirmOutsidePeriod: true,
      } as never)) as RegisterRecord;
      expect(saved.values.decisionDate).toBe('2026-11-20');

      // Changing something else later does not ask again; changing the date does.
      await app.ok('decisions.update', {
        id: saved.id,
        input: { ...early, clientName: 'Tolvan T. Tolvansson' },
      } as never);
      const redated = await app.call('decisions.update', {
        id: saved.id,
        input: sampleInput('decisions', {
          values: { ...sampleInput('decisions').values, decisionDate: '2026-11-19' },
        }),
      } as never);
      expect(redated).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PERIOD' } });

      // Paper transcribed after the outage, dated within it, is the normal case.
      now = new Date('2026-11-25T15:00:00Z');
      await app.ok('outages.end', { id: outage.id, note: '' });
      now = new Date('2026-11-27T09:00:00Z');
      const transcribed = await app.call('decisions.create', {
        ...sampleInput('decisions', {
          values: { ...sampleInput('decisions').values, decisionDate: '2026-11-24' },
        }),
        outageId: outage.id,
        transcribedFromPaper: true,
        paperReferenceMissing: true,
      } as never);
      expect(transcribed).toMatchObject({ ok: true });
      const afterEnd = await app.call('journalNotes.create', {
        ...sampleInput('journalNotes', {
          values: { ...sampleInput('journalNotes').values, occurredAt: '2026-11-26T09:00:00.000Z' },
        }),
        outageId: outage.id,
        transcribedFromPaper: true,
        paperReferenceMissing: true,
      } as never);
      expect(afterEnd).toMatchObject({ ok: false, error: { code: 'OUTSIDE_PERIOD' } });
    });

    it('refuses a payout of 0 kr at the amount field', async () => {
      await startOutage();
      await signIn('ebba');
      for (const amount of ['0', '0,00']) {
        const zero = await app.call(
          'payouts.create',
          sampleInput('payouts', { values: { ...sampleInput('payouts').values, amount } }) as never,
        );
        expect(zero).toMatchObject({
          ok: false,
          error: { fields: { 'values.amount': 'Belopp till klient måste vara mer än 0 kr.' } },
        });
      }
      const account = (await app.ok('cashCard.account')) as { payoutCount: number };
      expect(account.payoutCount).toBe(0);
    });
  });

  describe('7. ending an outage', () => {
    it('is for the enhetschef or the person who started it, with the real end time and a note', async () => {
      await signIn('kalle');
      const outage = await startOutage();
      now = new Date('2026-11-23T14:00:00Z');

      await signIn('lisa');
      const other = await app.call('outages.end', { id: outage.id, note: '' });
      expect(other).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('enhetschefen') },
      });
      const [refusal] = (await listAudit(app.state.db(), 0, 1)).entries;
      expect(refusal).toMatchObject({
        action: 'access.denied',
        actorName: 'Lisa Lind',
        entity: 'outage',
        entityId: outage.id,
      });
      await signIn('ebba');
      expect(await app.call('outages.end', { id: outage.id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await app.ok('app.status')).toMatchObject({ activeOutage: { id: outage.id } });

      await signIn('kalle');
      const future = await app.call('outages.end', {
        id: outage.id,
        endedAt: '2026-11-23T15:00:00.000Z',
        note: '',
      });
      expect(future).toMatchObject({
        ok: false,
        error: { fields: { endedAt: expect.any(String) } },
      });
      const ended = (await app.ok('outages.end', {
        id: outage.id,
        endedAt: '2026-11-23T13:30:00.000Z',
        note: 'Paraplyet åter i drift enligt IT',
      })) as Outage;
      expect(ended).toMatchObject({
        status: 'ended',
        endsAt: '2026-11-23T13:30:00.000Z',
        endedByName: 'Kalle Handläggare',
        endNote: 'Paraplyet åter i drift enligt IT',
      });
      const listed = (await app.ok('outages.list')) as Outage[];
      expect(listed[0]).toMatchObject({ endNote: 'Paraplyet åter i drift enligt IT' });
    });

    it('lets the enhetschef end an outage a handläggare started', async () => {
      await signIn('kalle');
      const outage = await startOutage();
      now = new Date('2026-11-23T12:00:00Z');
      await signIn('maja', MANAGER.password);
      const ended = (await app.ok('outages.end', { id: outage.id, note: 'Klart' })) as Outage;
      expect(ended).toMatchObject({ status: 'ended', endedByName: 'Maja Enhetschef' });
    });
  });

  describe('8. roles in main', () => {
    it('lets only the enhetschef change the payout limit and warning levels', async () => {
      const settings = {
        cardProvider: 'ICA',
        warning: '60 000',
        strongWarning: '70 000',
        limit: '90 000',
      };
      await signIn('ebba');
      expect(await app.call('cashCard.updateSettings', settings)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const [refusal] = (await listAudit(app.state.db(), 0, 1)).entries;
      expect(refusal).toMatchObject({
        action: 'access.denied',
        entityId: 'cashCard.updateSettings',
      });
      expect(await app.ok('cashCard.account')).toMatchObject({ limitOre: 7_500_000 });

      await signIn('maja', MANAGER.password);
      expect(await app.ok('cashCard.updateSettings', settings)).toMatchObject({
        limitOre: 9_000_000,
      });
    });

    it('keeps journal notes from the chef ekonomiskt bistånd, who reads decisions and orders', async () => {
      await startOutage();
      await signIn('kalle');
      const note = (await app.ok(
        'journalNotes.create',
        sampleInput('journalNotes', { clientName: 'Hemlig Person' }) as never,
      )) as RegisterRecord;
      await app.ok(
        'orders.create',
        sampleInput('orders', { personnummer: '20000229-1235' }) as never,
      );

      await signIn('ebba');
      for (const call of [
        app.call('journalNotes.list', { offset: 0, limit: 5 } as never),
        app.call('journalNotes.history', { id: note.id }),
      ]) {
        expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await app.ok('orders.list', { offset: 0, limit: 5 } as never)).toMatchObject({
        total: 1,
      });
      const summary = (await app.ok('registers.summary')) as RegisterSummary[];
      expect(summary.map((s) => s.key)).toEqual([
        'decisions',
        'orders',
        'otherDocuments',
        'payouts',
      ]);
      expect(await app.ok('clients.knownNames', { personnummer: '191212121212' })).toEqual([]);

      await signIn('kalle');
      expect(await app.ok('clients.knownNames', { personnummer: '191212121212' })).toEqual([
        'Hemlig Person',
      ]);
      expect(await app.ok('journalNotes.history', { id: note.id })).toHaveLength(1);
    });
  });
});
