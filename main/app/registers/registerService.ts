import type { RecordVerb } from '../../../shared/audit/actions';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import { snakeCase, type RegisterDefinition } from '../../../shared/registers';
import { mergeChanges, recordChanges } from '../../../shared/registers/changes';
import { markSkipReason } from '../../../shared/registers/marking';
import type {
  MarkEnteredResult,
  RegisterInput,
  RegisterRecord,
} from '../../../shared/registers/schemas';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { OutageEntity, type OutageRecord } from '../db/entities/outageRecord';
import { localDate } from '../../../shared/time';
import { findActiveOutage } from '../outages/outageService';
import { deadlineFor } from './deadlines';
import { releaseReference, useReference } from '../references/referenceService';
import { rulesFor } from './rules';
import { askOutsidePeriod, refuseFuture, refuseFutureBirth } from './plausibleDates';
import {
  changesOf,
  fieldColumns,
  nameColumns,
  rowToRecord,
  tableOf,
  toSqlValue,
  type Row,
} from './table';

/** Who is changing which register, and when: the same for every operation. */
export interface RegisterCall {
  dataSource: DataSource;
  definition: RegisterDefinition;
  actor: SessionUser;
  now: Date;
}

/**
 * Create, change, void and mark records of any register, driven by its definition. Every
 * change is one transaction with its audit entry; nothing is ever deleted.
 */
export async function createRecord(
  { dataSource, definition, actor, now }: RegisterCall,
  input: RegisterInput,
): Promise<RegisterRecord> {
  return dataSource.transaction(async (manager) => {
    const outage = await resolveOutage(manager, input, now);
    refuseFuture(definition, input.values, now);
    refuseFutureBirth(input.personnummer, now);
    if (!input.confirmOutsidePeriod) askOutsidePeriod(definition, input.values, outage, now);
    const at = now.toISOString();
    const row: Row = {
      id: randomUUID(),
      outage_id: outage.id,
      client_name: input.clientName,
      ...nameColumns(input.clientName),
      personnummer: input.personnummer,
      reserve_identity: toSqlValue('reserve_identity', input.reserveIdentity),
      transcribed_from_paper: toSqlValue('transcribed_from_paper', input.transcribedFromPaper),
      transcribed_by_id: input.transcribedFromPaper ? actor.id : null,
      transcribed_by_name: input.transcribedFromPaper ? actor.fullName : null,
      paper_reference: input.paperReference,
      created_by_id: actor.id,
      created_by_name: actor.fullName,
      created_at: at,
      updated_at: at,
      deadline: deadlineFor(definition, input.values, outage.endsAt),
      ...fieldColumns(definition, input.values),
    };
    await checkBeforeSave(
      manager,
      { dataSource, definition, actor, now },
      String(row.id),
      input.values,
      null,
    );
    await useReference(manager, {
      register: definition.key,
      recordId: String(row.id),
      reference: input.paperReference,
      previous: null,
      actor,
      now,
    });
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO ${tableOf(definition)} (${columns.join(', ')})
       VALUES (${columns.map(() => '?').join(', ')})`,
      Object.values(row),
    );
    const record = rowToRecord(definition, row);
    await recordAudit(manager, {
      actor,
      at: now,
      action: `${definition.key}.create`,
      entity: definition.key,
      entityId: record.id,
      after: record,
    });
    return record;
  });
}

export function updateRecord(
  call: RegisterCall,
  id: string,
  input: RegisterInput,
): Promise<RegisterRecord> {
  const { definition, actor, now } = call;
  return changeRecord(call, id, 'update', async (before, manager) => {
    refuseVoided(before);
    const outageId = input.outageId ?? String(before.outage_id);
    // Correcting a record later is fine; moving it to another outage follows the rules of
    // a new record.
    const outage =
      outageId === before.outage_id
        ? await manager.getRepository(OutageEntity).findOneByOrFail({ id: outageId })
        : await resolveOutage(manager, { ...input, outageId }, now);
    refuseFuture(definition, input.values, now);
    refuseFutureBirth(input.personnummer, now);
    const dateColumn = snakeCase(definition.dateField);
    const redated =
      outage.id !== before.outage_id || input.values[definition.dateField] !== before[dateColumn];
    if (redated && !input.confirmOutsidePeriod) {
      askOutsidePeriod(definition, input.values, outage, now);
    }
    await checkBeforeSave(manager, call, String(before.id), input.values, before);
    await useReference(manager, {
      register: definition.key,
      recordId: String(before.id),
      reference: input.paperReference,
      previous: (before.paper_reference ?? null) as string | null,
      actor,
      now,
    });
    const transcribedNow = input.transcribedFromPaper && before.transcribed_from_paper !== 1;
    const changed = {
      outage_id: outage.id,
      client_name: input.clientName,
      ...nameColumns(input.clientName),
      personnummer: input.personnummer,
      reserve_identity: toSqlValue('reserve_identity', input.reserveIdentity),
      transcribed_from_paper: toSqlValue('transcribed_from_paper', input.transcribedFromPaper),
      ...(transcribedNow
        ? { transcribed_by_id: actor.id, transcribed_by_name: actor.fullName }
        : {}),
      ...(input.transcribedFromPaper ? {} : { transcribed_by_id: null, transcribed_by_name: null }),
      paper_reference: input.paperReference,
      deadline: deadlineFor(definition, input.values, outage.endsAt),
      ...fieldColumns(definition, input.values),
    };
    return { ...changed, ...changedAfterEntry(call, before, changed) };
  });
}

/**
 * A change to a record already entered in the social system must reach it too: the
 * entry mark goes (so the record is back on the later-entry list and "Införd" tells the
 * truth), and the record keeps what changed and the mark it had, until it is entered again.
 * Fields filled in after entry by design (`followUp`) do not count. A record changed back
 * to what was entered gets its mark back.
 */
function changedAfterEntry(
  { definition, actor, now }: RegisterCall,
  before: Row,
  change: Row,
): Row {
  const waiting = Boolean(before.changed_after_entry_at);
  if (!before.entered_on && !waiting) return {};
  const changes = recordChanges(
    definition,
    rowToRecord(definition, before),
    rowToRecord(definition, { ...before, ...change }),
    { withoutFollowUp: true },
  );
  if (changes.length === 0) return {};
  const all = waiting ? mergeChanges(changesOf(before), changes) : changes;
  if (waiting && all.length === 0) {
    return {
      entered_on: before.previous_entered_on ?? null,
      entered_by_id: before.previous_entered_by_id ?? null,
      entered_by_name: before.previous_entered_by_name ?? null,
      entered_by_initials: before.previous_entered_by_initials ?? null,
      ...clearedChangeAfterEntry,
    };
  }
  const previous = (column: string) =>
    (waiting ? before[`previous_${column}`] : before[column]) ?? null;
  return {
    entered_on: null,
    entered_by_id: null,
    entered_by_name: null,
    entered_by_initials: null,
    changed_after_entry_at: now.toISOString(),
    changed_after_entry_by_name: actor.fullName,
    changed_after_entry_fields: JSON.stringify(all),
    previous_entered_on: previous('entered_on'),
    previous_entered_by_initials: previous('entered_by_initials'),
    previous_entered_by_id: previous('entered_by_id'),
    previous_entered_by_name: previous('entered_by_name'),
  };
}

/** Like a line crossed out on paper: still there, struck through, with the reason. */
export function voidRecord(
  call: RegisterCall,
  id: string,
  reason: string,
): Promise<RegisterRecord> {
  return changeRecord(call, id, 'void', async (before, manager) => {
    refuseVoided(before);
    await rulesFor(call.definition.key).beforeVoid?.({ manager, before });
    // A voided transcription no longer stands for its paper: the paper is back on the
    // "not yet transcribed" list. The voided record keeps the reference it had, to show.
    await releaseReference(manager, {
      register: call.definition.key,
      recordId: String(before.id),
      actor: call.actor,
      now: call.now,
    });
    return {
      voided_at: call.now.toISOString(),
      voided_by_name: call.actor.fullName,
      void_reason: reason,
    };
  });
}

export function unmarkEntered(
  call: RegisterCall,
  id: string,
  reason: string,
): Promise<RegisterRecord> {
  return changeRecord(
    call,
    id,
    'unmarkEntered',
    (before) => {
      if (!before.entered_on) throw new AppError('CONFLICT', 'Posten är inte markerad som införd.');
      return {
        entered_on: null,
        entered_by_id: null,
        entered_by_name: null,
        entered_by_initials: null,
      };
    },
    { reason },
  );
}

/**
 * Marks records as entered in the social system, signed by the person signed in, in one
 * transaction. A batch never fails whole for one row: each record this person may not mark
 * now (voided or entered meanwhile, a colleague's, gone) is left as it is and reported
 * with why; each one marked gets its own audit entry, as when marked alone.
 */
export async function markEntered(
  { dataSource, definition, actor, now }: RegisterCall,
  ids: readonly string[],
  enteredOn: string,
): Promise<MarkEnteredResult> {
  // The office's date, not UTC's: just after midnight they differ.
  if (enteredOn > localDate(now)) {
    throw AppError.field('VALIDATION', 'enteredOn', 'Datumet kan inte ligga i framtiden.');
  }
  const result: MarkEnteredResult = { count: 0, skipped: [] };
  await dataSource.transaction(async (manager) => {
    for (const id of new Set(ids)) {
      const before = await findRow(manager, definition, id);
      const reason = markSkipReason(
        before && {
          voidedAt: (before.voided_at ?? null) as string | null,
          enteredOn: (before.entered_on ?? null) as string | null,
          createdById: String(before.created_by_id),
        },
        actor,
      );
      if (!before || reason) {
        result.skipped.push({
          id,
          clientName: before ? String(before.client_name) : null,
          reason: reason ?? 'missing',
        });
        continue;
      }
      const change = {
        entered_on: enteredOn,
        entered_by_id: actor.id,
        entered_by_name: actor.fullName,
        entered_by_initials: actor.initials,
        ...clearedChangeAfterEntry,
      };
      await saveChange(manager, definition, actor, before, change, 'markEntered', now);
      result.count++;
    }
  });
  return result;
}

/** Entered again: the change has reached the social system. */
const clearedChangeAfterEntry: Row = {
  changed_after_entry_at: null,
  changed_after_entry_by_name: null,
  changed_after_entry_fields: null,
  previous_entered_on: null,
  previous_entered_by_initials: null,
  previous_entered_by_id: null,
  previous_entered_by_name: null,
};

async function changeRecord(
  { dataSource, definition, actor, now }: RegisterCall,
  id: string,
  action: RecordVerb,
  change: (before: Row, manager: EntityManager) => Row | Promise<Row>,
  auditExtra?: Record<string, unknown>,
): Promise<RegisterRecord> {
  return dataSource.transaction(async (manager) => {
    const before = await loadRow(manager, definition, id);
    refuseOthers(before, actor);
    const values = await change(before, manager);
    return saveChange(manager, definition, actor, before, values, action, now, auditExtra);
  });
}

async function saveChange(
  manager: EntityManager,
  definition: RegisterDefinition,
  actor: SessionUser,
  before: Row,
  change: Row,
  action: RecordVerb,
  now: Date,
  auditExtra?: Record<string, unknown>,
): Promise<RegisterRecord> {
  const values: Row = { ...change, updated_at: now.toISOString() };
  const columns = Object.keys(values);
  await manager.query(
    `UPDATE ${tableOf(definition)} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    [...Object.values(values), before.id],
  );
  const after = rowToRecord(definition, { ...before, ...values });
  await recordAudit(manager, {
    actor,
    at: now,
    action: `${definition.key}.${action}`,
    entity: definition.key,
    entityId: String(before.id),
    before: rowToRecord(definition, before),
    after: auditExtra ? { ...after, ...auditExtra } : after,
  });
  return after;
}

async function loadRow(
  manager: EntityManager,
  definition: RegisterDefinition,
  id: string,
): Promise<Row> {
  const row = await findRow(manager, definition, id);
  if (!row) throw new AppError('NOT_FOUND', 'Posten finns inte.');
  return row;
}

async function findRow(
  manager: EntityManager,
  definition: RegisterDefinition,
  id: string,
): Promise<Row | null> {
  const rows = (await manager.query(`SELECT * FROM ${tableOf(definition)} WHERE id = ?`, [
    id,
  ])) as Row[];
  return rows[0] ?? null;
}

/**
 * Unique fields (a payout's verifikationsnummer) and the register's own rules, checked in
 * the transaction that saves, so nothing is half-saved when one of them refuses.
 */
async function checkBeforeSave(
  manager: EntityManager,
  call: RegisterCall,
  id: string,
  values: Record<string, unknown>,
  before: Row | null,
): Promise<void> {
  for (const field of call.definition.fields.filter((f) => f.unique)) {
    const [other] = (await manager.query(
      `SELECT client_name FROM ${tableOf(call.definition)}
        WHERE ${snakeCase(field.key)} = ? COLLATE NOCASE AND id != ?`,
      [values[field.key], id],
    )) as { client_name: string }[];
    if (other) {
      throw AppError.field(
        'CONFLICT',
        `values.${field.key}`,
        `${field.label} ${String(values[field.key])} finns redan (${other.client_name}).`,
      );
    }
  }
  await rulesFor(call.definition.key).beforeSave?.({ manager, call, id, values, before });
}

/** A handläggare changes only what they registered; the enhetschef keeps the whole list. */
function refuseOthers(row: Row, actor: SessionUser): void {
  if (actor.role === 'caseWorker' && row.created_by_id !== actor.id) {
    throw new AppError(
      'FORBIDDEN',
      `Posten registrerades av ${String(row.created_by_name)}. Du kan bara ändra dina egna poster.`,
    );
  }
}

function refuseVoided(row: Row): void {
  if (row.voided_at) throw new AppError('CONFLICT', 'Posten är makulerad och kan inte ändras.');
}

/**
 * The outage a record belongs to: the one chosen, else the one going on. A record for an
 * outage that is not going on now can only be a transcription of a paper form.
 */
async function resolveOutage(
  manager: EntityManager,
  input: Pick<RegisterInput, 'outageId' | 'transcribedFromPaper'>,
  now: Date,
): Promise<OutageRecord> {
  const active = await findActiveOutage(manager, now);
  const outage = input.outageId
    ? await manager.getRepository(OutageEntity).findOneBy({ id: input.outageId })
    : active;
  if (!outage) {
    throw AppError.field(
      'VALIDATION',
      'outageId',
      input.outageId
        ? 'Avbrottet finns inte.'
        : 'Inget avbrott pågår. Välj vilket avbrott posten hör till.',
    );
  }
  if (Date.parse(outage.startsAt) > now.getTime()) {
    throw AppError.field('VALIDATION', 'outageId', 'Avbrottet har inte börjat ännu.');
  }
  if (outage.id !== active?.id && !input.transcribedFromPaper) {
    throw AppError.field(
      'VALIDATION',
      'transcribedFromPaper',
      'Avbrottet pågår inte längre: markera att posten efterregistreras från pappersblankett.',
    );
  }
  return outage;
}
