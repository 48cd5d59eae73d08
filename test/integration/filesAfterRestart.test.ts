import { afterEach, describe, expect, it } from 'vitest';
import type { SetupFileInfo, TransferFileInfo } from '../../shared/transfer';
import { CASE_WORKER, createTestApp, PASSPHRASE, type TestApp } from '../support/app';
import { officeWithPeople, signInAs, TestClock } from '../support/laptop';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

type Saved<T> = { savedAs: string | null; info: T | null };

/**
 * Setup and transfer files are written by attaching a new file to the open database, and
 * ATTACH inherits the connection's open flags: a database unlocked after a restart must be
 * opened with SQLite's "create" flag too (openUnitDatabase), or every such file fails with
 * "unable to open database". The plain-text test found it: the demo's database is always
 * unlocked again.
 */
describe('setup and transfer files after the app was restarted', () => {
  let cleanup = () => {};
  const open: TestApp[] = [];
  afterEach(async () => {
    for (const app of open.splice(0)) await app.state.close();
    cleanup();
  });

  it('are written by an office PC and a laptop that were unlocked again', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const clock = new TestClock('2026-11-23T08:00');
    const restart = async (app: TestApp, fileName: string) => {
      await app.state.close();
      open.splice(open.indexOf(app), 1);
      const again = createTestApp(temp.dir, { clock: clock.now, fileName });
      open.push(again);
      await again.ok('unit.unlock', { passphrase: PASSPHRASE });
      again.state.session.autoLockMinutes = 60 * 24;
      return again;
    };

    open.push(await officeWithPeople(temp.dir, clock.now));
    const office = await restart(open[0]!, 'kontoret.db');
    await signInAs(office, 'maja');
    const setup = (await office.ok('transfer.writeSetupFile', {
      laptopName: 'Bärbar 2',
    })) as Saved<SetupFileInfo>;
    expect(setup.info).toMatchObject({ laptopName: 'Bärbar 2' });

    const installed = createTestApp(temp.dir, { clock: clock.now, fileName: 'laptop.db' });
    open.push(installed);
    installed.desktop.nextOpen = setup.savedAs;
    const chosen = (await installed.ok('setupFile.choose', { passphrase: PASSPHRASE })) as {
      fileToken: string;
    };
    await installed.ok('setupFile.install', {
      fileToken: chosen.fileToken,
      passphrase: PASSPHRASE,
    });
    const laptop = await restart(installed, 'laptop.db');
    await laptop.ok('session.signIn', { username: 'kalle', password: CASE_WORKER.password });
    const outage = (await laptop.ok('outages.start', {
      level: 'II',
      affectedSystems: ['Paraplyet'],
      note: '',
    })) as { id: string };
    await laptop.ok('decisions.create', sampleInput('decisions') as never);
    const transfer = (await laptop.ok('transfer.writeTransferFile', {
      outageId: outage.id,
    })) as Saved<TransferFileInfo>;
    expect(transfer.savedAs).toMatch(/\.reservparm-overforing$/);

    office.desktop.nextOpen = transfer.savedAs;
    const file = (await office.ok('transfer.chooseImport', { passphrase: PASSPHRASE })) as {
      fileToken: string;
    };
    const summary = (await office.ok('transfer.import', {
      fileToken: file.fileToken,
      passphrase: PASSPHRASE,
    })) as { tables: { table: string; added: number }[] };
    expect(summary.tables.find((t) => t.table === 'decisions')).toMatchObject({ added: 1 });
  });
});
