import { describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { Input, SessionUser } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import type { PrintedReference } from '../../shared/references';
import { CASE_WORKER, useUnitApp, FINANCIAL_AID_MANAGER, type TestApp } from '../support/app';
import { keepAndRead } from '../support/pdf';
import { sampleInput } from '../support/records';

type Pdf = { documentId: string; fileName: string; pdfBase64: string };
const bytesOf = (pdf: Pdf) => new Uint8Array(Buffer.from(pdf.pdfBase64, 'base64'));

/** Issue 8: the print channels through the real router on a real encrypted database. */
describe('print channels', () => {
  let app: TestApp;
  let kalle: SessionUser;

  useUnitApp(async (ready) => {
    app = ready;
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    kalle = (await app.ok('users.create', CASE_WORKER)) as SessionUser;
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
  });

  const signIn = async (username: string) => {
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username, password: 'kalle-123' });
  };
  /** What the preview's "Skriv ut…" does: the held document to the print dialog. */
  const print = (pdf: Pdf) => app.ok('documents.print', { documentId: pdf.documentId });
  /** Prints through a channel and reads the PDF back (kept in test-results/pdf/). */
  const printed = async <C extends 'print.outage' | 'print.usbReceipts'>(
    name: string,
    channel: C,
    input: Input<C>,
  ) => {
    const pdf = (await app.ok(channel, input)) as Pdf;
    await print(pdf);
    return keepAndRead(name, bytesOf(pdf));
  };
  const audit = async (action: string) =>
    (await listAudit(app.state.db(), 0, 100)).entries.filter((e) => e.action === action);
  const unused = async () =>
    (await app.ok('references.listUnused', { outageId: null })) as {
      rows: PrintedReference[];
      total: number;
    };

  it('prints blank decision documents with fresh references that then wait to be transcribed', async () => {
    await signIn('kalle');
    const pdf = (await app.ok('print.blankTemplate', {
      key: 'decisionDocument',
      pages: 3,
    })) as Pdf;
    expect(pdf.fileName).toBe('Beslutsdokument-2026-11-23.pdf');
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    // Shown, not yet printed: nothing waits to be transcribed, nothing is audited.
    expect((await unused()).total).toBe(0);
    expect(await audit('print.blankTemplate')).toHaveLength(0);

    expect(await print(pdf)).toEqual({ outcome: 'printed' });
    expect(app.desktop.printed.map((p) => p.bytes)).toEqual([bytesOf(pdf)]);
    const { rows } = await unused();
    const references = rows.map((row) => row.reference).sort();
    expect(references).toEqual(['ET000001', 'ET000002', 'ET000003']);
    expect(rows.every((row) => row.kind === 'decisionDocument')).toBe(true);

    const read = await keepAndRead('print-channel-decision-documents', bytesOf(pdf));
    expect(read.pages).toBe(3);
    for (const reference of references) expect(read.text).toContain(reference);
    expect(read.text).toContain('Kalle Handläggare');
    expect(read.text).toContain('Enhet Test');

    const [entry] = await audit('print.blankTemplate');
    expect(entry).toMatchObject({ actorName: kalle.fullName, entityId: 'decisionDocument' });
    expect(entry!.after).toMatchObject({
      pages: 3,
      kind: 'decisionDocument',
      references: 3,
      first: 'ET000001',
      last: 'ET000003',
      to: 'printer',
    });
    // One print, one entry: the references it handed out are in it, not in one of their own.
    const { entries } = await listAudit(app.state.db(), 0, 100);
    expect(entries.filter((e) => e.entity === 'print' || e.entity === 'reference')).toHaveLength(1);
  });

  it('names a register form after its appendix and records its references under the register', async () => {
    const pdf = (await app.ok('print.blankTemplate', { key: 'decisionList', pages: 1 })) as Pdf;
    expect(pdf.fileName).toBe('Bilaga-3-Beslut-2026-11-23.pdf');
    await print(pdf);
    const { rows } = await unused();
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.kind === 'decisions')).toBe(true);

    // A template without references allocates none.
    const checklist = (await app.ok('print.blankTemplate', {
      key: 'plannedOutageChecklist',
      pages: 1,
    })) as Pdf;
    expect(checklist.fileName).toMatch(/^Lokal-checklista-vid-planerade-avbrott-2026-11-23\.pdf$/);
    await print(checklist);
    expect((await unused()).total).toBe(10);
    expect(await app.call('print.blankTemplate', { key: 'decisionList', pages: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('prints a register with the list filter, for its readers only, audited without personal data', async () => {
    const outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;
    await signIn('kalle');
    await app.ok(
      'decisions.create',
      sampleInput('decisions', { clientName: 'Anna Andersson' }) as never,
    );
    await app.ok(
      'decisions.create',
      sampleInput('decisions', { clientName: 'Bertil Berg' }) as never,
    );
    await app.ok('journalNotes.create', sampleInput('journalNotes') as never);

    const filter = { outageId: outage.id, search: 'Bertil' };
    const pdf = (await app.ok('print.register', { register: 'decisions', filter })) as Pdf;
    expect(pdf.fileName).toBe('Forteckning-Beslut-2026-11-23.pdf');
    const read = await keepAndRead('print-channel-decisions-filtered', bytesOf(pdf));
    expect(read.text).toContain('Bertil Berg');
    expect(read.text).not.toContain('Anna Andersson');
    expect(read.text).toContain('Sökning ”Bertil”');
    // Previews are not audited; the print is, once, with what was printed and not whom.
    expect(await audit('print.register')).toHaveLength(0);
    await print(pdf);

    const all = await keepAndRead(
      'print-channel-decisions-all',
      bytesOf((await app.ok('print.register', { register: 'decisions', filter: {} })) as Pdf),
    );
    expect(all.text).toContain('Anna Andersson');
    expect(all.text).toContain('Bertil Berg');

    // "Bara mina poster": the person's records, and the subtitle says whose.
    const mine = await keepAndRead(
      'print-channel-decisions-mine',
      bytesOf(
        (await app.ok('print.register', {
          register: 'decisions',
          filter: { createdById: kalle.id },
        })) as Pdf,
      ),
    );
    expect(mine.text).toContain('Registrerade av Kalle Handläggare');
    expect(mine.text).toContain('Anna Andersson');

    const entries = await audit('print.register');
    expect(entries.map((e) => e.after)).toEqual([
      { register: 'decisions', rows: 1, outageId: outage.id, to: 'printer' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('Bertil');

    // A handläggare cannot print payouts; a chef ekonomiskt bistånd cannot print journal notes.
    expect(await app.call('print.register', { register: 'payouts', filter: {} })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('Handläggare') },
    });
    await signIn('ebba');
    expect(
      await app.call('print.register', { register: 'journalNotes', filter: {} }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await audit('access.denied')).toHaveLength(2);
    const payouts = (await app.ok('print.register', { register: 'payouts', filter: {} })) as Pdf;
    expect(payouts.fileName).toBe('Forteckning-Utbetalningar-2026-11-23.pdf');
  });

  it('prints a whole outage with the registers the person may read', async () => {
    const outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;
    await signIn('kalle');
    await app.ok('decisions.create', sampleInput('decisions') as never);
    await app.ok('journalNotes.create', sampleInput('journalNotes') as never);

    const kalles = await keepAndRead(
      'print-channel-outage-kalle',
      bytesOf((await app.ok('print.outage', { outageId: outage.id })) as Pdf),
    );
    expect(kalles.text).toContain('Journalanteckningar');
    expect(kalles.text).not.toMatch(/Utförda utbetalningar/);

    await signIn('ebba');
    const pdf = (await app.ok('print.outage', { outageId: outage.id })) as Pdf;
    expect(pdf.fileName).toMatch(/^Forteckning-Avbrott-2026-11-23\.pdf$/);
    const ebbas = await keepAndRead('print-channel-outage-ebba', bytesOf(pdf));
    expect(ebbas.text).not.toContain('Journalanteckningar');
    expect(ebbas.text).toMatch(/Utförda utbetalningar/);

    await print(pdf);
    const entries = await audit('print.outage');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.entityId).toBe(outage.id);
  });

  it('prints Bilaga 1 and 2 filled in, for those who read them, and the outage’s sticks with it', async () => {
    const issue = (stickNumber: string, receiverName: string, outageId: string | null) =>
      app.ok('usbReceipts.issue', {
        stickNumber,
        issuedOn: '2026-11-23',
        receiverName,
        receiverSignature: 'KH',
        workplace: 'Mottagningen',
        outageId,
      }) as Promise<{ id: string }>;
    // One lent before the outage, one during it.
    await issue('USB 2', 'Zoltán Kővári', null);
    const outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as Outage;
    const lent = await issue('USB 7', 'Kalle Handläggare', outage.id);
    await app.ok('usbReceipts.return', { id: lent.id, returnedOn: '2026-11-23', certified: true });

    const all = await printed('print-channel-usb-all', 'print.usbReceipts', { outageId: null });
    const text = all.text.replace(/\s+/g, ' ');
    for (const words of [
      'Kvittenslista för USB-minnen',
      'Datum utlämning',
      'Namn och signatur',
      'USB-minnets nummer',
      'Kalle Handläggare (KH)',
      '2026-11-23 ME',
      'Ej återlämnat',
      'Totalt: 2 utlämnade, 1 ej återlämnade',
    ]) {
      expect(text).toContain(words);
    }
    const mine = await printed('print-channel-usb-outage', 'print.usbReceipts', {
      outageId: outage.id,
    });
    expect(mine.text).toContain('Avbrott nivå II');
    expect(mine.text).toContain('USB 7');
    expect(mine.text).not.toContain('USB 2');

    // The whole outage: the enhetschef's has its sticks, the chef ekonomiskt bistånd's not.
    const managers = await printed('print-channel-outage-manager', 'print.outage', {
      outageId: outage.id,
    });
    expect(managers.text).toContain('Kvittenslista för USB-minnen');
    expect(managers.text).toContain('USB 7');
    expect(managers.text).not.toContain('USB 2');
    const [outageEntry] = await audit('print.outage');
    expect(outageEntry!.after).toMatchObject({ usbReceipts: 1 });

    await signIn('ebba');
    await app.ok('custodians.create', {
      name: 'Lisa Kassa',
      unitName: 'Ekonomiskt bistånd',
      phone: '08-508 000 00',
      email: 'lisa.kassa@kommun.se',
    });
    const former = (await app.ok('custodians.create', {
      name: 'Åke Förre',
      unitName: 'Ekonomiskt bistånd',
      phone: '08-508 000 01',
      email: 'ake@kommun.se',
    })) as { id: string };
    await app.ok('custodians.update', {
      id: former.id,
      name: 'Åke Förre',
      unitName: 'Ekonomiskt bistånd',
      phone: '08-508 000 01',
      email: 'ake@kommun.se',
      active: false,
    });
    const custodians = (await app.ok('print.custodians')) as Pdf;
    await print(custodians);
    expect(custodians.fileName).toBe('Forteckning-Kassaforvaltare-2026-11-23.pdf');
    const list = await keepAndRead('print-channel-custodians', bytesOf(custodians));
    for (const word of [
      'Namn',
      'Enhet',
      'Telefonnummer',
      'E-post',
      'Lisa Kassa',
      '08-508 000 00',
    ]) {
      expect(list.text).toContain(word);
    }
    expect(list.text).not.toContain('Åke Förre');
    expect(list.text).toContain('Totalt: 1 kassaförvaltare');
    const ebbas = await printed('print-channel-outage-ebba-no-usb', 'print.outage', {
      outageId: outage.id,
    });
    expect(ebbas.text).not.toContain('Kvittenslista för USB-minnen');
    expect(await app.call('print.usbReceipts', { outageId: null })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await signIn('kalle');
    expect(await app.call('print.custodians')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // One entry a print, with how many rows, never whom.
    const prints = [
      ...(await audit('print.custodians')),
      ...(await audit('print.usbReceipts')),
    ].map((e) => e.after);
    expect(prints).toEqual(
      expect.arrayContaining([
        { rows: 1, to: 'printer' },
        { rows: 2, outageId: null, to: 'printer' },
        { rows: 1, outageId: outage.id, to: 'printer' },
      ]),
    );
    expect(prints).toHaveLength(3);
    expect(JSON.stringify(prints)).not.toContain('Lisa');
  });
});
