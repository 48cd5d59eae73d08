import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { migrations } from '../../main/app/db/migrations';
import { AuditFilters } from '../../main/app/db/migrations/0011-audit-filters';
import { openUnitDatabase } from '../../main/app/db/open';
import { MAX_AUDIT_PDF_ENTRIES, type DescribedAuditEntry } from '../../shared/audit/entry';
import type { Input, Output, SessionUser } from '../../shared/contract';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { localToInstant } from '../../shared/time';
import {
  CASE_WORKER,
  createTestApp,
  FINANCIAL_AID_MANAGER,
  MANAGER,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from '../support/app';
import { keepWorkbook, readWorkbook, sheetRows } from '../support/excel';
import { keepAndRead } from '../support/pdf';
import { correctedPayout, sampleInput, zoltansPayout } from '../support/records';
import { makeTempDir } from '../support/tempDir';

const instant = (local: string) => new Date(localToInstant(local)!);
/** pdftotext and the app's formats put no-break spaces in "1 500 kr": compared as spaces. */
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

type Listed = Output<'audit.list'>;

/**
 * Issue 10: the Händelselogg through the real router on an encrypted database: described
 * entries, the filters (in SQL), the lock-outs in the log, and its PDF and Excel exports.
 */
describe('the Händelselogg', () => {
  let app: TestApp;
  let now: Date;
  let cleanup = () => {};
  let ebba: SessionUser;
  let decision: RegisterRecord;
  let payout: RegisterRecord;
  const at = (local: string) => {
    now = instant(local);
  };

  const list = async (filter: Input<'audit.list'>['filter'] = {}, limit = 200) =>
    (await app.ok('audit.list', { filter, offset: 0, limit })) as Listed;
  const events = (listed: Listed) => listed.entries.map((e) => e.event);

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    at('2026-11-23T10:00');
    app = createTestApp(dir, { clock: () => now });
    await app.ok('unit.setup', SETUP);
    // The days of this test pass in jumps: no inactivity lock but the one a test makes.
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    await app.ok('users.create', CASE_WORKER);
    ebba = (await app.ok('users.create', FINANCIAL_AID_MANAGER)) as SessionUser;
    await app.ok('outages.start', { level: 'II', affectedSystems: ['Lifecare'], note: '' });
    at('2026-11-23T10:05');
    await app.signInAs('kalle');
    decision = (await app.ok('decisions.create', {
      ...sampleInput('decisions'),
      clientName: 'Örjan Ångström',
      personnummer: '19811218-9876',
    } as never)) as RegisterRecord;
    await app.ok('decisions.create', sampleInput('decisions') as never);
    at('2026-11-23T11:00');
    await app.signInAs('ebba');
    payout = (await app.ok('payouts.create', zoltansPayout() as never)) as RegisterRecord;
    at('2026-11-23T11:10');
    await app.ok('payouts.update', correctedPayout(payout.id) as never);
    // Just after midnight office time: still the 23rd in UTC.
    at('2026-11-24T00:30');
    await app.signInAs('kalle');
    await app.ok('decisions.void', { id: decision.id, reason: 'Fel klient' });
    at('2026-11-24T08:00');
    await app.signInAs(MANAGER.username, MANAGER.password);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  it('describes an edit field by field with the register labels, kronor, office time and the client', async () => {
    const { entries, total } = await list();
    expect(total).toBe((await listAudit(app.state.db(), 0, 200)).total);
    // Newest first.
    expect(entries[0]).toMatchObject({
      event: 'Inloggning',
      actor: 'Maja Enhetschef',
      when: '2026-11-24 08:00',
    });
    const edit = entries.find((e) => e.action === 'payouts.update')!;
    expect(edit).toMatchObject({
      when: '2026-11-23 11:10',
      actor: 'Ebba Ekonomi',
      event: 'Utbetalning ändrad',
      subject: expect.stringMatching(/^Utbetalning utan referens · 2026-11-23$/),
      client: 'Zoltán Kővári (20050607-1232)',
    });
    expect(edit.changes.map((c) => spaced(`${c.label}: ${c.before} → ${c.after}`))).toEqual([
      'Ändamål: Livsmedel → Livsmedel och hygien',
      'Belopp till klient: 1 500 kr → 1 750,50 kr',
    ]);
    const voided = entries.find((e) => e.action === 'decisions.void')!;
    expect(voided).toMatchObject({
      when: '2026-11-24 00:30',
      event: 'Beslut makulerat',
      client: 'Örjan Ångström (19811218-9876)',
      note: 'Skäl: Fel klient',
    });
    expect(JSON.stringify(entries)).not.toContain('[object Object]');
    expect(entries.every((e) => !e.event.includes('.'))).toBe(true);
  });

  it('filters by person, kind of event, register, client and office dates, in main', async () => {
    const ebbas = await list({ actorId: ebba.id });
    expect(ebbas.entries.every((e) => e.actor === 'Ebba Ekonomi')).toBe(true);
    expect(events(ebbas)).toEqual([
      'Utloggning',
      'Utbetalning ändrad',
      'Utbetalning registrerad',
      'Inloggning',
    ]);

    expect(events(await list({ kind: 'record.update', register: 'payouts' }))).toEqual([
      'Utbetalning ändrad',
    ]);
    expect(events(await list({ kind: 'record.create' }))).toEqual([
      'Utbetalning registrerad',
      'Beslut registrerat',
      'Beslut registrerat',
    ]);
    const decisions = await list({ register: 'decisions' });
    expect(new Set(decisions.entries.map((e) => e.subject.split(' ')[0]))).toEqual(
      new Set(['Beslut']),
    );
    expect(decisions.total).toBe(3);

    // The client by part of the name (folded: "ångström" finds "Ångström") or personnummer.
    for (const client of ['ångström', 'ÖRJAN', '198112', '19811218-9876']) {
      const found = await list({ client });
      expect(
        found.entries.map((e) => e.event),
        client,
      ).toEqual(['Beslut makulerat', 'Beslut registrerat']);
    }
    expect((await list({ client: 'kővári', register: 'decisions' })).total).toBe(0);

    // Office dates: 00:30 on the 24th is the 24th, though the 23rd in UTC.
    const the24th = await list({ from: '2026-11-24', to: '2026-11-24' });
    expect(the24th.entries.map((e) => e.when)).toEqual([
      '2026-11-24 08:00',
      '2026-11-24 08:00',
      '2026-11-24 00:30',
      '2026-11-24 00:30',
      '2026-11-24 00:30',
    ]);
    expect((await list({ to: '2026-11-23' })).entries.every((e) => e.when < '2026-11-24')).toBe(
      true,
    );

    // Paged: the pages follow one another without gaps.
    const all = await list();
    const first = (await app.ok('audit.list', { offset: 0, limit: 5 })) as Listed;
    const second = (await app.ok('audit.list', { offset: 5, limit: 5 })) as Listed;
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(
      all.entries.slice(0, 10).map((e) => e.id),
    );
  });

  it('refuses a bad filter in Swedish at its field, and the log to everyone but the enhetschef', async () => {
    expect(
      await app.call('audit.list', {
        filter: { from: '2026-11-24', to: '2026-11-23' },
        offset: 0,
        limit: 10,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'filter.to': 'Slutdatumet kan inte vara före startdatumet.' },
      },
    });
    expect(await app.call('audit.print', { from: '24/11/2026' })).toMatchObject({
      ok: false,
      error: { fields: { from: expect.stringContaining('Skriv året först: ÅÅÅÅ-MM-DD') } },
    });
    for (const username of ['kalle', 'ebba']) {
      await app.signInAs(username);
      for (const channel of ['audit.list', 'audit.print', 'audit.export'] as const) {
        const input = channel === 'audit.list' ? { offset: 0, limit: 10 } : {};
        expect(await app.call(channel, input as never), channel).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
    }
  });

  it('logs the inactivity lock when it happened, and failed sign-ins with the wait they start', async () => {
    at('2026-11-24T08:05');
    await app.ok('users.list');
    const lockMinutes = 15;
    app.state.session.autoLockMinutes = lockMinutes;
    now = new Date(now.getTime() + lockMinutes * 60_000 + 1000);
    expect(await app.ok('app.status')).toMatchObject({
      phase: 'signedOut',
      signedOutReason: 'inactivity',
    });
    // Three wrong passwords: the third starts a wait; the next try is refused unseen.
    for (let i = 0; i < 3; i++) {
      await app.call('session.signIn', { username: 'kalle', password: 'fel-lösen' });
    }
    expect(
      await app.call('session.signIn', { username: 'kalle', password: CASE_WORKER.password }),
    ).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED' },
    });
    now = new Date(now.getTime() + 2000);
    await app.ok('session.signIn', { username: MANAGER.username, password: MANAGER.password });

    const lockouts = (await list({ kind: 'lockouts' })).entries;
    expect(lockouts.map((e) => [e.event, e.actor, e.when, e.note])).toEqual([
      [
        'Inloggning spärrad efter för många fel',
        'Okänd (inte inloggad)',
        expect.any(String),
        'Nästa försök spärrat i 1 sekund.',
      ],
      [
        'Misslyckad inloggning',
        'Okänd (inte inloggad)',
        expect.any(String),
        'Nästa försök spärrat i 1 sekund.',
      ],
      ['Misslyckad inloggning', 'Okänd (inte inloggad)', expect.any(String), null],
      ['Misslyckad inloggning', 'Okänd (inte inloggad)', expect.any(String), null],
      [
        'Automatiskt utloggad efter inaktivitet',
        'Maja Enhetschef',
        '2026-11-24 08:20',
        `Ingen aktivitet på ${lockMinutes} minuter.`,
      ],
    ]);
    // Logged once, not at every later call.
    await app.ok('app.status');
    expect((await list({ kind: 'lockouts' })).total).toBe(5);
  });

  it('prints the filtered log as a PDF through the preview, audited when saved', async () => {
    const pdf = (await app.ok('audit.print', { register: 'payouts' })) as Output<'audit.print'>;
    expect(pdf.fileName).toBe('Handelselogg-2026-11-24.pdf');
    const read = await keepAndRead('issue10-handelselogg', Buffer.from(pdf.pdfBase64, 'base64'));
    const text = spaced(read.raw);
    expect(text).toContain('Händelselogg');
    expect(text).toContain('Urval: register Utbetalningar');
    expect(text).toContain('Utbetalning ändrad');
    expect(text).toContain('Belopp till klient: 1 500 kr → 1 750,50 kr');
    expect(text).toContain('Zoltán Kővári (20050607-1232)');
    expect(text).toContain('Totalt: 2 händelser');
    expect(text).not.toContain('Beslut makulerat');
    // Only leaving the app is a print: the preview alone is not in the log.
    expect(
      (await listAudit(app.state.db(), 0, 200)).entries.some((e) => e.action === 'print.auditLog'),
    ).toBe(false);
    const saved = (await app.ok('documents.save', { documentId: pdf.documentId })) as {
      savedAs: string;
    };
    expect(saved.savedAs).toBe(join(app.desktop.saveDir, 'Handelselogg-2026-11-24.pdf'));
    const [printed] = (await list({ kind: 'print.auditLog' })).entries as DescribedAuditEntry[];
    expect(printed).toMatchObject({
      event: 'Händelselogg utskriven eller sparad som PDF',
      actor: 'Maja Enhetschef',
    });
    expect(printed!.changes).toEqual(
      expect.arrayContaining([
        { label: 'Urval', before: null, after: 'register Utbetalningar' },
        { label: 'Till', before: null, after: 'PDF-fil' },
      ]),
    );
  });

  it('refuses a PDF longer than it may be, and says to narrow the filter or use Excel', async () => {
    await app.state.db().query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id)
       SELECT '2026-11-22T10:00:00.000Z', NULL, NULL, 'session.signInFailed', 'session', NULL
         FROM n`,
      [MAX_AUDIT_PDF_ENTRIES],
    );
    const total = (await list({ kind: 'session.signInFailed' })).total;
    expect(total).toBe(MAX_AUDIT_PDF_ENTRIES);
    expect(await app.ok('audit.print', { kind: 'session.signInFailed' })).toMatchObject({
      fileName: 'Handelselogg-2026-11-24.pdf',
    });
    expect(await app.call('audit.print', {})).toMatchObject({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: expect.stringMatching(
          /^Urvalet har 5\u00a0\d{3} händelser; en PDF rymmer högst 5\u00a0000\. Begränsa urvalet .* eller exportera till Excel\.$/,
        ),
      },
    });
  });

  it('exports the filtered log to Excel where the dialog answered, audited with the path', async () => {
    const saved = (await app.ok('audit.export', { actorId: ebba.id })) as Output<'audit.export'>;
    const path = join(app.desktop.saveDir, 'Handelselogg-2026-11-24.xlsx');
    expect(saved).toMatchObject({ savedAs: path, rows: 4 });
    const book = await readWorkbook(keepWorkbook(path, 'issue10-handelselogg'));
    const rows = sheetRows(book.getWorksheet('Händelselogg')!);
    expect(rows[0]).toEqual(['Tidpunkt', 'Vem', 'Händelse', 'Post', 'Klient', 'Vad som ändrades']);
    expect(rows).toHaveLength(5);
    const edit = rows.find((row) => row[2] === 'Utbetalning ändrad')!;
    // The office's wall clock as an Excel date and time.
    expect(edit[0]).toEqual(new Date('2026-11-23T11:10:00.000Z'));
    expect(edit[1]).toBe('Ebba Ekonomi');
    expect(edit[4]).toBe('Zoltán Kővári (20050607-1232)');
    expect(spaced(String(edit[5]))).toBe(
      'Ändamål: Livsmedel → Livsmedel och hygien\nBelopp till klient: 1 500 kr → 1 750,50 kr',
    );
    const about = sheetRows(book.getWorksheet('Om exporten')!);
    expect(about).toContainEqual(['Urval', 'person Ebba Ekonomi']);
    const [exported] = (await list({ kind: 'export.auditLog' })).entries;
    expect(exported).toMatchObject({
      event: 'Händelselogg exporterad till Excel',
      actor: 'Maja Enhetschef',
    });
    expect(exported!.changes).toContainEqual({ label: 'Sparad som', before: null, after: path });

    // A cancelled dialog writes and audits nothing.
    app.desktop.nextSaveAs = null;
    expect(await app.ok('audit.export', {})).toEqual({ savedAs: null, sheets: [], rows: 0 });
    expect((await list({ kind: 'export.auditLog' })).total).toBe(1);
  });
});

describe('migration 0011', () => {
  it('indexes the log for its filters and keeps every entry', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const path = join(dir, 'unit.db');
      const before = migrations.slice(0, migrations.indexOf(AuditFilters));
      const old = await openUnitDatabase(path, PASSPHRASE, { create: true, migrations: before });
      for (let i = 0; i < 3; i++) {
        await old.query(
          `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, after_json)
           VALUES (?, NULL, 'Maja', 'user.update', 'user', 'u2', '{}')`,
          [`2026-11-2${i}T10:00:00.000Z`],
        );
      }
      await old.destroy();
      const db = await openUnitDatabase(path, PASSPHRASE, { create: false });
      expect(await db.query('SELECT count(*) AS n FROM audit_log')).toEqual([{ n: 3 }]);
      const indexes = (await db.query(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name`,
      )) as { name: string }[];
      expect(indexes.map((i) => i.name)).toEqual(
        expect.arrayContaining([
          'audit_log_action',
          'audit_log_actor',
          'audit_log_at',
          'audit_log_entity_at',
        ]),
      );
      const plan = (await db.query(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM audit_log WHERE actor_id = ? AND at >= ?`,
        [null, '2026-11-21'],
      )) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('audit_log_actor');
      await db.destroy();
    } finally {
      cleanup();
    }
  });
});
