import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../scripts/demo/createDemo';
import { blankTemplateKeys } from '../../shared/printing';
import { registerKeys } from '../../shared/registers/keys';
import { containsPlainText } from '../support/files';
import { createTestApp } from '../support/app';
import { sqlcipherTableNames } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

describe('the demo (training) database', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('is an encrypted SQLCipher 4 file with working accounts and a realistic outage', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const passphrase = 'rätt häst batteri';
    const accounts = await createDemo(temp.dir, passphrase);
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'caseWorker',
      'caseWorker',
      'caseWorker',
      'financialAidManager',
      'unitManager',
    ]);

    // Every blank template, every register of the finished outage, Bilaga 1 and 2 filled in.
    const pdfs = readdirSync(join(temp.dir, 'pdf')).sort();
    expect(pdfs).toHaveLength(blankTemplateKeys.length + registerKeys.length + 3);
    for (const name of [
      'Bilaga-3-Beslut',
      'Beslutsdokument',
      'Forteckning-Beslut',
      'Forteckning-Journalanteckningar',
      'Forteckning-Utbetalningar',
      'Forteckning-Avbrott',
      'Forteckning-Kassaforvaltare',
      'Forteckning-Kvittenslista-for-USB-minnen',
    ]) {
      expect(
        pdfs.some((file) => file.startsWith(`${name}-`)),
        name,
      ).toBe(true);
    }
    for (const file of pdfs) {
      expect(file).toMatch(/^[A-Za-z0-9-]+\.pdf$/);
      expect(
        readFileSync(join(temp.dir, 'pdf', file))
          .subarray(0, 4)
          .toString(),
        file,
      ).toBe('%PDF');
    }

    const path = join(temp.dir, 'demo.db');
    expect(await sqlcipherTableNames(path, passphrase)).toEqual(
      expect.arrayContaining(['unit', 'users', 'audit_log']),
    );
    await expect(sqlcipherTableNames(path, 'fel')).rejects.toThrow();
    for (const text of ['Enhet Demo', ...accounts.map((a) => a.fullName)]) {
      expect(containsPlainText(path, text), text).toBe(false);
    }

    const app = createTestApp(temp.dir, { fileName: 'demo.db' });
    await app.ok('unit.unlock', { passphrase });
    for (const account of accounts) {
      const status = await app.ok('session.signIn', {
        username: account.username,
        password: account.password,
      });
      expect(status).toMatchObject({ user: { role: account.role } });
      await app.ok('session.signOut');
    }
    // A finished outage over 48 hours and one going on, with registers in every state.
    await app.ok('session.signIn', {
      username: accounts[0]!.username,
      password: accounts[0]!.password,
    });
    const outages = (await app.ok('outages.list')) as { status: string; needsAnalysis: boolean }[];
    expect(outages.map((o) => [o.status, o.needsAnalysis])).toEqual([
      ['active', false],
      ['ended', true],
    ]);
    const summary = (await app.ok('registers.summary')) as {
      key: string;
      total: number;
      notEntered: number;
      overdue: number;
    }[];
    const notes = summary.find((s) => s.key === 'journalNotes')!;
    expect(notes.total).toBeGreaterThan(300);
    expect(notes.overdue).toBeGreaterThan(0);
    expect(notes.notEntered).toBeLessThan(notes.total);
    const voided = (await app.ok('decisions.list', {
      voided: 'only',
      offset: 0,
      limit: 1,
    } as never)) as { total: number };
    expect(voided.total).toBeGreaterThan(0);
    const transcribed = (await app.ok('journalNotes.list', { offset: 0, limit: 500 } as never)) as {
      rows: { transcribedFromPaper: boolean; paperReference: string | null }[];
    };
    const fromPaper = transcribed.rows.filter((r) => r.transcribedFromPaper);
    expect(fromPaper.length).toBe(15);
    // 20 journal sheets printed, 12 transcribed by their reference: 8 still on the list.
    expect(fromPaper.filter((r) => r.paperReference?.startsWith('ED')).length).toBe(12);
    // And the blank templates in DIR/pdf/: 3 register forms of 10 rows and 3 sheets, 33 more.
    expect(await app.ok('references.listUnused', { outageId: null })).toMatchObject({
      total: 8 + 33,
    });
    const sticksOut = (await app.ok('usbReceipts.list', {
      outageId: null,
      onlyOut: true,
    })) as unknown[];
    expect(sticksOut).toHaveLength(3);
    const omar = accounts.find((a) => a.role === 'financialAidManager')!;
    await app.ok('session.signOut');
    await app.ok('session.signIn', { username: omar.username, password: omar.password });
    const payouts = (await app.ok('payouts.list', {
      voided: 'include',
      offset: 0,
      limit: 100,
    } as never)) as {
      rows: { voidedAt: string | null; values: Record<string, unknown> }[];
    };
    expect(payouts.rows).toHaveLength(40);
    expect(payouts.rows.some((r) => r.voidedAt)).toBe(true);
    expect(payouts.rows.filter((r) => r.values.overLimitReason)).toHaveLength(1);
    expect(await app.ok('cashCard.reconciliations')).toHaveLength(1);
    expect(await app.ok('custodians.list')).toHaveLength(3);
    await app.state.close();
    // A second run refuses to overwrite the existing file.
    await expect(createDemo(temp.dir, passphrase)).rejects.toThrow(/redan/);
  });
});
