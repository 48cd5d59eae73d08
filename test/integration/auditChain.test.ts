import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../main/app/audit/auditLog';
import { appendChained, entryHash, GENESIS, type ChainContent } from '../../main/app/audit/chain';
import { verifyChains, type LeftBehind } from '../../main/app/audit/verifyChain';
import { connectionOf, openUnitDatabase } from '../../main/app/db/open';
import { migrations } from '../../main/app/db/migrations';
import { AuditChain } from '../../main/app/db/migrations/0012-audit-chain';
import { importTransferFile } from '../../main/app/transfer/importTransferFile';
import { writeTransferFile } from '../../main/app/transfer/writeTransferFile';
import type { Output } from '../../shared/contract';
import type { Outage } from '../../shared/outages';
import type { RegisterRecord } from '../../shared/registers/schemas';
import {
  CASE_WORKER,
  clockFrom,
  createTestApp,
  PASSPHRASE,
  SETUP,
  type TestApp,
} from '../support/app';
import { officeWithPeople, prepareLaptop, signedIn, signInAs, TestClock } from '../support/laptop';
import { decisionWithPurpose, sampleInput } from '../support/records';
import { makeTempDir } from '../support/tempDir';

type Verified = Output<'audit.verify'>;
type Listed = Output<'audit.list'>;

/**
 * Issue 11, item 3: the audit log's hash chain on a real encrypted database, tampered with
 * through raw SQL as someone with the passphrase and a database tool could, and the
 * enhetschef's "Verifiera händelseloggen" naming the entry.
 */
describe('the audit chain', () => {
  let app: TestApp;
  let cleanup = () => {};
  let decision: RegisterRecord;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    app = createTestApp(dir, { clock: clockFrom('2026-11-23T10:00') });
    await app.ok('unit.setup', SETUP);
    await app.ok('users.create', CASE_WORKER);
    await app.ok('outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
    await app.signInAs(CASE_WORKER.username);
    decision = (await app.ok('decisions.create', sampleInput('decisions'))) as RegisterRecord;
    decision = (await app.ok(
      'decisions.update',
      decisionWithPurpose(decision.id, 'Hyra december'),
    )) as RegisterRecord;
    await app.signInAs(SETUP.manager.username, SETUP.manager.password);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });

  const sql = (query: string, values: unknown[] = []) => app.state.db().query(query, values);
  /** The entries in the order they were written, as the Händelselogg describes them. */
  async function entries() {
    const listed = (await app.ok('audit.list', { offset: 0, limit: 200 })) as Listed;
    return [...listed.entries].sort((a, b) => a.id - b.id);
  }
  /** An entry in the words the check uses: "2026-11-23 kl. 10:00, Maja Chef, Beslut …". */
  const words = (entry: Listed['entries'][number]) =>
    `${entry.when.replace(' ', ' kl. ')}, ${entry.actor}, ${entry.event}`;
  const verify = async () => (await app.ok('audit.verify')) as Verified;

  it('finds an untouched log whole, counts its entries and chains, and logs the check', async () => {
    const before = await entries();
    const answer = await verify();
    expect(answer).toEqual({
      whole: true,
      entries: before.length,
      chains: 1,
      message: `Händelseloggen är hel: ${before.length} händelser i 1 kedja kontrollerade.`,
      problems: [],
    });
    const after = await entries();
    expect(after.at(-1)).toMatchObject({
      event: 'Händelseloggen verifierad',
      actor: SETUP.manager.fullName,
    });
    // The check's own entry is chained: a second check finds it whole too.
    expect((await verify()).entries).toBe(before.length + 1);
  });

  it('is for the enhetschef only', async () => {
    await app.signInAs(CASE_WORKER.username);
    const refused = await app.call('audit.verify');
    expect(refused.ok).toBe(false);
  });

  it('names an entry whose content was edited', async () => {
    const all = await entries();
    const created = all.find((e) => e.event === 'Beslut registrerat');
    const updated = all.find((e) => e.event === 'Beslut ändrat');
    await sql(
      `UPDATE audit_log SET after_json = replace(after_json, 'december', 'januari') WHERE id = ?`,
      [updated!.id],
    );
    const answer = await verify();
    expect(answer.whole).toBe(false);
    expect(answer.message).toMatch(
      /^Händelseloggen är inte hel: 1 fel bland \d+ händelser i 1 kedja\.$/,
    );
    expect(answer.problems).toEqual([
      `Händelsen ${words(updated!)}, har ändrats efter att den skrevs.`,
    ]);
    expect(words(created!)).toMatch(
      /^2026-11-23 kl\. 10:00, Kalle Handläggare, Beslut registrerat$/,
    );
  });

  it('says an entry is missing between the two around it, or at the end', async () => {
    const all = await entries();
    await sql('DELETE FROM audit_log WHERE id = ?', [all[2]!.id]);
    expect((await verify()).problems).toEqual([
      `En händelse saknas mellan ${words(all[1]!)} och ${words(all[3]!)}.`,
    ]);

    // The last entry now is that check's: removed, only the chain's head tells.
    const now = await entries();
    const lastCheck = now.at(-1)!;
    expect(lastCheck.event).toBe('Händelseloggen verifierad');
    await sql('DELETE FROM audit_log WHERE id = ?', [lastCheck.id]);
    expect((await verify()).problems).toEqual([
      `En händelse saknas mellan ${words(all[1]!)} och ${words(all[3]!)}.`,
      `En händelse saknas efter ${words(now.at(-2)!)}, sist i loggen.`,
    ]);
  });

  it('says an entry was added, whether plainly inserted or forged into the chain', async () => {
    const all = await entries();
    await sql(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, after_json)
       VALUES ('2026-11-23T09:30:00.000Z', NULL, 'Okänd', 'decisions.void', 'decisions', ?, '{}')`,
      [decision.id],
    );
    const [plain] = (await sql('SELECT max(id) AS id FROM audit_log')) as [{ id: number }];
    let answer = await verify();
    expect(answer.problems).toHaveLength(1);
    expect(answer.problems[0]).toMatch(
      /^En händelse har lagts till i efterhand: 2026-11-23 kl\. 10:30, Okänd, Beslut makulerat\.$/,
    );
    await sql('DELETE FROM audit_log WHERE id = ?', [plain.id]);

    // Forged with a place in the chain: the number of an entry and what it points at.
    const [third] = (await sql('SELECT chain_seq, prev_hash FROM audit_log WHERE id = ?', [
      all[3]!.id,
    ])) as [{ chain_seq: number; prev_hash: string }];
    await sql(
      `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, after_json,
         chain_seq, prev_hash, hash)
       VALUES ('2026-11-23T09:31:00.000Z', NULL, 'Okänd', 'decisions.void', 'decisions', ?, '{}',
         ?, ?, ?)`,
      [decision.id, third.chain_seq, third.prev_hash, 'f'.repeat(64)],
    );
    answer = await verify();
    expect(answer.problems).toEqual([
      'En händelse har lagts till i efterhand: 2026-11-23 kl. 10:31, Okänd, Beslut makulerat.',
    ]);
  });

  it('says two entries swapped places, by their numbers or by their contents', async () => {
    const swapNumbers = async (x: number, y: number) => {
      const seq = async (id: number) =>
        (
          (await sql('SELECT chain_seq FROM audit_log WHERE id = ?', [id])) as [
            { chain_seq: number },
          ]
        )[0].chain_seq;
      const [sx, sy] = [await seq(x), await seq(y)];
      await sql('UPDATE audit_log SET chain_seq = ? WHERE id = ?', [sy, x]);
      await sql('UPDATE audit_log SET chain_seq = ? WHERE id = ?', [sx, y]);
    };
    const all = await entries();
    const [a, b] = [all[1]!, all[4]!];
    await swapNumbers(a.id, b.id);
    const swapped = `Händelserna ${words(a)} och ${words(b)} har bytt plats.`;
    expect((await verify()).problems).toEqual([swapped]);
    // Back, then the contents swapped and the numbers and hashes left where they were.
    await swapNumbers(a.id, b.id);
    expect((await verify()).whole).toBe(true);
    const content = 'at, actor_id, actor_name, action, entity, entity_id, before_json, after_json';
    const [rowA] = (await sql(`SELECT ${content} FROM audit_log WHERE id = ?`, [a.id])) as [
      Record<string, unknown>,
    ];
    const [rowB] = (await sql(`SELECT ${content} FROM audit_log WHERE id = ?`, [b.id])) as [
      Record<string, unknown>,
    ];
    const set = content
      .split(', ')
      .map((c) => `${c} = ?`)
      .join(', ');
    await sql(`UPDATE audit_log SET ${set} WHERE id = ?`, [...Object.values(rowB), a.id]);
    await sql(`UPDATE audit_log SET ${set} WHERE id = ?`, [...Object.values(rowA), b.id]);
    // Each entry now shows the other's words: named by what they show now.
    const shown = await entries();
    const [nowA, nowB] = [shown.find((e) => e.id === a.id)!, shown.find((e) => e.id === b.id)!];
    expect((await verify()).problems).toEqual([
      `Händelserna ${words(nowA)} och ${words(nowB)} har bytt plats.`,
    ]);
  });

  it('stays one chain when writers run at once, and an entry goes with its change or not at all', async () => {
    const db = app.state.db();
    const [{ n: before }] = (await sql('SELECT count(*) AS n FROM audit_log')) as [{ n: number }];
    // Twenty calls at once through the router, each writing an entry (the router runs them
    // one at a time on the one connection; each reads the head inside its own transaction).
    const answers = (await Promise.all(
      Array.from({ length: 20 }, () => app.ok('audit.verify')),
    )) as Verified[];
    expect(answers.every((a) => a.whole)).toBe(true);
    // A change that fails after its entry was written takes the entry with it.
    await expect(
      db.transaction(async (manager) => {
        await recordAudit(manager, {
          actor: null,
          at: new Date('2026-11-23T10:30:00.000Z'),
          action: 'session.signIn',
          entity: 'session',
          entityId: 'rolled back',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const numbers = (await sql('SELECT chain_seq FROM audit_log ORDER BY chain_seq')) as {
      chain_seq: number;
    }[];
    expect(numbers.map((r) => r.chain_seq)).toEqual(
      Array.from({ length: before + 20 }, (_, i) => i + 1),
    );
    expect(await verify()).toMatchObject({ whole: true, entries: before + 20 });
  });

  it('names the first hundred faults of a log edited throughout, and counts them all', async () => {
    const db = connectionOf(app.state.db());
    for (let i = 0; i < 150; i++) {
      appendChained(db, {
        at: new Date(Date.UTC(2026, 10, 23, 9, 0, i)).toISOString(),
        actor_id: null,
        actor_name: 'Kalle Handläggare',
        action: 'session.signIn',
        entity: 'session',
        entity_id: null,
        before_json: null,
        after_json: null,
      });
    }
    await sql(`UPDATE audit_log SET actor_name = 'Någon annan' WHERE action = 'session.signIn'`);
    const [{ n }] = (await sql(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'session.signIn'`,
    )) as [{ n: number }];
    const answer = await verify();
    expect(answer.message).toMatch(new RegExp(`^Händelseloggen är inte hel: ${n} fel bland `));
    expect(answer.problems).toHaveLength(101);
    expect(answer.problems.at(-1)).toBe(`… och ${n - 100} fel till av samma slag eller andra.`);
  });

  it('verifies 100 000 entries in well under a few seconds', async () => {
    const db = connectionOf(app.state.db());
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        appendChained(db, {
          at: new Date(Date.UTC(2026, 10, 23, 9) + i * 1000).toISOString(),
          actor_id: null,
          actor_name: 'Kalle Handläggare',
          action: 'decisions.update',
          entity: 'decisions',
          entity_id: decision.id,
          before_json: JSON.stringify({ purpose: `Hyra ${i}`, amountOre: i * 100 }),
          after_json: JSON.stringify({ purpose: `Hyra ${i + 1}`, amountOre: i * 100 + 50 }),
        });
      }
    })();
    const started = performance.now();
    const report = verifyChains(db);
    const seconds = (performance.now() - started) / 1000;
    console.log(`verified ${report.entries} audit entries in ${seconds.toFixed(2)} s`);
    expect(report.problems).toEqual([]);
    expect(report.entries).toBeGreaterThan(100_000);
    // Generous: the machine is shared; measured 1.9 s on the shared two-core machine.
    expect(seconds).toBeLessThan(10);
  }, 120_000);
});

describe("a laptop's entries at the office", () => {
  let dir: string;
  let cleanup: () => void;
  let office: TestApp;
  let laptop: TestApp;
  let officeClock: TestClock;
  let laptopClock: TestClock;

  beforeEach(async () => {
    officeClock = new TestClock('2026-11-23T08:00');
    laptopClock = new TestClock('2026-11-23T08:15');
    ({ dir, cleanup } = makeTempDir());
    office = await officeWithPeople(dir, officeClock.now);
    ({ laptop } = await prepareLaptop(office, dir, laptopClock.now));
  });
  afterEach(async () => {
    await laptop.state.close();
    await office.state.close();
    cleanup();
  });

  /** On the laptop: two outages, a decision in each, the first ended and analysed after. */
  async function twoOutages(): Promise<[Outage, Outage]> {
    await signInAs(laptop, 'kalle');
    const first = (await laptop.ok('outages.start', {
      level: 'II',
      affectedSystems: [],
      note: 'Ute hos klient',
    })) as Outage;
    await laptop.ok('decisions.create', {
      ...sampleInput('decisions'),
      outageId: first.id,
    } as never);
    laptopClock.at('2026-11-23T09:00');
    await laptop.ok('outages.end', { id: first.id });
    const second = (await laptop.ok('outages.start', {
      level: 'I',
      affectedSystems: [],
      note: '',
    })) as Outage;
    await laptop.ok('decisions.create', {
      ...sampleInput('decisions'),
      outageId: second.id,
    } as never);
    // Then about the first again: a file of the first leaves a gap in the middle of the chain.
    await laptop.ok('decisions.create', {
      ...sampleInput('decisions', { clientName: 'Från papper' }),
      outageId: first.id,
      transcribedFromPaper: true,
      paperReferenceMissing: true,
    } as never);
    return [first, second];
  }
  const write = async (outageId: string | null, name: string) => {
    const path = join(dir, name);
    await writeTransferFile(
      laptop.state.db(),
      { actor: await signedIn(laptop), now: laptopClock.now(), outageId },
      path,
    );
    return path;
  };
  const read = async (path: string) =>
    importTransferFile(
      office.state.db(),
      { actor: await signedIn(office), now: officeClock.now() },
      path,
      PASSPHRASE,
    );

  /**
   * A file of the first of two outages read in at the office (the entries about the second
   * stay on the laptop): the laptop's device id and its entries now at the office.
   */
  const importFirstOutage = async () => {
    const [first] = await twoOutages();
    await read(await write(first.id, 'första.reservparm'));
    const [{ laptopId }] = (await laptop.state
      .db()
      .query('SELECT id AS laptopId FROM devices WHERE is_this = 1')) as [{ laptopId: string }];
    const imported = (await office.state
      .db()
      .query('SELECT id, chain_seq FROM audit_log WHERE device_id = ? ORDER BY chain_seq', [
        laptopId,
      ])) as { id: number; chain_seq: number }[];
    return { laptopId, imported };
  };

  it('keep their own chain, verified on its own, with what a file of one outage left behind', async () => {
    const { laptopId, imported } = await importFirstOutage();
    const onLaptop = (await laptop.state
      .db()
      .query('SELECT count(*) AS n FROM audit_log WHERE device_id = ?', [laptopId])) as [
      { n: number },
    ];
    expect(imported.length).toBeGreaterThan(0);
    // The import's own entry says which of the laptop's entries stayed behind: a middle run.
    const [{ after_json }] = (await office.state
      .db()
      .query(`SELECT after_json FROM audit_log WHERE action = 'transfer.import'`)) as [
      { after_json: string },
    ];
    const [{ deviceId, ranges }] = (JSON.parse(after_json) as { auditChains: LeftBehind[] })
      .auditChains as [LeftBehind];
    expect(deviceId).toBe(laptopId);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]![0]).toBeGreaterThan(1);
    expect(ranges[0]![1]).toBeLessThan(imported.at(-1)!.chain_seq);
    expect(imported.length).toBeLessThan(onLaptop[0].n);
    let answer = (await office.ok('audit.verify')) as Verified;
    expect(answer.problems).toEqual([]);
    expect(answer.chains).toBe(2);

    // One of the laptop's entries removed at the office: said, and said to be the laptop's.
    const middle = imported[1]!;
    await office.state.db().query('DELETE FROM audit_log WHERE id = ?', [middle.id]);
    answer = (await office.ok('audit.verify')) as Verified;
    expect(answer.problems).toHaveLength(1);
    expect(answer.problems[0]).toMatch(
      /^Bland händelserna från Bärbar 1: en händelse saknas mellan /,
    );

    // The whole log read in again: the removed entry and those left behind come home.
    await read(await write(null, 'allt.reservparm'));
    answer = (await office.ok('audit.verify')) as Verified;
    expect(answer.problems).toEqual([]);
    expect(answer.chains).toBe(2);
    const laptopAnswer = (await (async () => {
      await signInAs(laptop, 'maja');
      return laptop.ok('audit.verify');
    })()) as Verified;
    expect(laptopAnswer.problems).toEqual([]);
  });
  it('does not take an edited import entry as the excuse for a removed laptop entry', async () => {
    const { imported } = await importFirstOutage();
    // One of the laptop's entries removed, and the import's record of what stayed behind
    // widened to cover it.
    const removed = imported[1]!;
    await office.state.db().query('DELETE FROM audit_log WHERE id = ?', [removed.id]);
    const [importEntry] = (await office.state
      .db()
      .query(`SELECT id, after_json FROM audit_log WHERE action = 'transfer.import'`)) as [
      { id: number; after_json: string },
    ];
    const after = JSON.parse(importEntry.after_json) as { auditChains: LeftBehind[] };
    after.auditChains[0]!.ranges.push([removed.chain_seq, removed.chain_seq]);
    await office.state
      .db()
      .query('UPDATE audit_log SET after_json = ? WHERE id = ?', [
        JSON.stringify(after),
        importEntry.id,
      ]);
    const answer = (await office.ok('audit.verify')) as Verified;
    // The edited record excuses nothing: the removed entry is missing, and so (rightly,
    // with no trusted record of it) is the run that stayed behind on the laptop.
    expect(answer.problems).toHaveLength(3);
    expect(answer.problems.some((p) => /har ändrats efter att den skrevs/.test(p))).toBe(true);
    expect(
      answer.problems.filter((p) => /^Bland händelserna från Bärbar 1: .*saknas/.test(p)),
    ).toHaveLength(2);
  });

  it("takes the laptop's chain for entries the office chained itself before this version", async () => {
    const [first] = await twoOutages();
    await read(await write(first.id, 'första.reservparm'));
    // As migration 0012 leaves an office that had read in part of a laptop's entries before
    // the chain existed: that part chained on its own, numbered 1, 2, 3 … without gaps.
    const db = connectionOf(office.state.db());
    const [{ laptopId }] = (await laptop.state
      .db()
      .query('SELECT id AS laptopId FROM devices WHERE is_this = 1')) as [{ laptopId: string }];
    const rows = db
      .prepare(
        `SELECT id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json,
                device_id FROM audit_log WHERE device_id = ? ORDER BY origin_id`,
      )
      .all(laptopId) as (ChainContent & { id: number })[];
    let prev = GENESIS;
    rows.forEach(({ id, ...content }, index) => {
      const hash = entryHash(content, prev);
      db.prepare('UPDATE audit_log SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?').run(
        index + 1,
        prev,
        hash,
        id,
      );
      db.prepare('UPDATE audit_chain_heads SET seq = ?, hash = ? WHERE chain_id = ?').run(
        index + 1,
        hash,
        laptopId,
      );
      prev = hash;
    });
    expect(((await office.ok('audit.verify')) as Verified).problems).toEqual([]);

    // The whole log from the laptop: its chain, numbers and hashes, replaces the office's own.
    await read(await write(null, 'allt.reservparm'));
    const answer = (await office.ok('audit.verify')) as Verified;
    expect(answer.problems).toEqual([]);
    const atOffice = db
      .prepare(
        'SELECT origin_id, chain_seq, hash FROM audit_log WHERE device_id = ? ORDER BY origin_id',
      )
      .all(laptopId);
    const onLaptop = connectionOf(laptop.state.db())
      .prepare(
        `SELECT origin_id, chain_seq, hash FROM audit_log WHERE device_id = ? AND origin_id <= ?
          ORDER BY origin_id`,
      )
      .all(laptopId, (atOffice.at(-1) as { origin_id: number }).origin_id);
    expect(atOffice).toEqual(onLaptop);
  });
});

describe('migration 0012', () => {
  it("chains the entries already there, the office's and a laptop's each on their own", async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const path = join(dir, 'unit.db');
      const before = migrations.slice(0, migrations.indexOf(AuditChain));
      const old = await openUnitDatabase(path, PASSPHRASE, { create: true, migrations: before });
      await old.query(
        `INSERT INTO devices (id, name, kind, is_this, serial_first, serial_last, created_at)
         VALUES ('office', 'Kontoret', 'office', 1, 1, 129999, 't'),
                ('laptop-1', 'Bärbar 1', 'laptop', 0, 130000, 139999, 't')`,
      );
      const entry = (at: string, device: string | null, origin: number | null) =>
        old.query(
          `INSERT INTO audit_log (at, actor_name, action, entity, entity_id, after_json, device_id, origin_id)
           VALUES (?, 'Maja', 'user.update', 'user', 'u2', '{"fullName":"Maja"}', ?, ?)`,
          [at, device, origin],
        );
      await entry('2026-11-20T10:00:00.000Z', null, null);
      await entry('2026-11-21T10:00:00.000Z', null, null);
      // Read in from the laptop, out of its order, between the office's.
      await entry('2026-11-21T11:00:00.000Z', 'laptop-1', 2);
      await entry('2026-11-21T10:30:00.000Z', 'laptop-1', 1);
      await entry('2026-11-22T10:00:00.000Z', null, null);
      await old.destroy();

      const db = await openUnitDatabase(path, PASSPHRASE, { create: false });
      const rows = (await db.query(
        `SELECT device_id, origin_id, chain_seq, length(hash) AS hashLength FROM audit_log
          ORDER BY device_id, chain_seq`,
      )) as { device_id: string; origin_id: number; chain_seq: number; hashLength: number }[];
      expect(rows.map((r) => [r.device_id, r.origin_id, r.chain_seq, r.hashLength])).toEqual([
        ['laptop-1', 1, 1, 64],
        ['laptop-1', 2, 2, 64],
        ['office', 1, 1, 64],
        ['office', 2, 2, 64],
        ['office', 5, 3, 64],
      ]);
      expect(
        await db.query('SELECT chain_id, seq FROM audit_chain_heads ORDER BY chain_id'),
      ).toEqual([
        { chain_id: 'laptop-1', seq: 2 },
        { chain_id: 'office', seq: 3 },
      ]);
      const report = verifyChains(connectionOf(db));
      expect(report).toEqual({ entries: 5, chains: 2, problems: [] });
      // The indexes of 0011 stay.
      const indexes = (
        (await db.query(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'`,
        )) as {
          name: string;
        }[]
      ).map((i) => i.name);
      expect(indexes).toEqual(
        expect.arrayContaining([
          'audit_log_at',
          'audit_log_actor',
          'audit_log_action',
          'audit_log_entity_at',
          'audit_log_chain',
        ]),
      );
      // The next entry continues the office's chain.
      appendChained(connectionOf(db), {
        at: '2026-11-23T10:00:00.000Z',
        actor_id: null,
        actor_name: 'Maja',
        action: 'session.signIn',
        entity: 'session',
        entity_id: null,
        before_json: null,
        after_json: null,
      });
      expect(
        await db.query(`SELECT chain_seq FROM audit_log WHERE action = 'session.signIn'`),
      ).toEqual([{ chain_seq: 4 }]);
      expect(verifyChains(connectionOf(db)).problems).toEqual([]);
      // An edit after the migration shows.
      await db.query(
        `UPDATE audit_log SET actor_name = 'Någon' WHERE origin_id = 2 AND device_id = 'office'`,
      );
      expect(verifyChains(connectionOf(db)).problems).toEqual([
        { chain: 'office', problem: { kind: 'edited', id: 2 } },
      ]);
      await db.destroy();
    } finally {
      cleanup();
    }
  });
});
