import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { allocateReferences } from '../../main/app/references/referenceService';
import type { SessionUser } from '../../shared/contract';
import { emptyLocalRoutines, type LocalRoutines } from '../../shared/localRoutines';
import type { Outage } from '../../shared/outages';
import type { PrintedReference } from '../../shared/references';
import type { RegisterRecord } from '../../shared/registers/schemas';
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

/** Issue 8, item 3: paper ↔ app references, and the unit's local routines. */
describe('paper references', () => {
  let cleanup: () => void;
  let app: TestApp;
  let now: Date;
  let manager: SessionUser;
  let kalle: SessionUser;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    now = new Date('2026-11-23T09:00:00Z'); // Monday 10:00 office time
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    kalle = (await app.ok('users.create', CASE_WORKER)) as SessionUser;
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    const users = (await app.ok('users.list')) as SessionUser[];
    manager = users.find((u) => u.username === MANAGER.username)!;
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const signIn = async (username: string, password = 'kalle-123') => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username, password });
  };
  const allocate = (count: number, actor: SessionUser = manager, kind = 'decisions') =>
    app.state.db().transaction((em) => allocateReferences(em, { kind, count, actor, now }));
  const unused = async (outageId: string | null = null) =>
    (
      (await app.ok('references.listUnused', { outageId })) as {
        rows: PrintedReference[];
        total: number;
      }
    ).rows.map((row) => row.reference);
  const transcribe = (paperReference: string, extra: object = {}) =>
    app.call('decisions.create', {
      ...sampleInput('decisions'),
      transcribedFromPaper: true,
      paperReference,
      ...extra,
    } as never);
  const startOutage = () =>
    app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    }) as Promise<Outage>;

  it('derives the prefix from the unit name and allocates unique serials across calls', async () => {
    const status = (await app.ok('app.status')) as { unit: { referencePrefix: string } };
    expect(status.unit.referencePrefix).toBe('ET'); // "Enhet Test"
    expect(await allocate(3)).toEqual(['ET000001', 'ET000002', 'ET000003']);
    expect(await allocate(2, kalle, 'journalSheet')).toEqual(['ET000004', 'ET000005']);

    // A new prefix applies to what is printed next; serials go on, nothing is reused.
    await app.ok('unit.updateReferencePrefix', { prefix: 'st' });
    expect(await allocate(1)).toEqual(['ST000006']);
  });

  it('refuses a bad prefix, and lets only the enhetschef change it', async () => {
    expect(await app.call('unit.updateReferencePrefix', { prefix: 'SÖ' })).toMatchObject({
      ok: false,
      error: { fields: { prefix: expect.stringContaining('A–Z') } },
    });
    expect(await app.call('unit.updateReferencePrefix', { prefix: 'S1' })).toMatchObject({
      ok: false,
    });
    await signIn('kalle');
    expect(await app.call('unit.updateReferencePrefix', { prefix: 'KH' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a transcription asks for the reference, normalizes what was typed and takes it off the list', async () => {
    const outage = await startOutage();
    now = new Date('2026-11-23T11:00:00Z');
    await app.ok('outages.end', { id: outage.id, note: '' });
    await allocate(3);
    await signIn('kalle');

    const missing = await transcribe('', { outageId: outage.id });
    expect(missing).toMatchObject({
      ok: false,
      error: { fields: { paperReference: expect.stringContaining('referensen') } },
    });

    // As a person might type it: lower case, a space, the zeros left out.
    const created = (await app.ok('decisions.create', {
      ...sampleInput('decisions'),
      outageId: outage.id,
      transcribedFromPaper: true,
      paperReference: ' et 2 ',
    } as never)) as RegisterRecord;
    expect(created.paperReference).toBe('ET000002');
    expect(await unused()).toEqual(['ET000001', 'ET000003']);
    expect(await unused(outage.id)).toEqual([]); // printed after that outage ended

    // The same paper row cannot be transcribed twice, and a Bilaga 3 row belongs in Beslut.
    expect(await transcribe('ET000002', { outageId: outage.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { paperReference: expect.stringContaining('redan') } },
    });
    expect(
      await app.call('journalNotes.create', {
        ...sampleInput('journalNotes'),
        outageId: outage.id,
        transcribedFromPaper: true,
        paperReference: 'ET000002',
        values: { ...sampleInput('journalNotes').values, occurredAt: '2026-11-23T08:00:00.000Z' },
      } as never),
    ).toMatchObject({
      ok: false,
      error: { fields: { paperReference: expect.stringContaining('blankett för beslut') } },
    });

    // A reference this unit never printed is refused, and so is nonsense.
    expect(await transcribe('ET000099', { outageId: outage.id })).toMatchObject({
      ok: false,
      error: { fields: { paperReference: expect.stringContaining('inte skrivits ut') } },
    });
    expect(await transcribe('123-ABC', { outageId: outage.id })).toMatchObject({
      ok: false,
      error: { fields: { paperReference: expect.any(String) } },
    });

    // A paper without a reference can still be transcribed, once the person says so.
    expect(
      await transcribe('', { outageId: outage.id, paperReferenceMissing: true }),
    ).toMatchObject({ ok: true, value: { paperReference: null } });

    // Corrected to another reference: the first is free again.
    const updated = (await app.ok('decisions.update', {
      id: created.id,
      input: {
        ...sampleInput('decisions'),
        outageId: outage.id,
        transcribedFromPaper: true,
        paperReference: 'ET000003',
      },
    } as never)) as RegisterRecord;
    expect(updated.paperReference).toBe('ET000003');
    expect(await unused()).toEqual(['ET000001', 'ET000002']);

    // Voided: the paper goes back on the list and can be transcribed again.
    await app.ok('decisions.void', { id: created.id, reason: 'Fel klient' });
    expect(await unused()).toEqual(['ET000001', 'ET000002', 'ET000003']);
    expect(await transcribe('ET000003', { outageId: outage.id })).toMatchObject({ ok: true });

    const { entries } = await listAudit(app.state.db(), 0, 100);
    const actions = entries.filter((e) => e.entity === 'reference').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['references.use', 'references.release']));
  });

  it('a corrected reference is in the history but does not send an entered record back', async () => {
    await startOutage();
    await allocate(2);
    const created = (await app.ok('decisions.create', {
      ...sampleInput('decisions'),
      transcribedFromPaper: true,
      paperReference: 'ET000001',
    } as never)) as RegisterRecord;
    await app.ok('decisions.markEntered', { ids: [created.id], enteredOn: '2026-11-23' });
    const updated = (await app.ok('decisions.update', {
      id: created.id,
      input: { ...sampleInput('decisions'), transcribedFromPaper: true, paperReference: 'ET2' },
    } as never)) as RegisterRecord;
    expect(updated).toMatchObject({
      paperReference: 'ET000002',
      enteredOn: '2026-11-23',
      changedAfterEntry: null,
    });
    const history = (await app.ok('decisions.history', { id: created.id })) as {
      changes: { label: string; before: string; after: string }[];
    }[];
    expect(history.flatMap((h) => h.changes)).toContainEqual({
      label: 'Blankettens referens',
      before: 'ET000001',
      after: 'ET000002',
    });
  });

  it('a reference is refused on a record not transcribed from paper', async () => {
    await startOutage();
    await allocate(1);
    expect(
      await app.call('decisions.create', {
        ...sampleInput('decisions'),
        paperReference: 'ET000001',
      } as never),
    ).toMatchObject({ ok: false, error: { fields: { paperReference: expect.any(String) } } });
  });

  it('writes off with a reason: the enhetschef any, others only what they printed', async () => {
    await allocate(2, manager);
    await allocate(2, kalle);
    await signIn('kalle');
    expect(
      await app.call('references.writeOff', { references: ['ET000001'], reason: 'Tom rad' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await app.call('references.writeOff', { references: ['ET000003'], reason: '' }),
    ).toMatchObject({ ok: false, error: { fields: { reason: expect.any(String) } } });
    expect(
      await app.ok('references.writeOff', { references: ['et 3', 'ET000004'], reason: 'Tom rad' }),
    ).toEqual({ count: 2 });
    expect(await unused()).toEqual(['ET000001', 'ET000002']);

    await signIn(MANAGER.username, MANAGER.password);
    expect(
      await app.call('references.writeOff', { references: ['ET000077'], reason: 'Tom rad' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // All or nothing: one unknown reference writes off none.
    expect(
      await app.call('references.writeOff', {
        references: ['ET000001', 'ET000077'],
        reason: 'Tom rad',
      }),
    ).toMatchObject({ ok: false });
    expect(await unused()).toEqual(['ET000001', 'ET000002']);
    await app.ok('references.writeOff', {
      references: ['ET000001'],
      reason: 'Blanketten kasserad',
    });
    expect(await unused()).toEqual(['ET000002']);

    const { entries } = await listAudit(app.state.db(), 0, 50);
    const writeOffs = entries.filter((e) => e.action === 'references.writeOff');
    expect(writeOffs.map((e) => e.entityId).sort()).toEqual(['ET000001', 'ET000003', 'ET000004']);
  });

  it('a used reference cannot be written off', async () => {
    await startOutage();
    await allocate(1);
    await transcribe('ET000001');
    expect(
      await app.call('references.writeOff', { references: ['ET000001'], reason: 'Tom rad' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('never names the client of a record in a register the person may not read', async () => {
    await startOutage();
    await allocate(1, kalle, 'journalSheet');
    await signIn('kalle');
    await app.ok('journalNotes.create', {
      ...sampleInput('journalNotes'),
      clientName: 'Hemlig Patient',
      transcribedFromPaper: true,
      paperReference: 'ET000001',
    } as never);
    // The chef ekonomiskt bistånd reads no journal notes: told only that it is used.
    await signIn('ebba');
    const reused = await app.call('payouts.create', {
      ...sampleInput('payouts'),
      transcribedFromPaper: true,
      paperReference: 'ET000001',
    } as never);
    // A journal sheet's reference belongs in Journalanteckningar only; nothing about the
    // record that holds it is said.
    expect(reused).toMatchObject({
      ok: false,
      error: {
        fields: { paperReference: expect.stringContaining('blankett för journalanteckningar') },
      },
    });
    expect(JSON.stringify(reused)).not.toContain('Hemlig');
    // Writing off someone else's reference is refused before anything is said about it.
    const writeOff = await app.call('references.writeOff', {
      references: ['ET000001'],
      reason: 'Tom rad',
    });
    expect(writeOff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(writeOff)).not.toContain('Hemlig');
  });

  it('every role reads the unused list; nobody signed out does', async () => {
    await allocate(1);
    await signIn('ebba');
    expect(await unused()).toEqual(['ET000001']);
    await app.ok('session.signOut');
    expect(await app.call('references.listUnused', { outageId: null })).toMatchObject({
      ok: false,
    });
    expect(await app.call('references.countUnused')).toMatchObject({ ok: false });
  });

  it('counts what the unused list holds, for the overview of every role', async () => {
    const count = async () => ((await app.ok('references.countUnused')) as { total: number }).total;
    expect(await count()).toBe(0);
    await startOutage();
    await allocate(3);
    await signIn('kalle');
    expect(await count()).toBe(3);
    expect(await transcribe('ET000002')).toMatchObject({ ok: true });
    expect(await count()).toBe(2);
    await signIn(MANAGER.username, MANAGER.password);
    await app.ok('references.writeOff', { references: ['ET000003'], reason: 'Kasserad' });
    expect(await count()).toBe(1);
    expect(await unused()).toEqual(['ET000001']);
  });

  describe('local routines', () => {
    const routines: LocalRoutines = {
      checklistAnswers: [
        'Klientlistor och pågående beslut skrivs ut dagen före.',
        'Pappersblanketter i pärmen.',
        'Reservpärm på kontorsdatorn.',
        'Varje handläggare för in sina egna poster.',
      ],
      contacts: [
        {
          period: 'office',
          hours: '08:00–16:00',
          who: 'IT-support',
          phone: '011-15 00 00',
          note: '',
        },
        {
          period: 'afterHours',
          hours: '16:00–08:00',
          who: 'Jourhavande chef',
          phone: '011-15 99 99',
          note: 'Endast akuta fel.',
        },
        { period: 'afterHours', hours: '', who: 'Larmcentralen', phone: '112', note: '' },
      ],
    };

    it('starts empty, is read by every role and updated by the enhetschef only, audited', async () => {
      expect(await app.ok('localRoutines.get')).toEqual(emptyLocalRoutines);
      expect(await app.ok('localRoutines.update', routines)).toEqual(routines);
      expect(await app.ok('localRoutines.get')).toEqual(routines);
      const { entries } = await listAudit(app.state.db(), 0, 10);
      expect(entries[0]).toMatchObject({
        action: 'localRoutines.update',
        before: emptyLocalRoutines,
        after: routines,
      });

      await signIn('kalle');
      expect(await app.ok('localRoutines.get')).toEqual(routines);
      expect(await app.call('localRoutines.update', emptyLocalRoutines)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });

    it('validates: one answer per question, a contact needs who', async () => {
      expect(
        await app.call('localRoutines.update', { ...routines, checklistAnswers: ['a'] }),
      ).toMatchObject({ ok: false });
      const result = await app.call('localRoutines.update', {
        ...routines,
        contacts: [{ ...routines.contacts[0]!, who: ' ' }],
      });
      expect(result).toMatchObject({
        ok: false,
        error: { fields: { 'contacts.0.who': expect.stringContaining('Ange') } },
      });
      expect(await app.ok('localRoutines.get')).toEqual(emptyLocalRoutines);
    });
  });
});
