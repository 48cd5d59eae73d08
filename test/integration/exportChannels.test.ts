import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { Output, SessionUser } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import { registers } from '../../shared/registers';
import { recordHeadings, registerColumns } from '../../shared/registers/headings';
import { CASE_WORKER, FINANCIAL_AID_MANAGER, useUnitApp, type TestApp } from '../support/app';
import { keepWorkbook, readWorkbook, sheetRows, worklistHeadings } from '../support/excel';
import { sampleInput } from '../support/records';

type Saved = Output<'export.registerWorkbook'>;

/** Issue 9: the Excel exports through the real router, the save dialog and the audit log. */
describe('export channels', () => {
  let app: TestApp;
  let kalle: SessionUser;
  let outage: Outage;

  useUnitApp(async (ready) => {
    app = ready;
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    kalle = (await app.ok('users.create', CASE_WORKER)) as SessionUser;
    await app.ok('users.create', FINANCIAL_AID_MANAGER);
    outage = (await app.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Lifecare'],
      note: '',
    })) as Outage;
    await app.signInAs('kalle');
    await app.ok('decisions.create', {
      ...sampleInput('decisions'),
      clientName: 'Örjan Ångström',
      personnummer: '19811218-9876',
    } as never);
    await app.ok('journalNotes.create', {
      ...sampleInput('journalNotes'),
      clientName: 'Åsa Öberg',
      personnummer: '19450505-0551',
    } as never);
    await app.signInAs('ebba');
    await app.ok('payouts.create', {
      ...sampleInput('payouts'),
      clientName: 'Zoltán Kővári',
      personnummer: '20050607-1232',
    } as never);
    await app.signInAs('kalle');
  });

  const exportAudit = async () =>
    (await listAudit(app.state.db(), 0, 100)).entries.filter((e) => e.entity === 'export');
  const sheetNames = (saved: Saved) => saved.sheets.map((s) => s.name);

  it('saves a case worker’s workbook of an outage where the dialog answered, audited with the path and no names', async () => {
    const saved = (await app.ok('export.registerWorkbook', { outageId: outage.id })) as Saved;
    const path = join(app.desktop.saveDir, 'Registerutdrag-2026-11-23.xlsx');
    expect(saved.savedAs).toBe(path);
    // Written beside its name and renamed: nothing else is left in the folder.
    expect(readdirSync(app.desktop.saveDir)).toEqual(['Registerutdrag-2026-11-23.xlsx']);
    expect(saved.sheets).toEqual([
      { name: 'Beslut', rows: 1 },
      { name: 'Beställningar', rows: 0 },
      { name: 'Journalanteckningar', rows: 1 },
      { name: 'Övriga handlingar', rows: 0 },
      { name: 'Om exporten', rows: expect.any(Number) },
    ]);
    expect(saved.rows).toBe(2);

    // Read by exceljs: the list's headings word for word, then the app's own.
    const book = await readWorkbook(keepWorkbook(path, 'channel-registers'));
    const decisions = sheetRows(book.getWorksheet('Beslut')!);
    const words = { cardProvider: 'ICA' };
    const listed = registerColumns(registers.decisions, words).map((c) => c.heading);
    expect(decisions[0]).toEqual([...listed, ...Object.values(recordHeadings).slice(0, 7)]);
    expect(decisions[0]!.slice(0, 3)).toEqual([
      'Klientens namn',
      'Personnummer',
      'Blankettens referens',
    ]);
    expect(decisions[1]!.slice(0, 2)).toEqual(['Örjan Ångström', '19811218-9876']);
    const notes = sheetRows(book.getWorksheet('Journalanteckningar')!);
    expect(notes[0]).toContain('Ska vara införd senast');
    expect(notes[0]).toContain('Inregistrerad i verksamhetssystemet, datum och sign.');

    const [entry, ...more] = await exportAudit();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'export.registerWorkbook',
      actorName: CASE_WORKER.fullName,
      entityId: null,
      after: {
        filter: { outageId: outage.id, createdById: null, from: null, to: null },
        sheets: saved.sheets,
        rows: 2,
        path,
      },
    });
    const logged = JSON.stringify(entry);
    for (const client of ['Örjan', 'Ångström', 'Åsa Öberg', '19811218', '9876']) {
      expect(logged).not.toContain(client);
    }
  });

  it('writes and audits nothing when the save dialog is cancelled', async () => {
    app.desktop.nextSaveAs = null;
    expect(await app.ok('export.registerWorkbook', {})).toEqual({
      savedAs: null,
      sheets: [],
      rows: 0,
    });
    app.desktop.nextSaveAs = null;
    expect(await app.ok('export.entryWorklist', {})).toMatchObject({ savedAs: null });
    expect(readdirSync(app.desktop.saveDir)).toEqual([]);
    expect(await exportAudit()).toEqual([]);
  });

  it('holds the registers each role reads: no journal notes for the chef ekonomiskt bistånd, no payouts for a handläggare', async () => {
    const kalles = (await app.ok('export.registerWorkbook', {})) as Saved;
    expect(sheetNames(kalles)).not.toContain('Utbetalningar');
    expect(sheetNames(kalles)).toContain('Journalanteckningar');

    await app.signInAs('ebba');
    app.desktop.nextSaveAs = 'ebba.xlsx';
    const ebbas = (await app.ok('export.registerWorkbook', {})) as Saved;
    expect(sheetNames(ebbas)).toEqual([
      'Beslut',
      'Beställningar',
      'Övriga handlingar',
      'Utbetalningar',
      'Kassaförvaltare',
      'Om exporten',
    ]);
    const book = await readWorkbook(ebbas.savedAs!);
    expect(book.getWorksheet('Journalanteckningar')).toBeUndefined();
    expect(sheetRows(book.getWorksheet('Utbetalningar')!)[1]![0]).toBe('Zoltán Kővári');
    expect(sheetRows(book.getWorksheet('Kassaförvaltare')!)[0]).toEqual([
      'Namn',
      'Enhet',
      'Telefonnummer',
      'E-post',
    ]);
  });

  it('answers WRITE_FAILED where the file cannot be written, and audits nothing', async () => {
    app.desktop.nextSaveAs = join('finns-inte', 'Registerutdrag.xlsx');
    const result = await app.call('export.registerWorkbook', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'WRITE_FAILED', message: expect.stringContaining('Välj en annan') },
    });
    expect(readdirSync(app.desktop.saveDir)).toEqual([]);
    expect(await exportAudit()).toEqual([]);
  });

  it('refuses an outage that does not exist before asking where to save', async () => {
    app.desktop.nextSaveAs = 'should-not-be-asked.xlsx';
    expect(
      await app.call('export.registerWorkbook', { outageId: crypto.randomUUID() }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The dialog was not opened: its answer is still waiting.
    expect(app.desktop.nextSaveAs).toBe('should-not-be-asked.xlsx');
    expect(
      await app.call('export.registerWorkbook', { from: '2026-11-24', to: '2026-11-23' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await exportAudit()).toEqual([]);
  });

  it('saves the worklist for later entry through its channel', async () => {
    const saved = (await app.ok('export.entryWorklist', { createdById: kalle.id })) as Saved;
    const path = join(app.desktop.saveDir, 'Att-fora-in-2026-11-23.xlsx');
    expect(saved).toEqual({
      savedAs: path,
      sheets: [
        { name: 'Kalle Handläggare', rows: 2 },
        { name: 'Om exporten', rows: expect.any(Number) },
      ],
      rows: 2,
    });
    const rows = sheetRows((await readWorkbook(path)).getWorksheet('Kalle Handläggare')!);
    expect(rows[0]).toEqual(worklistHeadings);
    expect(rows.slice(1).map((row) => row[5])).toEqual(
      expect.arrayContaining(['Örjan Ångström', 'Åsa Öberg']),
    );
    const [entry] = await exportAudit();
    expect(entry).toMatchObject({
      action: 'export.entryWorklist',
      after: { filter: { createdById: kalle.id }, rows: 2, path },
    });
    expect(JSON.stringify(entry)).not.toContain('Ångström');
    expect(existsSync(`${path}.part`)).toBe(false);
  });
});
