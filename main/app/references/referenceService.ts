import { registerOfReferenceKind } from '../../../shared/printing';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import {
  formatReference,
  normalizeReference,
  type PrintedReference,
} from '../../../shared/references';
import { registers, snakeCase, type RegisterKey } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { OutageEntity } from '../db/entities/outageRecord';
import { getThisDevice } from '../devices/deviceService';
import { getUnitIn } from '../unit/unitService';

type Actor = Pick<SessionUser, 'id' | 'fullName' | 'role'>;

interface ReferenceRow {
  reference: string;
  serial: number;
  kind: string;
  printed_at: string;
  printed_by_id: string;
  printed_by_name: string;
  used_register: string | null;
  used_record_id: string | null;
  used_at: string | null;
  written_off_at: string | null;
  written_off_by_name: string | null;
  write_off_reason: string | null;
}

/** At most this many references in one print: a binder's worth, far below the serial space. */
export const MAX_REFERENCES_PER_PRINT = 5000;

/** References printed on one document, with their serials (never reused). */
export interface ReferenceBatch {
  kind: string;
  references: { reference: string; serial: number }[];
}

/**
 * The next `count` references for a blank template being prepared, recorded nowhere yet:
 * they are recorded as printed when the document is printed or saved
 * (`recordPrintedReferences`), so a preview that is closed leaves nothing to transcribe.
 * `reservedUpTo` is the highest serial already on a document prepared but not printed.
 * Serials are never reused, whatever the prefix is now, and come from this computer's own
 * range (devices/serialBlocks.ts): a laptop printing offline never hands out the office's.
 */
export async function reserveReferences(
  manager: EntityManager,
  options: { kind: string; count: number; reservedUpTo: number },
): Promise<ReferenceBatch> {
  const { kind, count, reservedUpTo } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_REFERENCES_PER_PRINT) {
    throw new AppError('VALIDATION', `Högst ${MAX_REFERENCES_PER_PRINT} referenser åt gången.`);
  }
  const unit = await getUnitIn(manager);
  const device = await getThisDevice(manager);
  const [{ printed }] = (await manager.query(
    `SELECT coalesce(max(serial), ?) AS printed FROM printed_references
      WHERE serial BETWEEN ? AND ?`,
    [device.serialFirst - 1, device.serialFirst, device.serialLast],
  )) as [{ printed: number }];
  const last = Math.max(printed, reservedUpTo);
  if (last + count > device.serialLast) {
    throw new AppError(
      'CONFLICT',
      device.kind === 'office'
        ? 'Enhetens referensnummer är slut. Kontakta IT.'
        : `Den här datorns referensnummer räcker bara till ${device.serialLast - last} till. ` +
            'Förbered datorn på nytt med en ny installationsfil från kontorsdatorn.',
    );
  }
  const references = Array.from({ length: count }, (_, i) => ({
    serial: last + 1 + i,
    reference: formatReference(unit.referencePrefix, last + 1 + i),
  }));
  return { kind, references };
}

/**
 * A batch's references recorded as printed by `actor` at `now`, in the caller's
 * transaction: from here they are listed as not yet transcribed until a record takes
 * each or it is written off.
 */
export async function recordPrintedReferences(
  manager: EntityManager,
  batch: ReferenceBatch,
  options: { actor: Actor; now: Date },
): Promise<void> {
  const { actor, now } = options;
  const at = now.toISOString();
  for (const { reference, serial } of batch.references) {
    await manager.query(
      `INSERT INTO printed_references
         (reference, serial, kind, printed_at, printed_by_id, printed_by_name, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [reference, serial, batch.kind, at, actor.id, actor.fullName, at],
    );
  }
  // Not audited here: the print or save that hands them out is, with the first and the
  // last reference (one entry per print).
}

/**
 * A print that was cancelled in the system's dialog: its references were never on paper,
 * so they leave the list again (none can have been transcribed in between: the print
 * dialog holds the app's calls).
 */
export async function unrecordPrintedReferences(
  manager: EntityManager,
  batch: ReferenceBatch,
  options: { actor: Actor; now: Date },
): Promise<void> {
  for (const { reference } of batch.references) {
    await manager.query(
      'DELETE FROM printed_references WHERE reference = ? AND used_record_id IS NULL',
      [reference],
    );
  }
  await recordAudit(manager, {
    actor: options.actor,
    at: options.now,
    action: 'references.unprinted',
    entity: 'reference',
    entityId: null,
    after: batchSummary(batch),
  });
}

/** A batch as the audit log keeps it: the kind, how many, the first and the last. */
const batchSummary = (batch: ReferenceBatch) => ({
  kind: batch.kind,
  count: batch.references.length,
  first: batch.references[0]?.reference ?? null,
  last: batch.references.at(-1)?.reference ?? null,
});

/** Reserved and recorded at once: for the demo and tests that need printed references. */
export async function allocateReferences(
  manager: EntityManager,
  options: { kind: string; count: number; actor: Actor; now: Date },
): Promise<string[]> {
  const batch = await reserveReferences(manager, { ...options, reservedUpTo: 0 });
  await recordPrintedReferences(manager, batch, options);
  return batch.references.map((r) => r.reference);
}

/**
 * The record `recordId` of `register` now holds `reference` (null: none), in the
 * transaction that saves the record. A reference must have been printed by this unit and
 * not be held by another record; the one the record held before is freed.
 */
export async function useReference(
  manager: EntityManager,
  options: {
    register: RegisterKey;
    recordId: string;
    reference: string | null;
    previous: string | null;
    actor: Actor;
    now: Date;
  },
): Promise<void> {
  const { register, recordId, reference, previous, actor, now } = options;
  if (reference === previous) return;
  if (previous) await releaseReference(manager, { register, recordId, actor, now });
  if (!reference) return;
  const row = await findReference(manager, reference);
  if (!row) {
    throw AppError.field(
      'VALIDATION',
      'paperReference',
      `Referensen ${reference} har inte skrivits ut av enheten. Kontrollera numret under ` +
        'streckkoden, eller markera att referens saknas.',
    );
  }
  const printedFor = registerOfReferenceKind(row.kind);
  if (printedFor && printedFor !== register) {
    throw AppError.field(
      'VALIDATION',
      'paperReference',
      `Referensen ${reference} står på en blankett för ${registers[printedFor].title.toLowerCase()}, ` +
        `inte för ${registers[register as RegisterKey].title.toLowerCase()}. Kontrollera numret.`,
    );
  }
  if (row.used_record_id && !(row.used_record_id === recordId && row.used_register === register)) {
    throw AppError.field(
      'CONFLICT',
      'paperReference',
      `Referensen ${reference} är redan införd: ${await describeRecord(manager, row, actor)}. ` +
        'Samma pappersrad kan bara föras in en gång.',
    );
  }
  await manager.query(
    `UPDATE printed_references SET used_register = ?, used_record_id = ?, used_at = ?,
       updated_at = ?
      WHERE reference = ?`,
    [register, recordId, now.toISOString(), now.toISOString(), reference],
  );
  await recordAudit(manager, {
    actor,
    at: now,
    action: 'references.use',
    entity: 'reference',
    entityId: reference,
    // A transcription after a write-off is kept: the paper turned up after all.
    after: { register, recordId, writtenOff: row.written_off_at !== null },
  });
}

/**
 * The record no longer holds its reference (voided, or the reference corrected): the
 * paper goes back on the "not yet transcribed" list.
 */
export async function releaseReference(
  manager: EntityManager,
  options: { register: RegisterKey; recordId: string; actor: Actor; now: Date },
): Promise<void> {
  const { register, recordId, actor, now } = options;
  const rows = (await manager.query(
    'SELECT reference FROM printed_references WHERE used_register = ? AND used_record_id = ?',
    [register, recordId],
  )) as { reference: string }[];
  for (const { reference } of rows) {
    await manager.query(
      `UPDATE printed_references
          SET used_register = NULL, used_record_id = NULL, used_at = NULL, updated_at = ?
        WHERE reference = ?`,
      [now.toISOString(), reference],
    );
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'references.release',
      entity: 'reference',
      entityId: reference,
      before: { register, recordId },
    });
  }
}

/**
 * Printed references that will never be transcribed (a blank row, a spoilt sheet): written
 * off with a reason, so closing the outage can see nothing written on paper is forgotten.
 * The enhetschef writes off any; others only what they printed themselves.
 */
export async function writeOff(
  dataSource: DataSource,
  options: { references: readonly string[]; reason: string; actor: Actor; now: Date },
): Promise<{ count: number }> {
  const { reason, actor, now } = options;
  return dataSource.transaction(async (manager) => {
    let count = 0;
    for (const typed of new Set(options.references)) {
      const reference = normalizeReference(typed);
      const row = reference ? await findReference(manager, reference) : null;
      if (!reference || !row) {
        throw new AppError('NOT_FOUND', `Referensen ${typed} har inte skrivits ut av enheten.`);
      }
      // Whose it is first: what a reference was used for is not everyone's to learn.
      if (actor.role !== 'unitManager' && row.printed_by_id !== actor.id) {
        throw new AppError(
          'FORBIDDEN',
          `Referensen ${reference} skrevs ut av ${row.printed_by_name}. Du kan bara skriva av ` +
            'referenser du själv har skrivit ut; enhetschefen kan skriva av alla.',
        );
      }
      if (row.used_record_id) {
        throw new AppError(
          'CONFLICT',
          `Referensen ${reference} är redan införd (${await describeRecord(manager, row, actor)}) ` +
            'och kan inte skrivas av.',
        );
      }
      if (row.written_off_at) continue;
      await manager.query(
        `UPDATE printed_references
            SET written_off_at = ?, written_off_by_id = ?, written_off_by_name = ?,
                write_off_reason = ?, updated_at = ?
          WHERE reference = ?`,
        [now.toISOString(), actor.id, actor.fullName, reason, now.toISOString(), reference],
      );
      await recordAudit(manager, {
        actor,
        at: now,
        action: 'references.writeOff',
        entity: 'reference',
        entityId: reference,
        after: { reason },
      });
      count++;
    }
    return { count };
  });
}

/** Printed (before `printedBefore`, if given), neither transcribed nor written off. */
const UNUSED = `used_record_id IS NULL AND written_off_at IS NULL
  AND (? IS NULL OR printed_at < ?)`;

/** Rows the list shows at most; the total says how many more there are. */
export const MAX_LISTED = 2000;

/**
 * Printed, not transcribed and not written off: paper that may hold a record still to be
 * entered. For an outage, only references printed before it ended (the others could not
 * have been written on during it).
 */
export async function listUnused(
  manager: EntityManager,
  options: { outageId?: string | null } = {},
): Promise<{ rows: PrintedReference[]; total: number }> {
  const printedBefore = await printedBeforeEnd(manager, options.outageId ?? null);
  const total = await countPrintedUnused(manager, printedBefore);
  const rows = (await manager.query(
    `SELECT * FROM printed_references WHERE ${UNUSED} ORDER BY serial LIMIT ?`,
    [printedBefore, printedBefore, MAX_LISTED],
  )) as ReferenceRow[];
  return { rows: rows.map(toPrintedReference), total };
}

/** How many references `listUnused` has in all (the overview's "Ej införda blanketter"). */
export async function countUnused(
  manager: EntityManager,
  options: { outageId?: string | null } = {},
): Promise<number> {
  return countPrintedUnused(manager, await printedBeforeEnd(manager, options.outageId ?? null));
}

async function countPrintedUnused(
  manager: EntityManager,
  printedBefore: string | null,
): Promise<number> {
  const [{ total }] = (await manager.query(
    `SELECT count(*) AS total FROM printed_references WHERE ${UNUSED}`,
    [printedBefore, printedBefore],
  )) as [{ total: number }];
  return total;
}

/** The end of the outage (null for one going on, or for no outage). */
async function printedBeforeEnd(
  manager: EntityManager,
  outageId: string | null,
): Promise<string | null> {
  if (!outageId) return null;
  const outage = await manager.getRepository(OutageEntity).findOneBy({ id: outageId });
  if (!outage) throw AppError.field('VALIDATION', 'outageId', 'Avbrottet finns inte.');
  return outage.endsAt;
}

/** One printed reference, whatever became of it; null if the unit never printed it. */
export async function getReference(
  manager: EntityManager,
  typed: string,
): Promise<PrintedReference | null> {
  const reference = normalizeReference(typed);
  const row = reference ? await findReference(manager, reference) : null;
  return row ? toPrintedReference(row) : null;
}

async function findReference(
  manager: EntityManager,
  reference: string,
): Promise<ReferenceRow | null> {
  const rows = (await manager.query('SELECT * FROM printed_references WHERE reference = ?', [
    reference,
  ])) as ReferenceRow[];
  return rows[0] ?? null;
}

/**
 * "Beslut, Tolvan Tolvansson" for the record that holds a reference, when the person may
 * read that register; otherwise only that it is another register (a journal note's client
 * is not the chef ekonomiskt bistånd's to learn, a payout's not the handläggare's).
 */
async function describeRecord(
  manager: EntityManager,
  row: ReferenceRow,
  actor: Pick<Actor, 'role'>,
): Promise<string> {
  const definition = registers[row.used_register as RegisterKey];
  if (!definition) return String(row.used_register);
  if (!mayRead(definition, actor.role)) {
    return 'i ett register du inte har tillgång till';
  }
  const [record] = (await manager.query(
    `SELECT client_name FROM ${snakeCase(definition.key)} WHERE id = ?`,
    [row.used_record_id],
  )) as { client_name: string }[];
  return `${definition.title}, ${record?.client_name ?? 'okänd post'}`;
}

function toPrintedReference(row: ReferenceRow): PrintedReference {
  return {
    reference: row.reference,
    kind: row.kind,
    printedAt: row.printed_at,
    printedById: row.printed_by_id,
    printedByName: row.printed_by_name,
    usedIn:
      row.used_register && row.used_record_id
        ? { register: row.used_register, id: row.used_record_id }
        : null,
    writtenOff:
      row.written_off_at && row.write_off_reason
        ? {
            reason: row.write_off_reason,
            byName: row.written_off_by_name ?? '',
            at: row.written_off_at,
          }
        : null,
  };
}
