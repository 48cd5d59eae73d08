import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import type { Status } from '../../shared/contract';
import type { SetupFileInfo, TransferFileInfo, TransferSummary } from '../../shared/transfer';
import { CASE_WORKER, createTestApp, PASSPHRASE, type TestApp } from '../support/app';
import { officeWithPeople, signInAs, TestClock } from '../support/laptop';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

type Saved<T> = { savedAs: string | null; info: T | null };
type Chosen<T> = { fileToken: string; info: T } | null;

/**
 * Issue 9 through the router, as the screens call it: the enhetschef saves a setup file,
 * a fresh laptop installs from it, a handläggare records there and saves a transfer file,
 * the office reads it in. Paths come only from the (recorded) system dialogs.
 */
describe('laptop setup and transfer through the channels', () => {
  let dir: string;
  let cleanup: () => void;
  let office: TestApp;
  let laptop: TestApp;
  const clock = new TestClock('2026-11-23T08:00');

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    office = await officeWithPeople(dir, clock.now);
    laptop = createTestApp(join(dir, 'laptop'), { clock: clock.now, fileName: 'laptop.db' });
  });
  afterEach(async () => {
    await laptop.state.close();
    await office.state.close();
    cleanup();
  });

  it('prepares a laptop, brings its records back and reads them in once', async () => {
    // The office: only the enhetschef prepares laptops; a cancelled dialog writes nothing.
    office.desktop.nextSaveAs = null;
    expect(await office.ok('transfer.writeSetupFile', {})).toEqual({ savedAs: null, info: null });
    const setup = (await office.ok('transfer.writeSetupFile', {
      laptopName: 'Bärbar Tensta',
    })) as Saved<SetupFileInfo>;
    expect(setup.savedAs).toMatch(
      /Installationsfil-Barbar-Tensta-2026-11-23\.reservparm-installation$/,
    );
    expect(setup.info).toMatchObject({ laptopName: 'Bärbar Tensta', userCount: 3 });

    // The laptop's first run: a wrong passphrase is refused and counted, nothing made.
    laptop.desktop.nextOpen = setup.savedAs;
    expect(await laptop.call('setupFile.choose', { passphrase: 'fel lösenfras' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', fields: { passphrase: expect.any(String) } },
    });
    expect(laptop.state.isSetUp).toBe(false);
    const chosen = (await laptop.ok('setupFile.choose', {
      passphrase: PASSPHRASE,
    })) as Chosen<SetupFileInfo>;
    expect(chosen!.info.unitName).toBe('Enhet Test');
    const status = (await laptop.ok('setupFile.install', {
      fileToken: chosen!.fileToken,
      passphrase: PASSPHRASE,
    })) as Status;
    expect(status.phase).toBe('signedOut');
    // The wrong passphrase typed before the laptop had a database is in its log now.
    expect((await listAudit(laptop.state.db(), 0, 50)).entries.map((e) => e.action)).toContain(
      'transfer.passphraseFailed',
    );
    // The same people, with their own passwords from the office.
    await laptop.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    const outage = await laptop.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: 'Inget nätverk på besöket.',
    });
    await laptop.ok(
      'decisions.create',
      sampleInput('decisions', { clientName: 'Łukasz Wołek' }) as never,
    );
    const transfer = (await laptop.ok('transfer.writeTransferFile', {
      outageId: (outage as { id: string }).id,
    })) as Saved<TransferFileInfo>;
    expect(transfer.savedAs).toMatch(/Overforing-2026-11-23\.reservparm-overforing$/);

    // The office reads it in: shown first, then read in, once.
    await signInAs(office, 'maja');
    office.desktop.nextOpen = transfer.savedAs;
    const file = (await office.ok('transfer.chooseImport', {
      passphrase: PASSPHRASE,
    })) as Chosen<TransferFileInfo>;
    expect(file!.info).toMatchObject({
      deviceName: 'Bärbar Tensta',
      createdByName: 'Kalle Handläggare',
    });
    // While it reads, how far it has come is answered at once, beside the import.
    const importing = office.ok('transfer.import', {
      fileToken: file!.fileToken,
      passphrase: PASSPHRASE,
    });
    const seen: unknown[] = [];
    let done = false;
    void importing.finally(() => (done = true));
    while (!done) {
      const progress = await office.call('progress.current');
      if (progress.ok && progress.value) seen.push(progress.value);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const summary = (await importing) as TransferSummary;
    expect(seen).toContainEqual({
      task: 'Läser in överföringsfilen',
      done: expect.any(Number),
      total: expect.any(Number),
    });
    expect(await office.ok('progress.current')).toBeNull();
    expect(summary.tables.find((t) => t.table === 'decisions')).toMatchObject({ added: 1 });
    const decisions = (await office.ok('decisions.list', { limit: 50 })) as {
      rows: { clientName: string }[];
    };
    expect(decisions.rows.map((r) => r.clientName)).toContain('Łukasz Wołek');
    // The token is spent; choosing the same file again reads in nothing new.
    expect(
      await office.call('transfer.import', { fileToken: file!.fileToken, passphrase: PASSPHRASE }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const again = (await office.ok('transfer.chooseImport', {
      passphrase: PASSPHRASE,
    })) as Chosen<TransferFileInfo>;
    const second = (await office.ok('transfer.import', {
      fileToken: again!.fileToken,
      passphrase: PASSPHRASE,
    })) as TransferSummary;
    expect(second.tables.every((t) => t.added === 0)).toBe(true);
    const actions = (await listAudit(office.state.db(), 0, 200)).entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'transfer.import')).toHaveLength(2);
  });

  it('keeps each file to its computer and role: laptops write, the office reads in', async () => {
    await signInAs(office, 'kalle');
    for (const [channel, input] of [
      ['transfer.writeSetupFile', {}],
      ['transfer.chooseImport', { passphrase: PASSPHRASE }],
    ] as const) {
      expect(await office.call(channel, input as never)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    // Nothing on the office PC needs a transfer file: refused before any dialog opens.
    office.desktop.nextSaveAs = 'ska inte skrivas.reservparm-overforing';
    expect(await office.call('transfer.writeTransferFile', { outageId: null })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('bärbara datorer') },
    });
    expect(office.desktop.nextSaveAs).toBe('ska inte skrivas.reservparm-overforing');
    // An office PC that is set up takes no setup file.
    expect(await office.call('setupFile.choose', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_SETUP' },
    });

    // A laptop: it writes transfer files and reads none in; a token is for its own kind.
    await signInAs(office, 'maja');
    const setup = (await office.ok('transfer.writeSetupFile', {})) as Saved<SetupFileInfo>;
    laptop.desktop.nextOpen = setup.savedAs;
    const chosen = (await laptop.ok('setupFile.choose', {
      passphrase: PASSPHRASE,
    })) as Chosen<SetupFileInfo>;
    await laptop.ok('setupFile.install', { fileToken: chosen!.fileToken, passphrase: PASSPHRASE });
    // The pre-setup token is spent and cannot be used again.
    expect(
      await laptop.call('setupFile.install', {
        fileToken: chosen!.fileToken,
        passphrase: PASSPHRASE,
      }),
    ).toMatchObject({ ok: false });
    await signInAs(laptop, 'maja');
    expect(await laptop.call('transfer.chooseImport', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('kontorsdator') },
    });
    const written = (await laptop.ok('transfer.writeTransferFile', {
      outageId: null,
    })) as Saved<TransferFileInfo>;
    expect(written.info!.scope.label).toBe('Alla avbrott');

    // At the office: a transfer token is no setup token, and a handläggare cannot read in.
    office.desktop.nextOpen = written.savedAs;
    const file = (await office.ok('transfer.chooseImport', {
      passphrase: PASSPHRASE,
    })) as Chosen<TransferFileInfo>;
    expect(
      await office.call('setupFile.install', {
        fileToken: file!.fileToken,
        passphrase: PASSPHRASE,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await signInAs(office, 'kalle');
    expect(
      await office.call('transfer.import', { fileToken: file!.fileToken, passphrase: PASSPHRASE }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a cancelled open dialog chooses nothing; a damaged file is refused with nothing read in', async () => {
    await signInAs(office, 'maja');
    office.desktop.nextOpen = null;
    expect(await office.ok('transfer.chooseImport', { passphrase: PASSPHRASE })).toBeNull();
    office.desktop.nextOpen = join(dir, 'kontoret.db');
    expect(await office.call('transfer.chooseImport', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Ingenting har lästs in') },
    });
    // A refused file is kept in the log, with why.
    const refused = (await listAudit(office.state.db(), 0, 50)).entries.find(
      (e) => e.action === 'transfer.importRefused',
    );
    expect(refused?.after).toMatchObject({
      code: expect.stringMatching(/WRONG_FILE|DAMAGED_FILE/),
    });
  });
});
