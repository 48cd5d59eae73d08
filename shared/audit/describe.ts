import { custodianColumns } from '../custodians';
import { formatPersonnummer } from '../domain/personnummer';
import { formatAmount } from '../money';
import { outageKindLabels, outageLevelLabels } from '../outages';
import { registers, type RegisterDefinition } from '../registers';
import { recordChanges, type ComparableRecord } from '../registers/changes';
import { formatFieldValue } from '../registers/format';
import type { HeadingWords } from '../registers/headings';
import { registerKeys, type RegisterKey } from '../registers/keys';
import { roleLabels, type Role } from '../roles';
import { formatDateTime, waitText } from '../time';
import { usbReceiptColumns } from '../usbReceipts';
import {
  auditKindLabel,
  isOtherAction,
  otherActionLabels,
  parseRecordAction,
  recordActionLabel,
  type AuditKind,
} from './actions';
import type { AuditFilter, DescribedAuditEntry } from './entry';

/** An audit entry as main stores it: the snapshots parsed, nothing formatted yet. */
export interface StoredAuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** What describing needs besides the entry: names for ids, and the unit's own words. */
export interface DescribeContext {
  /** User id → full name. */
  people: ReadonlyMap<string, string>;
  /** Outage id → "Avbrott 2026-11-20 08:00". */
  outages: ReadonlyMap<string, string>;
  words: HeadingWords;
  /**
   * The client of a record as it is now ("register:id" → name and personnummer), for
   * entries whose snapshot names none (a payout over the limit).
   */
  clients?: ReadonlyMap<string, { clientName: string; personnummer: string | null }>;
}

/** "Beslut makulerat", "Inloggning": an action in Swedish, whichever it is. */
export function auditActionLabel(action: string): string {
  const record = parseRecordAction(action);
  if (record) return recordActionLabel(registers[record.register], record.verb);
  if (isOtherAction(action)) return otherActionLabels[action];
  // Only an entry written by a version this one does not know of.
  return `Okänd händelse (${action})`;
}

export { auditKindLabel, type AuditKind };

type Snapshot = Record<string, unknown>;
type RecordSnapshot = ComparableRecord & Snapshot & { id?: string };

const asObject = (value: unknown): Snapshot | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : null;

const isRecordSnapshot = (value: Snapshot | null): value is RecordSnapshot =>
  value !== null && typeof value.clientName === 'string' && asObject(value.values) !== null;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const registerOf = (key: string): RegisterDefinition | null =>
  (registerKeys as readonly string[]).includes(key) ? registers[key as RegisterKey] : null;

/** Everything a person reads about one entry: who, what, which record and client, what changed. */
export function describeAuditEntry(
  entry: StoredAuditEntry,
  context: DescribeContext,
): DescribedAuditEntry {
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const definition = registerOf(entry.entity);
  const described = definition
    ? describeRecordEntry(entry, definition, before, after, context)
    : describeOtherEntry(entry, before, after, context);
  return {
    id: entry.id,
    at: entry.at,
    when: formatDateTime(entry.at),
    actor: entry.actorName ?? 'Okänd (inte inloggad)',
    action: entry.action,
    event: auditActionLabel(entry.action),
    ...described,
  };
}

type Described = Pick<DescribedAuditEntry, 'subject' | 'client' | 'changes' | 'note'>;

const emptyRecord: ComparableRecord = {
  clientName: '',
  personnummer: null,
  reserveIdentity: false,
  transcribedFromPaper: false,
  paperReference: null,
  values: {},
};

function clientText(client: { clientName: string; personnummer: string | null }): string {
  const identity = client.personnummer
    ? formatPersonnummer(client.personnummer)
    : 'reservidentitet';
  return `${client.clientName} (${identity})`;
}

/** "Beslut ST000123 · 2026-11-20": the register's word, the paper's reference and its date. */
export function recordSubject(definition: RegisterDefinition, record: RecordSnapshot | null) {
  const noun = capitalized(definition.singular);
  if (!record) return noun;
  const dateField = definition.fields.find((f) => f.key === definition.dateField);
  const date = dateField ? formatFieldValue(dateField, record.values[dateField.key]) : '';
  const reference = record.paperReference || 'utan referens';
  return [`${noun} ${reference}`, date].filter(Boolean).join(' · ');
}

function describeRecordEntry(
  entry: StoredAuditEntry,
  definition: RegisterDefinition,
  before: Snapshot | null,
  after: Snapshot | null,
  context: DescribeContext,
): Described {
  const b = isRecordSnapshot(before) ? before : null;
  const a = isRecordSnapshot(after) ? after : null;
  const record = a ?? b;
  const now = entry.entityId ? context.clients?.get(`${definition.key}:${entry.entityId}`) : null;
  const client = record ? clientText(record) : now ? clientText(now) : null;
  const words = context.words;
  const base = { subject: recordSubject(definition, record), client };
  const verb = parseRecordAction(entry.action)?.verb;
  if (entry.action === 'transfer.update' && a && b) {
    return { ...base, changes: toChanges(recordChanges(definition, b, a, { words })), note: null };
  }
  if (entry.action === 'transfer.conflict' && a && b) {
    // `after` is the record as it stands; `before` the laptop's version set aside.
    return {
      ...base,
      changes: toChanges(recordChanges(definition, a, b, { words })),
      note: 'Ändringen från den bärbara datorn lästes inte in: ändringen här var senare.',
    };
  }
  if (entry.action === 'payouts.overLimit' && after) {
    const { newTotalOre, limitOre, reason } = after as {
      newTotalOre?: number;
      limitOre?: number;
      reason?: string;
    };
    const total = typeof newTotalOre === 'number' ? formatAmount(newTotalOre) : '–';
    const limit = typeof limitOre === 'number' ? formatAmount(limitOre) : '–';
    return {
      ...base,
      changes: [],
      note: `Totalen blev ${total} (gräns ${limit}). Skäl: ${reason ?? '–'}`,
    };
  }
  switch (verb) {
    case 'create': {
      if (!a) break;
      const changes = recordChanges(definition, emptyRecord, a, { words });
      return {
        ...base,
        changes: changes.map((c) => ({ label: c.label, before: null, after: c.after })),
        note: a.transcribedFromPaper ? 'Efterregistrerad från pappersblankett.' : null,
      };
    }
    case 'update': {
      if (!a || !b) break;
      const changes = toChanges(recordChanges(definition, b, a, { words }));
      const note =
        b.enteredOn && !a.enteredOn
          ? 'Ändrad efter att den förts in – ska föras in igen.'
          : changes.length === 0
            ? 'Sparad utan ändrade uppgifter.'
            : null;
      return { ...base, changes, note };
    }
    case 'void':
      return { ...base, changes: [], note: `Skäl: ${String(after?.voidReason ?? '–')}` };
    case 'markEntered':
      return {
        ...base,
        changes: [],
        note: `Införd ${String(after?.enteredOn ?? '–')} (${String(after?.enteredByInitials ?? '')})`,
      };
    case 'unmarkEntered':
      return { ...base, changes: [], note: `Skäl: ${String(after?.reason ?? '–')}` };
    default:
      break;
  }
  return { ...base, changes: genericChanges(before, after, context), note: null };
}

const toChanges = (changes: { label: string; before: string; after: string }[]) =>
  changes.map((c) => ({ label: c.label, before: c.before, after: c.after }));

// --- Everything but register records ------------------------------------------------

/** Ids, timestamps and values derived from others say nothing a person needs here. */
const hiddenKeys = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'durationMinutes',
  'needsAnalysis',
  'status',
  'deviceId',
  'originId',
  'waitSeconds',
  // A transfer import's record of a laptop's audit chain (what the file left behind there):
  // for the chain's check, not for reading.
  'auditChains',
  // A reference's record is named by the entry's register and reference, not its id.
  'recordId',
  'usedRecordId',
  // Derived from the stick's number, shown beside it.
  'stickKey',
  'outlastsOutage',
  'duplicateOut',
  // Files and their rows are named by the laptop and the file's time, not their ids.
  'fileId',
  'setupFileId',
  'fromId',
  'toId',
  'serial',
  'uid',
]);

/**
 * An id beside a name for the same person ("issuedById" and "issuedByName") says nothing
 * more: the name is shown, the id left out.
 */
const shadowedByName = (key: string, snapshot: Snapshot): boolean =>
  key.endsWith('Id') && `${key.slice(0, -2)}Name` in snapshot;

const shownKeys = (snapshot: Snapshot): string[] =>
  Object.keys(snapshot).filter((k) => !hiddenKeys.has(k) && !shadowedByName(k, snapshot));

/** Labels of the fields of what is not a register record; the lists' own where they have them. */
const fieldLabels: Record<string, string> = {
  ...Object.fromEntries(custodianColumns.map((c) => [c.key, c.label])),
  ...Object.fromEntries(usbReceiptColumns.map((c) => [c.key, c.label])),
  fullName: 'Namn',
  initials: 'Signatur',
  username: 'Användarnamn',
  role: 'Roll',
  active: 'Status',
  name: 'Namn',
  department: 'Förvaltning',
  autoLockMinutes: 'Automatisk låsning (minuter)',
  patchWednesday: 'Patchonsdag',
  cardProvider: 'Kortleverantör',
  referencePrefix: 'Referensprefix',
  payoutWarningOre: 'Varningsnivå',
  payoutStrongWarningOre: 'Stark varningsnivå',
  payoutLimitOre: 'Gräns',
  paperReference: 'Referens',
  reference: 'Referens',
  level: 'Nivå',
  affectedSystems: 'Berörda system',
  startsAt: 'Start',
  endsAt: 'Slut',
  note: 'Anteckning',
  endNote: 'Anteckning vid avslut',
  endedByName: 'Avslutat av',
  createdById: 'Registrerad av',
  createdByName: 'Registrerad av',
  kind: 'Typ',
  analysisDoneOn: 'Analys gjord',
  analysisByName: 'Analys registrerad av',
  stickNumber: 'USB-minnets nummer',
  receiverName: 'Mottagare',
  receiverUserId: 'Mottagare (användare)',
  outlastsOutage: 'Kvar efter avbrottet',
  removedAt: 'Borttagen',
  removedByName: 'Borttagen av',
  balanceOre: 'Saldo på kortkontot',
  periodFrom: 'Perioden från',
  receiverSignature: 'Mottagarens signatur',
  issuedByName: 'Utlämnat av',
  returnedOn: 'Återlämnat',
  returnedSignature: 'Signatur vid återlämning',
  returnedByName: 'Återlämnat till',
  outageId: 'Avbrott',
  certified: 'Intygat',
  removedById: 'Borttagen av',
  issuedById: 'Utlämnat av',
  endedById: 'Avslutat av',
  analysisById: 'Analys registrerad av',
  // Paper references (printed blank forms).
  printedAt: 'Utskriven',
  printedByName: 'Utskriven av',
  printedById: 'Utskriven av',
  usedRegister: 'Använd i register',
  usedAt: 'Använd',
  writtenOffAt: 'Avskriven',
  writtenOffByName: 'Avskriven av',
  writtenOffById: 'Avskriven av',
  writeOffReason: 'Skäl för avskrivning',
  // Setup and transfer files.
  laptopName: 'Bärbar dator',
  firstReference: 'Första referens',
  lastReference: 'Sista referens',
  madeAt: 'Skapad',
  madeByName: 'Skapad av',
  madeOnDeviceName: 'Skapad på dator',
  device: 'Dator',
  scope: 'Omfattning',
  tables: 'Inläst per register och lista',
  mappedOutages: 'Avbrott kopplade till enhetens',
  warnings: 'Att se över',
  from: 'Från',
  code: 'Felkod',
  message: 'Meddelande',
  label: 'Benämning',
  isThis: 'Den här datorn',
  serialFirst: 'Första löpnummer',
  serialLast: 'Sista löpnummer',
  localRoutinesJson: 'Lokala rutiner',
  reconciledOn: 'Avstämd',
  financeContact: 'Kontaktperson på ekonomienheten',
  totalOre: 'Totalt utbetalt',
  refillOre: 'Påfyllning',
  payoutCount: 'Antal utbetalningar',
  register: 'Register',
  recordId: 'Post',
  reason: 'Skäl',
  writtenOff: 'Avskriven',
  to: 'Till',
  path: 'Sparad som',
  pages: 'Sidor',
  references: 'Referenser',
  first: 'Första',
  last: 'Sista',
  rows: 'Rader',
  count: 'Antal',
  filter: 'Urval',
  sheets: 'Blad',
  registers: 'Register',
  usbReceipts: 'USB-kvitton',
  key: 'Mall',
  deviceName: 'Dator',
  checklist: 'Checklista',
  contacts: 'Kontakter',
  // The check of the audit chain.
  entries: 'Kontrollerade händelser',
  chains: 'Kedjor',
  problems: 'Fel funna',
  whole: 'Hel',
};

export const auditFieldLabel = (key: string): string => fieldLabels[key] ?? key;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value as a person reads it: kronor, office time, names, Swedish words. */
export function formatAuditValue(key: string, value: unknown, context: DescribeContext): string {
  if (value === null || value === undefined || value === '') return '–';
  if (key === 'active' && typeof value === 'boolean') return value ? 'Aktiv' : 'Inaktiverad';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (key === 'role' && typeof value === 'string' && value in roleLabels) {
    return roleLabels[value as Role];
  }
  if (key === 'level' && typeof value === 'string' && value in outageLevelLabels) {
    return outageLevelLabels[value as keyof typeof outageLevelLabels];
  }
  if (key === 'kind' && typeof value === 'string' && value in outageKindLabels) {
    return outageKindLabels[value as keyof typeof outageKindLabels];
  }
  if (key === 'to' && (value === 'printer' || value === 'file')) {
    return value === 'printer' ? 'Skrivare' : 'PDF-fil';
  }
  if ((key === 'register' || key === 'usedRegister') && typeof value === 'string') {
    return registerOf(value)?.title ?? value;
  }
  if (key === 'tables' && Array.isArray(value)) return mergeCountsText(value);
  if ((key === 'mappedOutages' || key === 'scope') && labelled(value)) {
    return (Array.isArray(value) ? value : [value]).map((item) => item.label).join(', ') || '–';
  }
  if (key === 'registers' && asObject(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([register, rows]) => `${registerOf(register)?.title ?? register} (${String(rows)})`)
      .join(', ');
  }
  if (key === 'sheets' && Array.isArray(value)) {
    // An export's sheets: "Beslut (6), Journalanteckningar (3)".
    return (value as { name: string; rows: number }[])
      .map((sheet) => `${sheet.name} (${sheet.rows})`)
      .join(', ');
  }
  if (key === 'filter' && asObject(value)) return filterText(value as Snapshot, context);
  if (typeof value === 'number' && /Ore$/.test(key)) return formatAmount(value);
  if (typeof value === 'string' && /Id$/.test(key)) {
    return context.people.get(value) ?? context.outages.get(value) ?? value;
  }
  if (typeof value === 'string' && instantPattern.test(value)) return formatDateTime(value);
  if (Array.isArray(value)) {
    return value.map((item) => formatAuditValue('', item, context)).join(', ') || '–';
  }
  const object = asObject(value);
  if (object) {
    return (
      shownKeys(object)
        .filter((k) => object[k] !== null && object[k] !== '' && object[k] !== undefined)
        .map((k) => `${auditFieldLabel(k)}: ${formatAuditValue(k, object[k], context)}`)
        .join(', ') || '–'
    );
  }
  return String(value);
}

/** Items that carry their own words ("label"): mapped outages, a transfer's scope. */
const labelled = (value: unknown): value is { label: string } | { label: string }[] =>
  (Array.isArray(value) ? value : [value]).every(
    (item) => asObject(item) !== null && typeof (item as Snapshot).label === 'string',
  );

/** A transfer import's counts per table: "Beslut: 3 nya, 1 uppdaterad, 2 redan här". */
function mergeCountsText(tables: unknown[]): string {
  const parts = tables.map((item) => {
    const t = (asObject(item) ?? {}) as Record<string, unknown>;
    const n = (key: string) => (typeof t[key] === 'number' ? (t[key] as number) : 0);
    const counts = [
      n('added') > 0 ? `${n('added')} ${n('added') === 1 ? 'ny' : 'nya'}` : '',
      n('updated') > 0
        ? `${n('updated')} ${n('updated') === 1 ? 'uppdaterad' : 'uppdaterade'}`
        : '',
      n('conflicts') > 0
        ? `${n('conflicts')} ${n('conflicts') === 1 ? 'konflikt' : 'konflikter'}`
        : '',
      n('skipped') > 0 ? `${n('skipped')} redan här` : '',
    ].filter(Boolean);
    return `${String(t.label ?? t.table ?? '')}: ${counts.join(', ') || 'inget'}`;
  });
  return parts.join('; ') || '–';
}

/** An export's or print's selection: "Avbrott …, Person …, 2026-03-01 – 2026-03-31". */
function filterText(filter: Snapshot, context: DescribeContext): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const person = text(filter.createdById) || text(filter.actorId);
  const parts = [
    filter.outageId ? (context.outages.get(text(filter.outageId)) ?? 'ett avbrott') : '',
    person ? `person ${context.people.get(person) ?? person}` : '',
    filter.kind ? `händelse ”${auditKindLabel(filter.kind as AuditKind)}”` : '',
    filter.register ? `register ${registerOf(text(filter.register))?.title ?? ''}` : '',
    filter.client ? `klient ”${text(filter.client)}”` : '',
    filter.from || filter.to ? `${text(filter.from) || '…'} – ${text(filter.to) || '…'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'alla';
}

/** The audit log's own filter in words, for the PDF's and the workbook's subtitle. */
export const auditFilterText = (filter: AuditFilter, context: DescribeContext): string =>
  filterText(filter as unknown as Snapshot, context);

/** Fields that differ (all of them when there is no before), labelled and formatted. */
function genericChanges(
  before: Snapshot | null,
  after: Snapshot | null,
  context: DescribeContext,
): DescribedAuditEntry['changes'] {
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...shownKeys(b), ...shownKeys(a)])];
  return keys
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .filter((key) => before !== null || (a[key] !== null && a[key] !== '' && a[key] !== undefined))
    .map((key) => ({
      label: auditFieldLabel(key),
      before: before === null ? null : formatAuditValue(key, b[key], context),
      after: formatAuditValue(key, a[key], context),
    }));
}

function describeOtherEntry(
  entry: StoredAuditEntry,
  before: Snapshot | null,
  after: Snapshot | null,
  context: DescribeContext,
): Described {
  const snapshot = after ?? before ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const id = entry.entityId ?? '';
  const wait = typeof after?.waitSeconds === 'number' ? after.waitSeconds : null;
  const none = { client: null, changes: [] as DescribedAuditEntry['changes'] };
  if (wait !== null) {
    return {
      ...none,
      subject: '',
      note: wait > 0 ? `Nästa försök spärrat i ${waitText(wait)}.` : null,
    };
  }
  switch (entry.action) {
    case 'session.inactivityLock':
      return {
        ...none,
        subject: '',
        note: `Ingen aktivitet på ${String(after?.minutes ?? '–')} minuter.`,
      };
    case 'access.denied':
      return {
        ...none,
        subject: '',
        note: `Försökte: ${channelWords(text(after?.action) || id)}`,
      };
    default:
      break;
  }
  const subject = (() => {
    switch (entry.entity) {
      case 'user':
        return `Användare ${text(snapshot.fullName) || context.people.get(id) || ''}`.trim();
      case 'outage':
        return (
          context.outages.get(id) ??
          (text(snapshot.startsAt)
            ? `Avbrott ${formatDateTime(text(snapshot.startsAt))}`
            : 'Avbrott')
        );
      case 'custodian':
        return `Kassaförvaltare ${text(snapshot.name)}`.trim();
      case 'usbReceipt':
        return `USB-minne ${text(snapshot.stickNumber)}`.trim();
      case 'reconciliation':
        return `Avstämning ${text(snapshot.reconciledOn)}`.trim();
      case 'reference':
        return `Referens ${id}`;
      case 'unit':
        return 'Enheten';
      case 'device':
        return `Dator ${text(snapshot.name)}`.trim();
      case 'print': {
        const register = registerOf(id);
        if (register) return `Förteckning ${register.title}`;
        return context.outages.get(id) ?? '';
      }
      default:
        return '';
    }
  })();
  return { ...none, subject, changes: genericChanges(before, after, context), note: null };
}

/** What a refused channel is about, for "Försökte: Användare (users.create)". */
const channelAreas: Record<string, string> = {
  unit: 'Enhetens inställningar',
  users: 'Användare',
  audit: 'Händelselogg',
  outages: 'Avbrott',
  cashCard: 'Kontantkort och avstämning',
  custodians: 'Kassaförvaltare',
  usbReceipts: 'USB-minnen',
  references: 'Blankettreferenser',
  localRoutines: 'Lokala rutiner',
  print: 'Utskrift',
  export: 'Export till Excel',
  transfer: 'Överföringsfil',
  setupFile: 'Installationsfil',
};

/** A channel refused: the action's words where the log knows it, else its area and name. */
function channelWords(channel: string): string {
  if (parseRecordAction(channel) || isOtherAction(channel)) return auditActionLabel(channel);
  const area = channel.split('.')[0] ?? '';
  const words = registerOf(area)?.title ?? channelAreas[area];
  return words ? `${words} (${channel})` : channel;
}

/**
 * An entry's changes and note as lines of text ("Belopp: 1 200 kr → 1 500 kr"), for the
 * PDF and the workbook, where a cell holds text.
 */
export function changeLines(entry: Pick<DescribedAuditEntry, 'changes' | 'note'>): string[] {
  return [
    ...entry.changes.map((change) =>
      change.before === null
        ? `${change.label}: ${change.after}`
        : `${change.label}: ${change.before} → ${change.after}`,
    ),
    ...(entry.note ? [entry.note] : []),
  ];
}

/** The record and the client in one cell: "Beslut ST000123 · 2026-11-20\nAnna (…)". */
export const subjectLines = (entry: Pick<DescribedAuditEntry, 'subject' | 'client'>): string[] =>
  [entry.subject, entry.client ?? ''].filter(Boolean);

/** The title of the Händelselogg's PDF and workbook. */
export const AUDIT_LOG_TITLE = 'Händelselogg';
