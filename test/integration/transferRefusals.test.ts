import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDriver } from '../../main/app/db/sqlite';
import { applyCipher } from '../../main/app/db/keying';
import { importTransferFile } from '../../main/app/transfer/importTransferFile';
import { writeTransferFile } from '../../main/app/transfer/writeTransferFile';
import { AppError } from '../../shared/result';
import { createTestApp, PASSPHRASE, SETUP, type TestApp } from '../support/app';
import { snapshotFolder } from '../support/files';
import {
  officeWithPeople,
  prepareLaptop,
  signedIn,
  signInAs,
  tableCounts,
  TestClock,
} from '../support/laptop';
import { sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

const NOTHING = 'Ingenting har lästs in.';
const DAMAGED =
  'Filen är skadad eller ofullständig och kan inte läsas in. Den kan ha kopierats bara till ' +
  `hälften; skapa en ny fil på datorn den kommer från. ${NOTHING}`;
const WRONG_PASSPHRASE =
  'Filen kunde inte öppnas med den lösenfrasen. Ange enhetens lösenfras som den var när filen ' +
  `skapades. Stämmer lösenfrasen är filen skadad. ${NOTHING}`;

/** Issue 9, part 4: what an import refuses, and that a refusal reads in nothing. */
describe('a transfer file the office PC refuses', () => {
  let dir: string;
  let cleanup: () => void;
  let clock: TestClock;
  let office: TestApp;
  let laptop: TestApp;
  let good: string;
  const others: TestApp[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = makeTempDir());
    clock = new TestClock('2026-11-23T09:00');
    office = await officeWithPeople(dir, clock.now);
    await office.ok('outages.start', { level: 'II', affectedSystems: [], note: '' });
    ({ laptop } = await prepareLaptop(office, dir, clock.now));
    clock.at('2026-11-23T09:30');
    await signInAs(laptop, 'kalle');
    for (let i = 0; i < 30; i++) {
      await laptop.ok(
        'decisions.create',
        sampleInput('decisions', { clientName: `Klient ${i}` }) as never,
      );
    }
    good = join(dir, 'bärbar-1.reservparm');
    await writeTransferFile(
      laptop.state.db(),
      { actor: await signedIn(laptop), now: clock.now(), outageId: null },
      good,
    );
  });
  afterEach(async () => {
    for (const app of [office, laptop, ...others.splice(0)]) await app.state.close();
    cleanup();
  });

  const importing = async (path: string, passphrase = PASSPHRASE, into = office) =>
    importTransferFile(
      into.state.db(),
      { actor: await signedIn(into), now: clock.now() },
      path,
      passphrase,
    ).then(
      () => {
        throw new Error('the file was read in');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(AppError);
        return error as AppError;
      },
    );
  /** A copy of the good file, spoilt by `spoil`. */
  const spoilt = (name: string, spoil: (path: string) => void) => {
    const path = join(dir, name);
    copyFileSync(good, path);
    spoil(path);
    return path;
  };
  /** The good file opened with its key, to change what a reader must notice. */
  const rewritten = (name: string, sql: string) =>
    spoilt(name, (path) => {
      const db = new SqliteDriver(path);
      applyCipher(db);
      db.key(Buffer.from(PASSPHRASE, 'utf8'));
      db.exec(sql);
      db.close();
    });

  it('refuses each bad file with its reason, and the office database is as it was', async () => {
    const before = await tableCounts(office);
    const pages = statSync(good).size / 4096;
    expect(pages).toBeGreaterThan(4);

    const otherUnit = createTestApp(join(dir), { clock: clock.now, fileName: 'annan.db' });
    others.push(otherUnit);
    await otherUnit.ok('unit.setup', { ...SETUP, unitName: 'Enhet Annan' });
    const otherFile = join(dir, 'annan.reservparm');
    await writeTransferFile(
      otherUnit.state.db(),
      { actor: await signedIn(otherUnit), now: clock.now(), outageId: null },
      otherFile,
    );
    const plain = join(dir, 'plain.reservparm');
    const plainDb = new SqliteDriver(plain);
    plainDb.exec(`CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    plainDb.close();
    const random = join(dir, 'random.reservparm');
    writeFileSync(random, randomBytes(10_000));
    const randomPages = join(dir, 'random-pages.reservparm');
    writeFileSync(randomPages, randomBytes(4 * 4096));
    const setupFile = join(dir, 'Bärbar 1.reservparm-setup');

    const cases: [string, string, string, string?][] = [
      [
        otherFile,
        'WRONG_UNIT',
        `Filen kommer från en annan enhet (Enhet Annan) och kan inte läsas in här. ${NOTHING}`,
      ],
      [good, 'WRONG_PASSPHRASE', WRONG_PASSPHRASE, 'fel lösenfras här'],
      [
        spoilt('half.reservparm', (p) => truncateSync(p, Math.floor(statSync(p).size / 2) + 100)),
        'DAMAGED_FILE',
        DAMAGED,
      ],
      // Cut at a page boundary: the first pages decrypt, the header counts the rest.
      [
        spoilt('pages.reservparm', (p) => truncateSync(p, Math.floor(pages / 2) * 4096)),
        'DAMAGED_FILE',
        DAMAGED,
      ],
      [
        spoilt('flipped.reservparm', (p) => {
          const bytes = readFileSync(p);
          const middle = Math.floor(bytes.length / 2);
          for (let i = middle; i < middle + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
          writeFileSync(p, bytes);
        }),
        'DAMAGED_FILE',
        DAMAGED,
      ],
      [
        plain,
        'WRONG_FILE',
        `Filen är inte krypterad och är inte en överföringsfil från Reservpärm: sådana filer är alltid krypterade med enhetens lösenfras. ${NOTHING}`,
      ],
      [random, 'DAMAGED_FILE', DAMAGED],
      // Random pages cannot be told from a wrong passphrase: the message says both.
      [randomPages, 'WRONG_PASSPHRASE', WRONG_PASSPHRASE],
      [setupFile, 'WRONG_FILE', `Filen är en installationsfil, inte en överföringsfil. ${NOTHING}`],
      [
        rewritten(
          'newer.reservparm',
          `UPDATE manifest SET value = '4' WHERE key = 'formatVersion'`,
        ),
        'UNSUPPORTED_FORMAT',
        'Filen har skapats av en nyare version av Reservpärm (filformat 4). Uppdatera ' +
          `Reservpärm på den här datorn och försök igen. ${NOTHING}`,
      ],
      // A file from before migration 0010 lacks the columns it added: refused, not "damaged".
      [
        rewritten(
          'older.reservparm',
          `UPDATE manifest SET value = '1' WHERE key = 'formatVersion'`,
        ),
        'UNSUPPORTED_FORMAT',
        'Filen har skapats av en äldre version av Reservpärm (filformat 1). Uppdatera ' +
          `Reservpärm på datorn som skapade filen och skapa en ny överföringsfil. ${NOTHING}`,
      ],
      // A file from before migration 0012 lacks the audit chain a laptop's entries keep.
      [
        rewritten(
          'unchained.reservparm',
          `UPDATE manifest SET value = '2' WHERE key = 'formatVersion'`,
        ),
        'UNSUPPORTED_FORMAT',
        'Filen har skapats av en äldre version av Reservpärm (filformat 2). Uppdatera ' +
          `Reservpärm på datorn som skapade filen och skapa en ny överföringsfil. ${NOTHING}`,
      ],
      // Rewritten with the key, so every page is sound: the rows no longer match the digest.
      [
        rewritten(
          'altered.reservparm',
          `UPDATE decisions SET client_name = 'Någon annan' WHERE rowid = 3`,
        ),
        'DAMAGED_FILE',
        DAMAGED,
      ],
      [
        rewritten('fewer.reservparm', `DELETE FROM decisions WHERE rowid = 3`),
        'DAMAGED_FILE',
        DAMAGED,
      ],
      [join(dir, 'finns-inte.reservparm'), 'NOT_FOUND', `Filen finns inte. ${NOTHING}`],
    ];
    const files = snapshotFolder(dir);
    for (const [path, code, message, passphrase] of cases) {
      const error = await importing(path, passphrase);
      expect({ file: path, code: error.code, message: error.message }).toEqual({
        file: path,
        code,
        message,
      });
      expect(await tableCounts(office), path).toEqual(before);
    }
    // The files themselves were only read.
    const after = snapshotFolder(dir);
    for (const name of Object.keys(files).filter((n) => n.endsWith('reservparm'))) {
      expect(after[name], name).toBe(files[name]);
    }

    // A database is not a transfer file; the laptop's own file is not read in on the laptop.
    await laptop.state.close();
    const database = spoilt('database.reservparm', (p) =>
      copyFileSync(join(dir, 'Bärbar 1.db'), p),
    );
    expect((await importing(database)).message).toBe(
      `Filen är en databas från Reservpärm, inte en överföringsfil. ${NOTHING}`,
    );
    expect(await tableCounts(office)).toEqual(before);
    laptop = createTestApp(dir, { clock: clock.now, fileName: 'Bärbar 1.db' });
    await laptop.ok('unit.unlock', { passphrase: PASSPHRASE });
    await signInAs(laptop, 'maja');
    expect(await importing(good, PASSPHRASE, laptop)).toMatchObject({
      code: 'WRONG_FILE',
      message: `Filen skapades på den här datorn. Läs in den på enhetens kontorsdator. ${NOTHING}`,
    });

    // And the good file, after all that, reads in.
    const summary = await importTransferFile(
      office.state.db(),
      { actor: await signedIn(office), now: clock.now() },
      good,
      PASSPHRASE,
    );
    expect(summary.tables.find((t) => t.table === 'decisions')).toMatchObject({ added: 30 });
  });
});
