import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { PrintedReference } from '../../shared/references';
import { CASE_WORKER, useUnitApp, type TestApp } from '../support/app';

type Pdf = { documentId: string; fileName: string; pdfBase64: string };
const bytesOf = (pdf: Pdf) => new Uint8Array(Buffer.from(pdf.pdfBase64, 'base64'));

/**
 * Issue 8: a prepared PDF is held in main for its preview, and leaves the app only
 * through the print or save dialog (documents.print, documents.save), audited once.
 */
describe('printing and saving a previewed document', () => {
  let app: TestApp;

  useUnitApp(async (ready) => {
    app = ready;
    await app.ok('users.create', CASE_WORKER);
  });

  const prepare = async (pages = 1) =>
    (await app.ok('print.blankTemplate', { key: 'decisionDocument', pages })) as Pdf;
  const unused = async () =>
    (
      (await app.ok('references.listUnused', { outageId: null })) as { rows: PrintedReference[] }
    ).rows
      .map((row) => row.reference)
      .sort();
  const actions = async () =>
    (await listAudit(app.state.db(), 0, 100)).entries.map((e) => e.action).reverse();

  it('saves the exact bytes where the person chose, records the references and audits the path', async () => {
    const pdf = await prepare(2);
    const answer = (await app.ok('documents.save', { documentId: pdf.documentId })) as {
      savedAs: string;
    };
    const path = join(app.desktop.saveDir, 'Beslutsdokument-2026-11-23.pdf');
    expect(answer.savedAs).toBe(path);
    expect(new Uint8Array(readFileSync(path))).toEqual(bytesOf(pdf));
    // Written under a temporary name and renamed: nothing else is left in the folder.
    expect(readdirSync(app.desktop.saveDir)).toEqual(['Beslutsdokument-2026-11-23.pdf']);
    expect(await unused()).toEqual(['ET000001', 'ET000002']);
    const entries = (await listAudit(app.state.db(), 0, 100)).entries;
    expect(entries.find((e) => e.action === 'print.blankTemplate')!.after).toMatchObject({
      to: 'file',
      path,
      references: 2,
    });
  });

  it('a cancelled save dialog saves and records nothing', async () => {
    const pdf = await prepare();
    const before = await actions();
    app.desktop.nextSaveAs = null;
    expect(await app.ok('documents.save', { documentId: pdf.documentId })).toEqual({
      savedAs: null,
    });
    expect(readdirSync(app.desktop.saveDir)).toEqual([]);
    expect(await unused()).toEqual([]);
    expect(await actions()).toEqual(before);
    // … and the same sheets can still be saved or printed.
    expect(await app.ok('documents.print', { documentId: pdf.documentId })).toEqual({
      outcome: 'printed',
    });
    expect(await unused()).toEqual(['ET000001']);
  });

  it('a file that cannot be written is said in Swedish and records no references', async () => {
    const pdf = await prepare();
    app.desktop.nextSaveAs = join('no such folder', 'x.pdf');
    expect(await app.call('documents.save', { documentId: pdf.documentId })).toMatchObject({
      ok: false,
      error: { code: 'WRITE_FAILED', message: expect.stringContaining('Välj en annan plats') },
    });
    expect(await unused()).toEqual([]);
    expect(await actions()).not.toContain('print.blankTemplate');
  });

  it('a cancelled or failed print dialog leaves no references to transcribe', async () => {
    const pdf = await prepare();
    app.desktop.nextPrint = 'cancelled';
    expect(await app.ok('documents.print', { documentId: pdf.documentId })).toEqual({
      outcome: 'cancelled',
    });
    expect(await unused()).toEqual([]);
    // Recorded while the dialog was open, taken back when it was cancelled: kept.
    expect(await actions()).toContain('references.unprinted');
    app.desktop.nextPrint = 'fail';
    expect(await app.call('documents.print', { documentId: pdf.documentId })).toMatchObject({
      ok: false,
      error: { code: 'DESKTOP_FAILED', message: expect.stringContaining('skriva ut') },
    });
    expect(await unused()).toEqual([]);
    expect(await actions()).not.toContain('print.blankTemplate');
  });

  it('each reference reaches paper once: printed sheets cannot be printed or saved again', async () => {
    const pdf = await prepare();
    await app.ok('documents.print', { documentId: pdf.documentId });
    for (const channel of ['documents.print', 'documents.save'] as const) {
      expect(await app.call(channel, { documentId: pdf.documentId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('redan utskrivna') },
      });
    }
    expect(app.desktop.printed).toHaveLength(1);
    expect(await unused()).toEqual(['ET000001']);
  });

  it('two previews open at once carry different references, whichever is printed first', async () => {
    const first = await prepare(2);
    const second = await prepare(2);
    await app.ok('documents.print', { documentId: second.documentId });
    await app.ok('documents.print', { documentId: first.documentId });
    expect(await unused()).toEqual(['ET000001', 'ET000002', 'ET000003', 'ET000004']);
    // After both were printed, the next sheets continue after them.
    const third = await prepare();
    await app.ok('documents.print', { documentId: third.documentId });
    expect(await unused()).toContain('ET000005');
  });

  it('a register document can be printed again (it carries no references)', async () => {
    const pdf = (await app.ok('print.register', { register: 'decisions', filter: {} })) as Pdf;
    await app.ok('documents.print', { documentId: pdf.documentId });
    await app.ok('documents.save', { documentId: pdf.documentId });
    expect(app.desktop.printed).toHaveLength(1);
    expect(existsSync(join(app.desktop.saveDir, pdf.fileName))).toBe(true);
    expect((await actions()).filter((a) => a === 'print.register')).toHaveLength(2);
  });

  it('is held for the person it was prepared for, and dropped on sign-out', async () => {
    const pdf = await prepare();
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
    expect(await app.call('documents.print', { documentId: pdf.documentId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Skapa det igen') },
    });
    const kalles = await prepare();
    // The inactivity lock drops it too.
    app.state.session.currentUserId(new Date(app.state.now().getTime() + 365 * 24 * 3600_000));
    await app.ok('session.signIn', { username: 'kalle', password: 'kalle-123' });
    expect(await app.call('documents.save', { documentId: kalles.documentId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(app.desktop.printed).toHaveLength(0);
    expect(await unused()).toEqual([]);
  });
});
