import type { TransferTableKey } from '../../../shared/transfer';
import { registerKeys, type RegisterKey } from '../../../shared/registers';
import type { Row } from '../registers/table';
import { fileErrors } from './errors';
import type { MergeRun } from './merge';
import { outageLabel } from './outageLabel';

/** What a table adds to the generic merge. */
export interface MergeRules {
  /** True when the row is taken care of another way (an outage mapped onto ours). */
  resolve?(run: MergeRun, theirs: Row): boolean;
  /** May throw to refuse the whole import (a person whose signature is taken here). */
  beforeAdd?(run: MergeRun, theirs: Row): void;
  /** False keeps ours (or, for a new row, leaves it out) as a conflict. */
  accept?(run: MergeRun, ours: Row | null, theirs: Row): boolean;
  /** The refusal when the row breaks a unique rule here. */
  clash?(run: MergeRun, theirs: Row, constraint: string): Error;
}

interface Period {
  id: string;
  level: string;
  starts_at: string;
  ends_at: string | null;
}

/**
 * An outage a laptop started on its own (no network: it could not know the office's) is the
 * office's outage of the same time: its records are read in under the office's, and the
 * mapping is kept, so the next file maps the same way. Of several, the one overlapping most.
 */
function resolveOutage(run: MergeRun, theirs: Row): boolean {
  const id = String(theirs.id);
  if (run.aliases.has(id)) return true;
  if (run.db.prepare('SELECT 1 FROM outages WHERE id = ?').get(id)) return false;
  const start = Date.parse(String(theirs.starts_at));
  const end = theirs.ends_at ? Date.parse(String(theirs.ends_at)) : run.now.getTime();
  const overlap = (other: Period) =>
    Math.min(end, other.ends_at ? Date.parse(other.ends_at) : Infinity) -
    Math.max(start, Date.parse(other.starts_at));
  const candidates = (run.db.prepare('SELECT * FROM outages').all() as Period[])
    .filter((other) => overlap(other) > 0)
    .sort((a, b) => overlap(b) - overlap(a) || a.starts_at.localeCompare(b.starts_at));
  const office = candidates[0];
  if (!office) return false;
  run.db
    .prepare(
      `INSERT INTO outage_aliases (alias_id, outage_id, source_device_id, created_at)
       VALUES (?, ?, ?, ?)`,
    )
    .run(id, office.id, run.source.id, run.now.toISOString());
  run.aliases.set(id, office.id);
  run.touchedOutages.add(office.id);
  run.mappedOutages.push({
    fromId: id,
    toId: office.id,
    label: outageLabel({ level: office.level, startsAt: office.starts_at, endsAt: office.ends_at }),
  });
  run.events.push({
    actor: run.actor,
    at: run.now,
    action: 'transfer.outageMapped',
    entity: 'outage',
    entityId: office.id,
    after: {
      from: { id, level: theirs.level, startsAt: theirs.starts_at, endsAt: theirs.ends_at },
      transfer: { fileId: run.fileId, deviceId: run.source.id, deviceName: run.source.name },
    },
  });
  return true;
}

/** Two outages never overlap here: a changed period that would is kept as ours. */
function outageFits(run: MergeRun, _ours: Row | null, theirs: Row): boolean {
  // As outageService's refuseOverlap: one with no end yet clashes only with one going on.
  return !run.db
    .prepare(
      `SELECT 1 FROM outages
        WHERE id != @id AND (ends_at IS NULL OR ends_at > @start)
          AND CASE WHEN @end IS NULL THEN starts_at <= @start ELSE starts_at < @end END`,
    )
    .get({ id: theirs.id, start: theirs.starts_at, end: theirs.ends_at });
}

/** A payout in a period reconciled here keeps its amount and its period. */
function payoutOpen(_run: MergeRun, ours: Row | null, theirs: Row): boolean {
  if (!ours?.reconciliation_id) return true;
  return ours.reconciliation_id === theirs.reconciliation_id && ours.amount === theirs.amount;
}

/** A serial printed here for another reference: two devices shared a setup file. */
function serialFree(run: MergeRun, ours: Row | null, theirs: Row): boolean {
  if (ours) return true;
  return !run.db
    .prepare('SELECT 1 FROM printed_references WHERE serial = ? AND reference != ?')
    .get(theirs.serial, theirs.reference);
}

/** A person added on a laptop cannot take a signature an active person has here. */
function signatureFree(run: MergeRun, theirs: Row): void {
  if (theirs.active !== 1) return;
  const holder = run.db
    .prepare(
      `SELECT full_name FROM users WHERE active = 1 AND upper(initials) = upper(?) AND id != ?`,
    )
    .get(theirs.initials, theirs.id) as { full_name: string } | undefined;
  if (holder) {
    throw fileErrors.clash(
      `${String(theirs.full_name)} lades till på ${run.source.name} med signaturen ` +
        `${String(theirs.initials)}, som ${holder.full_name} har här.`,
      'Ändra signaturen på den bärbara datorn och skapa en ny överföringsfil.',
    );
  }
}

function registerClash(run: MergeRun, theirs: Row, constraint: string): Error {
  if (constraint.includes('verification')) {
    return fileErrors.clash(
      `Verifikationsnummer ${String(theirs.verification_number)} finns både här och på ` +
        `${run.source.name}, för olika utbetalningar (${String(theirs.client_name)}).`,
    );
  }
  return fileErrors.clash(
    `Referensen ${String(theirs.paper_reference)} är införd både här och på ` +
      `${run.source.name} (${String(theirs.client_name)}): samma pappersrad kan bara föras in en gång.`,
    'Makulera den ena posten och skapa en ny överföringsfil.',
  );
}

const registerRules = Object.fromEntries(
  registerKeys.map((key): [RegisterKey, MergeRules] => [key, { clash: registerClash }]),
) as Record<RegisterKey, MergeRules>;

export const mergeRules: Partial<Record<TransferTableKey, MergeRules>> = {
  ...registerRules,
  users: {
    beforeAdd: signatureFree,
    clash: (run, theirs) =>
      fileErrors.clash(
        `Användarnamnet ${String(theirs.username)} lades till på ${run.source.name} men finns ` +
          'redan här för en annan person.',
        'Byt användarnamn på den bärbara datorn och skapa en ny överföringsfil.',
      ),
  },
  outages: { resolve: resolveOutage, accept: outageFits },
  payouts: { ...registerRules.payouts, accept: payoutOpen },
  usbReceipts: {
    clash: (run, theirs) =>
      fileErrors.clash(
        `USB-minne ${String(theirs.stick_number)} är utlämnat både här och på ` +
          `${run.source.name}, och inte återlämnat.`,
        'Registrera återlämningen på den ena datorn och skapa en ny överföringsfil.',
      ),
  },
  printedReferences: { accept: serialFree },
};
