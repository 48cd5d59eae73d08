import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/app/audit/auditLog';
import { listDevices, renameThisDevice } from '../../main/app/devices/deviceService';
import { allocateReferences } from '../../main/app/references/referenceService';
import { createFromSetupFile, inspectSetupFile } from '../../main/app/transfer/setUpFromFile';
import { writeSetupFile } from '../../main/app/transfer/writeSetupFile';
import { writeTransferFile } from '../../main/app/transfer/writeTransferFile';
import type { Status, User } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { PASSPHRASE, type TestApp } from '../support/app';
import { containsPlainText } from '../support/files';
import { officeWithPeople, prepareLaptop, signedIn, signInAs, TestClock } from '../support/laptop';
import { readWithSqlcipher } from '../support/sqlcipher';
import { makeTempDir } from '../support/tempDir';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Issue 9, part 3: a laptop belongs to the unit, prepared from the office PC. */
describe('a laptop set up from the office PC with a setup file', () => {
  let dir: string;
  let cleanup: () => void;
  let clock: TestClock;
  let office: TestApp;
  const open: TestApp[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    clock = new TestClock('2026-11-23T08:00');
    office = await officeWithPeople(dir, clock.now);
    open.push(office);
  });
  afterEach(async () => {
    for (const app of open.splice(0)) await app.state.close();
    cleanup();
  });

  it('brings the unit and its people: each signs in with their office password, same ids and signatures', async () => {
    clock.at('2026-11-23T08:10');
    const { laptop, setupPath, info } = await prepareLaptop(office, dir, clock.now);
    open.push(laptop);
    expect(info).toMatchObject({
      unitName: 'Enhet Test',
      laptopName: 'Bärbar 1',
      madeByName: 'Maja Enhetschef',
      userCount: 3,
      firstReference: 'ET100000',
      lastReference: 'ET109999',
    });

    // Not a new unit: the same one, and nobody signed in until they do so themselves.
    const status = (await laptop.ok('app.status')) as Status;
    expect(status).toMatchObject({ phase: 'signedOut', unit: { name: 'Enhet Test' } });
    const officeUnit = await office.state.db().query('SELECT * FROM unit');
    expect(await laptop.state.db().query('SELECT * FROM unit')).toEqual(officeUnit);

    await signInAs(laptop, 'kalle');
    const kalle = await signedIn(laptop);
    await signInAs(laptop, 'maja');
    const people = (users: User[]) =>
      users.map(({ id, fullName, initials, role, active }) => ({
        id,
        fullName,
        initials,
        role,
        active,
      }));
    expect(people((await laptop.ok('users.list')) as User[])).toEqual(
      people((await office.ok('users.list')) as User[]),
    );
    expect(kalle).toMatchObject({ fullName: 'Kalle Handläggare', initials: 'KH' });

    // The laptop is a device of its own, named as the enhetschef named it, with its range.
    const [device] = (await laptop.state
      .db()
      .query('SELECT * FROM devices WHERE is_this = 1')) as Record<string, unknown>[];
    expect(device).toMatchObject({
      name: 'Bärbar 1',
      kind: 'laptop',
      serial_first: 100_000,
      serial_last: 109_999,
      setup_file_id: info.fileId,
    });
    const [officeDevice] = (await office.state
      .db()
      .query('SELECT id, name FROM devices WHERE is_this = 1')) as { id: string; name: string }[];
    expect(device!.id).not.toBe(officeDevice!.id);
    // It knows the office PC by name, and prints references only from its own range.
    expect(await laptop.state.db().query('SELECT id, name FROM devices WHERE is_this = 0')).toEqual(
      [officeDevice],
    );
    const actor = await signedIn(laptop);
    // Renamed as people know it: audited, and the office learns the name with the next file.
    expect(
      await renameThisDevice(laptop.state.db(), actor, 'Bärbar Norr', clock.now()),
    ).toMatchObject({
      name: 'Bärbar Norr',
      kind: 'laptop',
      isThis: true,
    });
    expect((await listDevices(laptop.state.db())).map((d) => d.name)).toEqual([
      'Bärbar Norr',
      officeDevice!.name,
    ]);
    const printed = await laptop.state
      .db()
      .transaction((manager) =>
        allocateReferences(manager, { kind: 'journalSheet', count: 2, actor, now: clock.now() }),
      );
    expect(printed).toEqual(['ET100000', 'ET100001']);

    // Audited on both sides: who made the file, when, where; never a password hash.
    const laptopAudit = (await listAudit(laptop.state.db(), 0, 50)).entries;
    const setUp = laptopAudit.find((e) => e.action === 'unit.setupFromFile')!;
    expect(setUp).toMatchObject({
      actorName: null,
      after: {
        setupFileId: info.fileId,
        madeByName: 'Maja Enhetschef',
        madeAt: '2026-11-23T07:10:00.000Z',
        madeOnDeviceName: officeDevice!.name,
        device: { id: device!.id, name: 'Bärbar 1' },
      },
    });
    expect(laptopAudit.find((e) => e.action === 'device.rename')).toMatchObject({
      actorName: 'Maja Enhetschef',
      before: { name: 'Bärbar 1' },
      after: { name: 'Bärbar Norr' },
    });
    expect(JSON.stringify(laptopAudit)).not.toMatch(/scrypt|passwordHash|password_hash/);
    const officeAudit = (await listAudit(office.state.db(), 0, 50)).entries;
    expect(officeAudit.find((e) => e.action === 'setupFile.write')).toMatchObject({
      actorName: 'Maja Enhetschef',
      entityId: info.fileId,
      after: { laptopName: 'Bärbar 1', firstReference: 'ET100000', lastReference: 'ET109999' },
    });

    // The file is SQLCipher 4 under the unit passphrase: the official build opens it with
    // the passphrase and not without; no name is in it in plain text.
    expect(
      await readWithSqlcipher(
        setupPath,
        PASSPHRASE,
        `SELECT value FROM manifest WHERE key = 'format'`,
      ),
    ).toEqual([{ value: '"reservparm-setup"' }]);
    await expect(
      readWithSqlcipher(setupPath, 'fel lösenfras här', 'SELECT count(*) FROM manifest'),
    ).rejects.toThrow(/not a database/);
    for (const text of ['Kalle Handläggare', 'Enhet Test', 'kalle', 'scrypt']) {
      expect(containsPlainText(setupPath, text), text).toBe(false);
    }
    expect(readFileSync(setupPath).subarray(0, 16).toString('latin1')).not.toBe(
      'SQLite format 3\0',
    );
  });

  it('gives each laptop its own range of serials and takes the outage going on with it', async () => {
    await office.ok('outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
    clock.at('2026-11-23T08:30');
    const first = await prepareLaptop(office, dir, clock.now, 'Bärbar 1');
    const second = await prepareLaptop(office, dir, clock.now, 'Bärbar 2');
    open.push(first.laptop, second.laptop);
    expect([first.info.firstReference, second.info.firstReference]).toEqual([
      'ET100000',
      'ET110000',
    ]);
    expect(
      await office.state
        .db()
        .query('SELECT device_name, serial_first FROM setup_files ORDER BY serial_first'),
    ).toEqual([
      { device_name: 'Bärbar 1', serial_first: 100_000 },
      { device_name: 'Bärbar 2', serial_first: 110_000 },
    ]);
    // The outage going on is the same outage on the laptop: its records need no mapping.
    await signInAs(first.laptop, 'kalle');
    expect(((await first.laptop.ok('app.status')) as Status).activeOutage).toMatchObject({
      level: 'II',
      affectedSystems: ['Paraplyet'],
    });
    expect(await first.laptop.state.db().query('SELECT id FROM outages')).toEqual(
      await office.state.db().query('SELECT id FROM outages'),
    );
    // A laptop does not hand out ranges: setup files are made on the office PC.
    await signInAs(first.laptop, 'maja');
    const fromLaptop = await refusal(
      writeSetupFile(
        first.laptop.state.db(),
        { actor: await signedIn(first.laptop), now: clock.now() },
        join(dir, 'x.reservparm-setup'),
      ),
    );
    expect(fromLaptop.message).toMatch(/kontorsdator/);
  });

  it('creates nothing from a wrong passphrase, a transfer file or a laptop already set up', async () => {
    const setupPath = join(dir, 'laptop.reservparm-setup');
    await writeSetupFile(
      office.state.db(),
      { actor: await signedIn(office), now: clock.now() },
      setupPath,
    );
    const dbPath = join(dir, 'laptop.db');

    const wrong = await refusal(
      createFromSetupFile(dbPath, setupPath, 'fel lösenfras här', clock.now()),
    );
    expect(wrong).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      fields: { passphrase: expect.any(String) },
    });
    expect(existsSync(dbPath)).toBe(false);

    const transferPath = join(dir, 'records.reservparm');
    await writeTransferFile(
      office.state.db(),
      { actor: await signedIn(office), now: clock.now(), outageId: null },
      transferPath,
    );
    const notSetup = await refusal(
      createFromSetupFile(dbPath, transferPath, PASSPHRASE, clock.now()),
    );
    expect(notSetup).toMatchObject({ code: 'WRONG_FILE' });
    expect(notSetup.message).toBe(
      'Filen är en överföringsfil, inte en installationsfil. Ingenting har lästs in.',
    );
    expect(existsSync(dbPath)).toBe(false);

    expect(inspectSetupFile(setupPath, PASSPHRASE)).toMatchObject({
      laptopName: 'Bärbar dator 1',
      firstReference: 'ET100000',
    });
    const laptop = await createFromSetupFile(dbPath, setupPath, PASSPHRASE, clock.now(), {
      deviceName: 'Receptionens bärbara',
    });
    expect(await laptop.query('SELECT name FROM devices WHERE is_this = 1')).toEqual([
      { name: 'Receptionens bärbara' },
    ]);
    await laptop.destroy();
    const twice = await refusal(createFromSetupFile(dbPath, setupPath, PASSPHRASE, clock.now()));
    expect(twice.code).toBe('ALREADY_SETUP');
    // Nor is a file ever written over the database itself.
    const overDatabase = await refusal(
      writeSetupFile(
        office.state.db(),
        { actor: await signedIn(office), now: clock.now() },
        office.state.dbPath,
      ),
    );
    expect(overDatabase.message).toBe(
      'Det är Reservpärms egen databas. Välj ett annat namn för filen.',
    );
    expect((await office.ok('users.list')) as User[]).toHaveLength(3);
  });
});
