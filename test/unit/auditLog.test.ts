import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  actionsOfKind,
  auditActions,
  auditKindLabel,
  auditKinds,
  recordVerbs,
} from '../../shared/audit/actions';
import {
  auditActionLabel,
  changeLines,
  describeAuditEntry,
  type DescribeContext,
  type StoredAuditEntry,
} from '../../shared/audit/describe';
import { auditFilter } from '../../shared/audit/entry';
import { registerKeys } from '../../shared/registers/keys';
import { mergedTables } from '../../main/app/transfer/tables';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every action main writes, read from its sources: a quoted "thing.verb" on a line that
 * names an action (`action: 'user.create'`, `failed: 'session.signInFailed'`, an action
 * handed to a helper), and the register verbs of `${definition.key}.verb`.
 */
function actionsWrittenByMain(): { literal: string[]; registerVerbs: string[] } {
  const literal = new Set<string>();
  const registerVerbs = new Set<string>();
  const actionLine = /action|failed:|throttled:|audit\(|changeUser\(|changeOutage\(|\? '/i;
  for (const file of sources(join(root, 'main/app'))) {
    const text = readFileSync(file, 'utf8');
    for (const line of text.split('\n')) {
      if (!actionLine.test(line) || line.trim().startsWith('*') || line.trim().startsWith('//')) {
        continue;
      }
      for (const [, action] of line.matchAll(/'([a-z][A-Za-z]*\.[a-z][A-Za-z]*)'/g)) {
        literal.add(action!);
      }
      for (const [, verb] of line.matchAll(/`\$\{definition\.key\}\.([a-zA-Z]+)`/g)) {
        registerVerbs.add(verb!);
      }
    }
  }
  return { literal: [...literal].sort(), registerVerbs: [...registerVerbs].sort() };
}

const context: DescribeContext = {
  people: new Map([
    ['7b1c4a5e-0000-4000-8000-000000000001', 'Maja Enhetschef'],
    ['7b1c4a5e-0000-4000-8000-000000000002', 'Kalle Handläggare'],
  ]),
  outages: new Map([['o1', 'Avbrott nivå II, 2026-11-20 08:00 – 2026-11-20 16:00']]),
  words: { cardProvider: 'ICA' },
};

const payout = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'p1',
  clientName: 'Åsa Öberg',
  personnummer: '194001019800',
  reserveIdentity: false,
  transcribedFromPaper: false,
  paperReference: 'ST000123',
  values: {
    payoutDate: '2026-11-20',
    verificationNumber: 'V1',
    purpose: 'Mat',
    amount: 120000,
    ...values,
  },
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...extra,
});

const entry = (fields: Partial<StoredAuditEntry>): StoredAuditEntry => ({
  id: 1,
  at: '2026-11-20T23:30:00.000Z',
  actorName: 'Maja Enhetschef',
  action: 'payouts.update',
  entity: 'payouts',
  entityId: 'p1',
  before: null,
  after: null,
  ...fields,
});

describe('the audit actions in Swedish', () => {
  it('has Swedish words for every action main writes', () => {
    const { literal, registerVerbs } = actionsWrittenByMain();
    // The scan finds the actions (it would pass vacuously if it found none).
    expect(literal).toContain('session.signInFailed');
    expect(literal).toContain('user.update');
    expect(literal).toContain('outage.end');
    expect(registerVerbs).toContain('create');
    const known = new Set<string>(auditActions);
    expect(literal.filter((action) => !known.has(action))).toEqual([]);
    expect(
      registerVerbs.filter((verb) => !(recordVerbs as readonly string[]).includes(verb)),
    ).toEqual([]);
  });

  it('labels every action with Swedish words, never the code', () => {
    for (const action of auditActions) {
      const label = auditActionLabel(action);
      expect(label, action).not.toContain(action);
      expect(label, action).not.toMatch(/^Okänd/);
      expect(label.charAt(0), action).toBe(label.charAt(0).toUpperCase());
    }
    expect(auditActionLabel('decisions.void')).toBe('Beslut makulerat');
    expect(auditActionLabel('orders.void')).toBe('Beställning makulerad');
    expect(auditActionLabel('journalNotes.create')).toBe('Journalanteckning registrerad');
    expect(auditActionLabel('payouts.markEntered')).toBe('Utbetalning markerad som införd');
    expect(auditActionLabel('session.inactivityLock')).toBe(
      'Automatiskt utloggad efter inaktivitet',
    );
    expect(auditActionLabel('something.new')).toBe('Okänd händelse (something.new)');
  });

  it('names every kind of event and the actions it stands for', () => {
    for (const kind of auditKinds) expect(auditKindLabel(kind)).not.toBe('');
    expect(actionsOfKind('record.void', 'orders')).toEqual(['orders.void']);
    expect(actionsOfKind('record.void', null)).toHaveLength(5);
    expect(actionsOfKind('lockouts', null)).toContain('session.inactivityLock');
    expect(actionsOfKind('user.update', null)).toEqual(['user.update']);
  });
});

describe('an audit entry described', () => {
  it('shows a register edit field by field with the register labels, kronor and office time', () => {
    const described = describeAuditEntry(
      entry({
        before: payout({}),
        after: payout({ amount: 150050, purpose: 'Mat och hygien' }),
      }),
      context,
    );
    expect(described).toMatchObject({
      when: '2026-11-21 00:30',
      actor: 'Maja Enhetschef',
      event: 'Utbetalning ändrad',
      subject: 'Utbetalning ST000123 · 2026-11-20',
      client: 'Åsa Öberg (19400101-9800)',
      note: null,
    });
    expect(described.changes).toEqual([
      { label: 'Ändamål', before: 'Mat', after: 'Mat och hygien' },
      { label: 'Belopp till klient', before: '1\u00a0200\u00a0kr', after: '1\u00a0500,50\u00a0kr' },
    ]);
    expect(changeLines(described)).toEqual([
      'Ändamål: Mat → Mat och hygien',
      'Belopp till klient: 1\u00a0200\u00a0kr → 1\u00a0500,50\u00a0kr',
    ]);
    expect(JSON.stringify(described)).not.toContain('[object Object]');
  });

  it('lists what a new record holds, and a void with its reason', () => {
    const created = describeAuditEntry(
      entry({ action: 'payouts.create', after: payout({}, { transcribedFromPaper: true }) }),
      context,
    );
    expect(created.changes).toContainEqual({
      label: 'Klientens namn',
      before: null,
      after: 'Åsa Öberg',
    });
    expect(created.changes).toContainEqual({
      label: 'Belopp till klient',
      before: null,
      after: '1\u00a0200\u00a0kr',
    });
    expect(created.note).toBe('Efterregistrerad från pappersblankett.');
    const voided = describeAuditEntry(
      entry({
        action: 'payouts.void',
        before: payout({}),
        after: payout({}, { voidReason: 'Fel klient' }),
      }),
      context,
    );
    expect(voided).toMatchObject({
      event: 'Utbetalning makulerad',
      note: 'Skäl: Fel klient',
      changes: [],
    });
  });

  it('finds the client of an entry without one in its snapshot (a payout over the limit)', () => {
    const over = describeAuditEntry(
      entry({
        action: 'payouts.overLimit',
        after: { newTotalOre: 800000, limitOre: 750000, reason: 'Akut' },
      }),
      {
        ...context,
        clients: new Map([['payouts:p1', { clientName: 'Bo Ek', personnummer: null }]]),
      },
    );
    expect(over).toMatchObject({
      client: 'Bo Ek (reservidentitet)',
      note: 'Totalen blev 8\u00a0000\u00a0kr (gräns 7\u00a0500\u00a0kr). Skäl: Akut',
    });
  });

  it('shows other changes with names for ids, Swedish values, and no unchanged fields', () => {
    const user = describeAuditEntry(
      entry({
        action: 'user.update',
        entity: 'user',
        entityId: '7b1c4a5e-0000-4000-8000-000000000002',
        before: {
          id: 'x',
          fullName: 'Kalle Handläggare',
          initials: 'KH',
          role: 'caseWorker',
          updatedAt: '2026-11-19T10:00:00.000Z',
        },
        after: {
          id: 'x',
          fullName: 'Kalle Handläggare',
          initials: 'KH',
          role: 'unitManager',
          updatedAt: '2026-11-20T10:00:00.000Z',
        },
      }),
      context,
    );
    expect(user).toMatchObject({ subject: 'Användare Kalle Handläggare', client: null });
    expect(user.changes).toEqual([{ label: 'Roll', before: 'Handläggare', after: 'Enhetschef' }]);

    const exported = describeAuditEntry(
      entry({
        action: 'export.registerWorkbook',
        entity: 'export',
        entityId: null,
        after: {
          filter: {
            outageId: 'o1',
            createdById: '7b1c4a5e-0000-4000-8000-000000000002',
            from: null,
            to: null,
          },
          sheets: [{ name: 'Beslut', rows: 6 }],
          rows: 6,
          path: '/media/usb/Registerutdrag.xlsx',
        },
      }),
      context,
    );
    expect(changeLines(exported)).toEqual([
      'Urval: Avbrott nivå II, 2026-11-20 08:00 – 2026-11-20 16:00, person Kalle Handläggare',
      'Blad: Beslut (6)',
      'Rader: 6',
      'Sparad som: /media/usb/Registerutdrag.xlsx',
    ]);
  });

  it('says how long a failed attempt locks out, and an inactivity lock after how long', () => {
    expect(
      describeAuditEntry(
        entry({
          action: 'session.signInFailed',
          entity: 'session',
          entityId: null,
          actorName: null,
          after: { waitSeconds: 8 },
        }),
        context,
      ),
    ).toMatchObject({
      actor: 'Okänd (inte inloggad)',
      event: 'Misslyckad inloggning',
      note: 'Nästa försök spärrat i 8 sekunder.',
      changes: [],
    });
    expect(
      describeAuditEntry(
        entry({ action: 'session.inactivityLock', entity: 'session', after: { minutes: 15 } }),
        context,
      ),
    ).toMatchObject({
      event: 'Automatiskt utloggad efter inaktivitet',
      note: 'Ingen aktivitet på 15 minuter.',
    });
  });
});

describe('a refused action', () => {
  it('says what the person tried, in words', () => {
    const refused = (channel: string) =>
      describeAuditEntry(
        entry({ action: 'access.denied', entity: 'channel', entityId: channel }),
        context,
      ).note;
    expect(refused('users.create')).toBe('Försökte: Användare (users.create)');
    expect(refused('print.register')).toBe('Försökte: Förteckning utskriven eller sparad som PDF');
    expect(refused('payouts.void')).toBe('Försökte: Utbetalning makulerad');
    expect(refused('audit.list')).toBe('Försökte: Händelselogg (audit.list)');
  });
});

describe('the Händelselogg filter', () => {
  it('takes nothing as everything, and refuses dates the wrong way round in Swedish', () => {
    expect(auditFilter.parse({})).toEqual({
      actorId: null,
      kind: null,
      register: null,
      from: null,
      to: null,
      client: '',
    });
    const wrong = auditFilter.safeParse({ from: '2026-11-20', to: '2026-11-19' });
    expect(wrong.error?.issues[0]?.message).toBe('Slutdatumet kan inte vara före startdatumet.');
    expect(auditFilter.safeParse({ kind: 'decisions.void' }).error?.issues[0]?.message).toBe(
      'Välj en händelse i listan.',
    );
  });
});

describe('entries of files and of rows read in from a laptop', () => {
  // One of the unit's people: an id main can name (an unknown id is shown as it is).
  const uuid = '7b1c4a5e-0000-4000-8000-000000000001';
  /** A label that is still the code's name ("issuedById", "stick_key"). */
  const codeLike = /^[a-z]+([A-Z_][a-z]*)+$|^[a-z]+$/;
  const labelsOf = (described: ReturnType<typeof describeAuditEntry>) =>
    described.changes.map((c) => c.label);
  const everyValue = (described: ReturnType<typeof describeAuditEntry>) =>
    described.changes.map((c) => `${c.before ?? ''} ${c.after}`).join(' ');

  const sampleValue = (column: string): unknown => {
    if (column.endsWith('_id')) return uuid;
    if (column.endsWith('_at')) return '2026-11-20T10:00:00.000Z';
    if (column.endsWith('_on')) return '2026-11-20';
    if (column.endsWith('_ore') || column.endsWith('_count')) return 12_300;
    return `värde ${column}`;
  };

  it('labels every column of every non-register table a transfer file merges, in Swedish', () => {
    const camel = (column: string) =>
      column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const tables = mergedTables.filter(
      (table) => !(registerKeys as readonly string[]).includes(table.key),
    );
    expect(tables.map((t) => t.key)).toEqual(
      expect.arrayContaining([
        'users',
        'outages',
        'custodians',
        'usbReceipts',
        'printedReferences',
      ]),
    );
    for (const table of tables) {
      const row = Object.fromEntries(
        table.columns
          .filter((column) => column !== 'password_hash')
          .map((column) => [camel(column), sampleValue(column)]),
      );
      const described = describeAuditEntry(
        entry({ action: 'transfer.update', entity: table.auditEntity, entityId: uuid, after: row }),
        context,
      );
      const leaks = labelsOf(described).filter((label) => codeLike.test(label));
      expect({ table: table.key, leaks }).toEqual({ table: table.key, leaks: [] });
      // An id beside its name is left out; no raw id is shown where a name is.
      expect({ table: table.key, shows: everyValue(described).includes(uuid) }).toEqual({
        table: table.key,
        shows: false,
      });
    }
  });

  it('says what a transfer import, a setup file and a stick returned hold, in words', () => {
    const imported = describeAuditEntry(
      entry({
        action: 'transfer.import',
        entity: 'transfer',
        entityId: uuid,
        after: {
          deviceId: uuid,
          deviceName: 'Bärbar 1',
          createdAt: '2026-11-20T10:00:00.000Z',
          createdByName: 'Kalle Handläggare',
          scope: { outageId: 'o1', label: 'Avbrottet 2026-11-20' },
          tables: [
            { table: 'decisions', label: 'Beslut', added: 3, skipped: 2, updated: 1, conflicts: 0 },
          ],
          mappedOutages: [{ fromId: uuid, toId: 'o1', label: 'Avbrott 2026-11-20 08:00' }],
          warnings: ['Gränsen 75 000 kr passerades.'],
        },
      }),
      context,
    );
    expect(changeLines(imported)).toEqual([
      'Dator: Bärbar 1',
      'Registrerad av: Kalle Handläggare',
      'Omfattning: Avbrottet 2026-11-20',
      'Inläst per register och lista: Beslut: 3 nya, 1 uppdaterad, 2 redan här',
      'Avbrott kopplade till enhetens: Avbrott 2026-11-20 08:00',
      'Att se över: Gränsen 75 000 kr passerades.',
    ]);

    const setup = describeAuditEntry(
      entry({
        action: 'setupFile.write',
        entity: 'setupFile',
        entityId: uuid,
        after: { laptopName: 'Bärbar 2', firstReference: 'ST100000', lastReference: 'ST109999' },
      }),
      context,
    );
    expect(changeLines(setup)).toEqual([
      'Bärbar dator: Bärbar 2',
      'Första referens: ST100000',
      'Sista referens: ST109999',
    ]);

    const returned = describeAuditEntry(
      entry({
        action: 'usbReceipts.return',
        entity: 'usbReceipt',
        entityId: uuid,
        before: { stickNumber: 'USB 10', returnedOn: null },
        after: {
          stickNumber: 'USB 10',
          returnedOn: '2026-11-20',
          certified: 'All data på USB är infört och rensat från USB innan återlämning',
        },
      }),
      context,
    );
    expect(labelsOf(returned)).toEqual(['Återlämnat', 'Intygat']);
  });
});
