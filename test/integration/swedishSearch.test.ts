import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { sortKeys } from '../../shared/registers/schemas';
import { registers } from '../../shared/registers';
import { foldName } from '../../shared/swedishText';
import { liveSearchIndex } from '../../main/app/registers/registerQueries';
import { rulesFor } from '../../main/app/registers/rules';
import { columnsOf, portableColumnsOf, tableOf } from '../../main/app/registers/table';
import { useUnitApp, FINANCIAL_AID_MANAGER, type TestApp } from '../support/app';
import { sampleInput } from '../support/records';

interface Page {
  rows: RegisterRecord[];
  total: number | null;
  startCursor: string | null;
  endCursor: string | null;
}

const collator = new Intl.Collator('sv');

describe('Swedish search and sort, and keyset paging, in the register lists', () => {
  let app: TestApp;

  useUnitApp(async (ready) => {
    app = ready;
    app.state.session.autoLockMinutes = 60 * 24 * 30;
    await app.ok('outages.start', { level: 'II', affectedSystems: ['Paraplyet'], note: '' });
  });

  const create = (clientName: string, personnummer = '19121212-1212') =>
    app.ok(
      'decisions.create',
      sampleInput('decisions', {
        clientName,
        personnummer,
        reserveIdentity: personnummer === '',
      }) as never,
    ) as Promise<RegisterRecord>;
  const list = (filter: Record<string, unknown>) =>
    app.ok('decisions.list', { limit: 500, ...filter } as never) as Promise<Page>;
  const names = async (filter: Record<string, unknown>) =>
    (await list(filter)).rows.map((r) => r.clientName).sort(collator.compare);

  it('finds names whatever their case and accents, keeping å, ä and ö apart', async () => {
    for (const name of [
      'Örjan Åström',
      'Åsa Berg',
      'Asa Lind',
      'Lars Ström',
      'René Ek',
      'Anna Ek',
    ]) {
      await create(name);
    }
    expect(await names({ search: 'örjan' })).toEqual(['Örjan Åström']);
    expect(await names({ search: 'ÖRJAN åström' })).toEqual(['Örjan Åström']);
    expect(await names({ search: 'åsa' })).toEqual(['Åsa Berg']);
    expect(await names({ search: 'STRÖM' })).toEqual(['Lars Ström', 'Örjan Åström']);
    expect(await names({ search: 'rene' })).toEqual(['René Ek']);
    expect(await names({ search: 'RENÉ' })).toEqual(['René Ek']);
    // Shorter than a trigram: read from the folded column, still a substring.
    expect(await names({ search: 'e' })).toEqual(
      ['Åsa Berg', 'René Ek', 'Anna Ek'].sort(collator.compare),
    );
    expect(await names({ search: 'ö' })).toEqual(['Lars Ström', 'Örjan Åström']);
    expect(await names({ search: 'ås' })).toEqual(['Åsa Berg', 'Örjan Åström']);
    // FTS5 syntax typed into the box is text, not a query.
    expect(await names({ search: 'ek OR berg' })).toEqual([]);
    expect(await names({ search: '"ek' })).toEqual([]);
    const counted = await list({ search: 'ström' });
    expect(counted.total).toBe(2);
  });

  it('finds a renamed record by its new name only, and a voided one only when asked', async () => {
    const record = await create('Östen Öberg');
    await app.ok('decisions.update', {
      id: record.id,
      input: sampleInput('decisions', { clientName: 'Örjan Åström' }),
    } as never);
    expect(await names({ search: 'östen' })).toEqual([]);
    expect(await names({ search: 'örjan' })).toEqual(['Örjan Åström']);
    await app.ok('decisions.void', { id: record.id, reason: 'Fel person' });
    expect(await list({ search: 'örjan' })).toMatchObject({ rows: [], total: 0 });
    expect(await names({ search: 'örjan', voided: 'include' })).toEqual(['Örjan Åström']);
  });

  it('leaves nothing of a renamed or deleted name in the name index (FTS5 secure-delete)', async () => {
    const db = () => app.state.db();
    const trigrams = (name: string) => {
      const chars = [...foldName(name)];
      return chars.slice(2).map((_, i) => chars.slice(i, i + 3).join(''));
    };
    // The trigrams of `name` that no other name in the table has, whose bytes are still
    // somewhere in the index's segments (a term is stored whole where it starts a page or
    // shares no prefix with the term before it, so some always show while it is there).
    const leftInIndex = async (name: string) => {
      const others = (await db().query(`SELECT client_fold FROM decisions WHERE client_fold <> ?`, [
        foldName(name),
      ])) as { client_fold: string }[];
      const shared = new Set(others.flatMap((row) => trigrams(row.client_fold)));
      const blocks = (
        (await db().query(`SELECT block FROM decisions_name_search_data`)) as { block: Buffer }[]
      ).map((row) => row.block);
      return trigrams(name)
        .filter((t) => !shared.has(t))
        .filter((t) => blocks.some((block) => block.includes(Buffer.from(t))));
    };
    const content = async () =>
      (
        (await db().query(`SELECT c0 FROM decisions_name_search_content ORDER BY c0`)) as {
          c0: string;
        }[]
      ).map((row) => row.c0);

    const renamed = await create('Örjan Åström');
    const deleted = await create('Zbigniew Kwiatkowski');
    await create('Lars Ström');
    // Checked before: the search finds what is in the index.
    expect(await leftInIndex('Örjan Åström')).not.toEqual([]);
    expect(await leftInIndex('Zbigniew Kwiatkowski')).not.toEqual([]);

    await app.ok('decisions.update', {
      id: renamed.id,
      input: sampleInput('decisions', { clientName: 'Anna Berg' }),
    } as never);
    expect(await leftInIndex('Örjan Åström')).toEqual([]);
    expect(await names({ search: 'örjan' })).toEqual([]);
    expect(await names({ search: 'berg' })).toEqual(['Anna Berg']);

    // As a purge deletes: the row goes, and the trigger takes its name out of the index.
    await db().query(`DELETE FROM decisions WHERE id = ?`, [deleted.id]);
    expect(await leftInIndex('Zbigniew Kwiatkowski')).toEqual([]);
    expect(await content()).toEqual(['anna berg', 'lars ström']);
    expect(await names({ search: 'kwiat' })).toEqual([]);
    expect(await names({ search: 'ström' })).toEqual(['Lars Ström']);
    await db().query(
      `INSERT INTO decisions_name_search (decisions_name_search) VALUES ('integrity-check')`,
    );
  });

  it('has, for every register counted through it, the index the name-search count names', async () => {
    for (const definition of Object.values(registers)) {
      if (rulesFor(definition.key).listSource) continue;
      const table = tableOf(definition);
      const index = liveSearchIndex(table);
      const [row] = (await app.state
        .db()
        .query(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, [index])) as {
        sql: string;
      }[];
      expect(
        row?.sql,
        `listRecords counts name searches INDEXED BY ${index}: keep the index and the query in step`,
      ).toBe(`CREATE INDEX ${index} ON ${table} (search_rowid) WHERE voided_at IS NULL`);
    }
    await create('Örjan Åström');
    expect(await list({ search: 'åström', voided: 'exclude', withTotal: true })).toMatchObject({
      total: 1,
    });
  });

  it('pages a broad name search (more matches than it sorts in memory) like a narrow one', async () => {
    await create('Anna Ek');
    const model = await create('Lars Ström');
    // 2 100 more matches, copied from one record through SQL: the triggers index each.
    const columns = (
      (await app.state.db().query(`PRAGMA table_info(decisions)`)) as { name: string }[]
    )
      .map((c) => c.name)
      .filter((name) => name !== 'id' && name !== 'search_rowid' && name !== 'created_at');
    await app.state.db().query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2100)
       INSERT INTO decisions (id, created_at, ${columns.join(', ')})
       SELECT 'bulk-' || printf('%04d', i), printf('2026-11-23T08:%02d:%02d.000Z', i / 60, i % 60),
              ${columns.join(', ')}
         FROM decisions, n WHERE decisions.id = ?`,
      [model.id],
    );
    const filter = { search: 'ström', sort: 'createdAt', direction: 'asc', limit: 3 };
    const first = await list({ ...filter, withTotal: true });
    expect(first.total).toBe(2101);
    expect(first.rows.map((r) => r.id)).toEqual(['bulk-0001', 'bulk-0002', 'bulk-0003']);
    const next = await list({ ...filter, after: first.endCursor });
    expect(next.rows.map((r) => r.id)).toEqual(['bulk-0004', 'bulk-0005', 'bulk-0006']);
    const last = await list({ ...filter, fromEnd: true });
    expect(last.rows.map((r) => r.id)).toEqual(['bulk-2099', 'bulk-2100', model.id]);
    expect((await list({ search: 'anna', withTotal: true })).total).toBe(1);
  });

  it('never counts search_rowid, local to each file, among the columns that may be copied', () => {
    for (const definition of Object.values(registers)) {
      expect(columnsOf(definition)).toContain('search_rowid');
      expect(portableColumnsOf(definition)).not.toContain('search_rowid');
    }
  });

  it('sorts names … Z, Å, Ä, Ö, both ways', async () => {
    const all = [
      'Östen Ek',
      'Zoran Zec',
      'Åsa Berg',
      'Ärla Ek',
      'Anna Ek',
      'Wilma Ek',
      'Viktor Ek',
      'éva ek',
      'Eva Ek',
    ];
    for (const name of all) await create(name);
    const sorted = (await list({ sort: 'clientName', direction: 'asc' })).rows.map(
      (r) => r.clientName,
    );
    expect(sorted).toEqual([
      'Anna Ek',
      'Eva Ek',
      'éva ek',
      'Viktor Ek',
      'Wilma Ek',
      'Zoran Zec',
      'Åsa Berg',
      'Ärla Ek',
      'Östen Ek',
    ]);
    const reversed = (await list({ sort: 'clientName', direction: 'desc' })).rows.map(
      (r) => r.clientName,
    );
    expect(reversed).toEqual([...sorted].reverse());
  });

  it('pages by cursor to exactly the full list, in every sort and direction, with equal names and voided rows', async () => {
    const people = [
      'Åsa Berg',
      'Anna Ek',
      'Örjan Åström',
      'Anna Ek',
      'Zoran Zec',
      'Anna Ek',
      'Ärla Öst',
    ];
    const numbers = ['19121212-1212', '20000229-1235', ''];
    const created: RegisterRecord[] = [];
    for (let i = 0; i < 23; i++) {
      created.push(await create(people[i % people.length]!, numbers[i % numbers.length]));
    }
    for (const record of created.filter((_, i) => i % 5 === 2)) {
      await app.ok('decisions.void', { id: record.id, reason: 'Dubblett' });
    }

    for (const sort of sortKeys) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const voided of ['exclude', 'include'] as const) {
          const filter = { sort, direction, voided };
          const whole = await list(filter);
          const ids = whole.rows.map((r) => r.id);
          expect(ids.length).toBe(whole.total);
          expect(new Set(ids).size).toBe(ids.length);
          if (voided === 'exclude') expect(whole.rows.every((r) => !r.voidedAt)).toBe(true);

          // Down the list, five at a time from each page's end.
          const down: string[] = [];
          let page = await list({ ...filter, limit: 5 });
          while (page.rows.length > 0) {
            down.push(...page.rows.map((r) => r.id));
            page = await list({ ...filter, limit: 5, after: page.endCursor, withTotal: false });
          }
          expect(down, `${sort} ${direction} ${voided} down`).toEqual(ids);

          // Up the list from the last page, five at a time from each page's start.
          const up: string[] = [];
          page = await list({ ...filter, limit: 5, fromEnd: true });
          while (page.rows.length > 0) {
            up.unshift(...page.rows.map((r) => r.id));
            page = await list({ ...filter, limit: 5, before: page.startCursor, withTotal: false });
          }
          expect(up, `${sort} ${direction} ${voided} up`).toEqual(ids);

          // A jump by offset lands on the same rows, counted from either end.
          for (const offset of [0, 4, 7, 12, ids.length - 3]) {
            const jump = await list({ ...filter, limit: 4, offset });
            expect(jump.rows.map((r) => r.id)).toEqual(ids.slice(offset, offset + 4));
            const fromEnd = await list({ ...filter, limit: 4, offset, fromEnd: true });
            const end = ids.length - offset;
            expect(fromEnd.rows.map((r) => r.id)).toEqual(ids.slice(Math.max(0, end - 4), end));
          }
        }
      }
    }

    // The orders themselves: names Swedish, empty personnummer last either way.
    const byName = (await list({ sort: 'clientName', direction: 'asc' })).rows.map(
      (r) => r.clientName,
    );
    expect(byName).toEqual([...byName].sort(collator.compare));
    for (const direction of ['asc', 'desc']) {
      const byNumber = (await list({ sort: 'personnummer', direction })).rows.map(
        (r) => r.personnummer,
      );
      const firstEmpty = byNumber.indexOf(null);
      expect(firstEmpty).toBeGreaterThan(0);
      expect(byNumber.slice(firstEmpty).every((n) => n === null)).toBe(true);
    }
  });

  it('refuses a cursor that is not one main made, or made for another sort', async () => {
    await create('Anna Ek');
    const first = await list({ sort: 'clientName', direction: 'asc', limit: 1 });
    expect(await app.call('decisions.list', { limit: 5, after: 'nonsens' } as never)).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION' },
      },
    );
    expect(
      await app.call('decisions.list', {
        limit: 5,
        sort: 'createdAt',
        after: first.endCursor,
      } as never),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('lists users, cash custodians and USB receipts by name the Swedish way', async () => {
    const people = ['Örjan Ek', 'Zoran Ek', 'Åsa Ek', 'Ärla Ek', 'Anna Ek'];
    for (const [i, fullName] of people.entries()) {
      await app.ok('users.create', {
        ...FINANCIAL_AID_MANAGER,
        fullName,
        initials: `X${String.fromCharCode(65 + i)}`,
        username: `person${i}`,
      });
    }
    const users = (await app.ok('users.list')) as { fullName: string }[];
    expect(users.map((u) => u.fullName)).toEqual([
      'Anna Ek',
      'Maja Enhetschef',
      'Zoran Ek',
      'Åsa Ek',
      'Ärla Ek',
      'Örjan Ek',
    ]);

    for (const [i, receiverName] of people.entries()) {
      await app.ok('usbReceipts.issue', {
        stickNumber: `USB ${[10, 2, 3, 1, 20][i]}`,
        issuedOn: '2026-11-22',
        receiverName,
        receiverSignature: 'XX',
        workplace: 'Tensta',
        outageId: null,
      });
    }
    const receipts = (await app.ok('usbReceipts.list', { outageId: null, onlyOut: false })) as {
      stickNumber: string;
    }[];
    expect(receipts.map((r) => r.stickNumber)).toEqual([
      'USB 1',
      'USB 2',
      'USB 3',
      'USB 10',
      'USB 20',
    ]);

    await app.ok('session.signOut');
    await app.ok('session.signIn', {
      username: 'person0',
      password: FINANCIAL_AID_MANAGER.password,
    });
    for (const name of people) {
      await app.ok('custodians.create', {
        name,
        unitName: 'Enhet Test',
        phone: '08-508 000 00',
        email: 'kassa@kommun.se',
      });
    }
    const custodians = (await app.ok('custodians.list')) as { name: string }[];
    expect(custodians.map((c) => c.name)).toEqual([
      'Anna Ek',
      'Zoran Ek',
      'Åsa Ek',
      'Ärla Ek',
      'Örjan Ek',
    ]);
  });
});
