import type { AuditAction } from '../../../shared/audit/actions';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ParsedInput, SessionUser, Unit } from '../../../shared/contract';
import { derivePrefix } from '../../../shared/references';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { UnitEntity, type UnitRecord } from '../db/entities/unitRecord';
import { createUnitDatabase } from '../db/create';
import { connectionOf, openUnitDatabase } from '../db/open';
import { officeDeviceName } from '../devices/deviceName';
import { insertDevice } from '../devices/deviceService';
import { OFFICE_SERIALS } from '../devices/serialBlocks';
import { proveCurrentPassphrase, rekeyDatabase } from '../db/rekey';
import type { AppState } from '../state';
import { throttledAttempt, type AttemptActions } from '../session/throttle';
import { insertUser } from '../users/userService';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

export function toUnit(record: UnitRecord): Unit {
  return {
    name: record.name,
    department: record.department,
    autoLockMinutes: record.autoLockMinutes,
    patchWednesday: record.patchWednesday,
    cardProvider: record.cardProvider,
    referencePrefix: record.referencePrefix,
  };
}

export function getUnit(dataSource: DataSource): Promise<UnitRecord> {
  return getUnitIn(dataSource.manager);
}

/** The unit as the caller's transaction sees it. */
export async function getUnitIn(manager: EntityManager): Promise<UnitRecord> {
  const unit = await manager.getRepository(UnitEntity).findOneBy({ id: 1 });
  if (!unit) throw new AppError('CORRUPT', 'Databasen saknar uppgifter om enheten.');
  return unit;
}

/**
 * First run: creates the encrypted database, the unit and its first enhetschef in one
 * go, and signs that person in. The file is built under a temporary name and gets its
 * own only once the setup transaction has committed (createUnitDatabase): a failed or
 * interrupted setup leaves nothing that looks set up, and an existing file is never
 * touched.
 */
export async function setUpUnit(state: AppState, input: ParsedInput<'unit.setup'>): Promise<void> {
  if (state.isSetUp) {
    throw new AppError('ALREADY_SETUP', 'Enheten är redan upprättad på den här datorn.');
  }
  const now = state.now();
  const { dataSource, value: manager } = await createUnitDatabase(
    state.dbPath,
    input.passphrase,
    async (em) => {
      const at = now.toISOString();
      // First, so that every row and audit entry below is marked as made here.
      await insertDevice(em, {
        id: randomUUID(),
        name: officeDeviceName(),
        kind: 'office',
        isThis: true,
        serialFirst: OFFICE_SERIALS.first,
        serialLast: OFFICE_SERIALS.last,
        setupFileId: null,
        createdAt: at,
      });
      const unit: UnitRecord = {
        id: 1,
        uid: randomUUID(),
        name: input.unitName,
        department: input.department,
        autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
        patchWednesday: true,
        cardProvider: 'ICA',
        payoutLimitOre: 7_500_000,
        payoutWarningOre: 6_000_000,
        payoutStrongWarningOre: 7_000_000,
        referencePrefix: derivePrefix(input.unitName),
        localRoutinesJson: null,
        createdAt: at,
        updatedAt: at,
      };
      await em.insert(UnitEntity, unit);
      const user = await insertUser(em, null, { ...input.manager, role: 'unitManager' }, now);
      await recordAudit(em, {
        actor: user,
        at: now,
        action: 'unit.setup',
        entity: 'unit',
        entityId: '1',
        after: toUnit(unit),
      });
      return user;
    },
  );
  state.attach(dataSource, input.passphrase);
  state.session.autoLockMinutes = DEFAULT_AUTO_LOCK_MINUTES;
  state.session.signIn(manager.id, now);
}

/** One key for the whole file: the unlock has no username. */
/** The unit passphrase's attempts, wherever it is typed: one secret, one count. */
export const UNLOCK_KEY = 'unit';
/** Enough to see a guessing attempt in the log without letting memory grow. */
const MAX_PENDING_UNLOCK_AUDIT = 200;

export async function unlockUnit(state: AppState, passphrase: string): Promise<void> {
  if (state.isOpen) return;
  if (!state.isSetUp) {
    throw new AppError('NOT_SETUP', 'Enheten är inte upprättad ännu.');
  }
  const now = state.now();
  const dataSource = await throttledAttempt({
    throttle: state.unlockThrottle,
    key: UNLOCK_KEY,
    now,
    field: 'passphrase',
    wrongCode: 'WRONG_PASSPHRASE',
    actions: { failed: 'unit.unlockFailed', throttled: 'unit.unlockThrottled' },
    audit: (action, waitSeconds) => keepForAudit(state, { action, at: now, waitSeconds }),
    attempt: async () => {
      const opened = await openUnitDatabase(state.dbPath, passphrase, { create: false });
      try {
        const unit = await getUnit(opened);
        state.session.autoLockMinutes = unit.autoLockMinutes;
        await writePendingUnlockAudit(state, opened);
      } catch (error) {
        await opened.destroy();
        throw error;
      }
      return opened;
    },
  });
  state.attach(dataSource, passphrase);
}

/**
 * A try of the unit passphrase outside the unlock (reading a transfer file, restoring a
 * backup), counted with the unlocks: the same secret, the same wait. Audited in the open
 * database; before it is open, kept for the log until the unlock opens it.
 */
export function unitPassphraseAttempt<T>(
  state: AppState,
  about: { actor: SessionUser | null; entity: string; entityId: string | null },
  actions: AttemptActions,
  attempt: () => Promise<T> | T,
): Promise<T> {
  const now = state.now();
  return throttledAttempt({
    throttle: state.unlockThrottle,
    key: UNLOCK_KEY,
    now,
    field: 'passphrase',
    wrongCode: 'WRONG_PASSPHRASE',
    actions,
    audit: async (action, waitSeconds) => {
      if (!state.isOpen) {
        keepForAudit(state, { action, at: now, waitSeconds });
        return;
      }
      await state
        .db()
        .transaction((manager) =>
          recordAudit(manager, { ...about, at: now, action, after: { waitSeconds } }),
        );
    },
    attempt,
  });
}

export function keepForAudit(
  state: AppState,
  event: { action: AuditAction; at: Date; waitSeconds: number },
): void {
  if (state.pendingUnlockAudit.length >= MAX_PENDING_UNLOCK_AUDIT) return;
  state.pendingUnlockAudit.push({
    actor: null,
    at: event.at,
    action: event.action,
    entity: 'unit',
    entityId: '1',
    after: { waitSeconds: event.waitSeconds },
  });
}

/**
 * Failed unlocks cannot be written while the file is closed: they are kept in memory and
 * written, each at its own time, as soon as the right passphrase opens it.
 */
export async function writePendingUnlockAudit(
  state: AppState,
  dataSource: DataSource,
): Promise<void> {
  const events = state.pendingUnlockAudit.splice(0);
  if (events.length === 0) return;
  await dataSource.transaction(async (em) => {
    for (const event of events) await recordAudit(em, event);
  });
}

export async function changePassphrase(
  state: AppState,
  actor: SessionUser,
  input: { current: string; next: string },
): Promise<void> {
  const dataSource = state.db();
  const now = state.now();
  // The passphrase opens the whole file: a wrong current one counts with the failed
  // unlocks (the same secret, the same count), so the open settings page is no faster a
  // way to guess it than the unlock screen.
  await throttledAttempt({
    throttle: state.unlockThrottle,
    key: UNLOCK_KEY,
    now,
    field: 'current',
    wrongCode: 'WRONG_PASSPHRASE',
    actions: {
      failed: 'unit.changePassphraseWrongCurrent',
      throttled: 'unit.changePassphraseThrottled',
    },
    audit: (action, waitSeconds) =>
      dataSource.transaction((em) =>
        recordAudit(em, {
          actor,
          at: now,
          action,
          entity: 'unit',
          entityId: '1',
          after: { waitSeconds },
        }),
      ),
    attempt: () => proveCurrentPassphrase(state.dbPath, input.current),
  });
  // The entry is committed into the file before the rekey, which then re-encrypts it
  // with everything else: whoever opens the file with the new passphrase finds who set it.
  const audit = (action: AuditAction) =>
    dataSource.transaction((em) =>
      recordAudit(em, { actor, at: state.now(), action, entity: 'unit', entityId: '1' }),
    );
  await audit('unit.changePassphrase');
  let inForce = false;
  try {
    rekeyDatabase(connectionOf(dataSource), state.dbPath, input.next, () => {
      inForce = true;
      state.passphraseChanged(input.next);
    });
  } catch (error) {
    if (inForce) {
      // The one thing the enhetschef must not be left guessing: which passphrase opens it.
      throw new AppError(
        'SAVED_WITH_ERROR',
        'Den nya lösenfrasen gäller nu: använd den när du låser upp Reservpärm. Ett fel ' +
          'inträffade efter bytet; starta om Reservpärm och kontakta IT om felet kvarstår.',
      );
    }
    // The entry above must not stand alone: the log says the change did not happen.
    await audit('unit.changePassphraseFailed').catch(() => undefined);
    if (error instanceof AppError) throw error;
    throw new AppError(
      'INTERNAL',
      'Lösenfrasen kunde inte bytas: den gamla lösenfrasen gäller fortfarande. ' +
        'Försök igen eller kontakta IT.',
    );
  }
}

export async function updateSettings(
  dataSource: DataSource,
  actor: SessionUser,
  change: Partial<
    Pick<
      UnitRecord,
      | 'patchWednesday'
      | 'cardProvider'
      | 'payoutLimitOre'
      | 'payoutWarningOre'
      | 'payoutStrongWarningOre'
      | 'referencePrefix'
      | 'name'
      | 'department'
      | 'autoLockMinutes'
    >
  >,
  now: Date,
): Promise<Unit> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(UnitEntity);
    const before = await repository.findOneByOrFail({ id: 1 });
    const after: UnitRecord = { ...before, ...change, updatedAt: now.toISOString() };
    await repository.save(after);
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'unit.updateSettings',
      entity: 'unit',
      entityId: '1',
      // The payout limits are not part of Unit, but a changed limit must be traceable.
      before: settingsView(before),
      after: settingsView(after),
    });
    return toUnit(after);
  });
}

function settingsView(unit: UnitRecord) {
  return {
    ...toUnit(unit),
    payoutWarningOre: unit.payoutWarningOre,
    payoutStrongWarningOre: unit.payoutStrongWarningOre,
    payoutLimitOre: unit.payoutLimitOre,
  };
}
