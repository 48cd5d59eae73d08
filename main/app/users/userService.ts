import type { AuditAction } from '../../../shared/audit/actions';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ParsedInput, SessionUser, User } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { Role } from '../../../shared/roles';
import { bySwedish } from '../../../shared/swedishText';
import { changeAudited } from '../audit/auditedChange';
import { recordAudit } from '../audit/auditLog';
import { UserEntity, type UserRecord } from '../db/entities/userRecord';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../domain/passwords';

export type NewUser = Omit<ParsedInput<'users.create'>, 'passwordConfirm'>;

/** The user as it may leave the main process and enter the audit log: no hash. */
export function toUser(record: UserRecord): User {
  return {
    id: record.id,
    username: record.username,
    fullName: record.fullName,
    initials: record.initials,
    role: record.role,
    active: record.active,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toSessionUser(record: UserRecord): SessionUser {
  const { id, username, fullName, initials, role } = record;
  return { id, username, fullName, initials, role };
}

/** Active people first, each group by name the Swedish way (… Z, Å, Ä, Ö). */
export async function listUsers(dataSource: DataSource): Promise<User[]> {
  const records = await dataSource.getRepository(UserEntity).find();
  const byName = bySwedish((user: UserRecord) => user.fullName);
  return records.sort((a, b) => Number(b.active) - Number(a.active) || byName(a, b)).map(toUser);
}

export async function findActiveUser(
  dataSource: DataSource,
  id: string,
): Promise<UserRecord | null> {
  return dataSource.getRepository(UserEntity).findOneBy({ id, active: true });
}

/** Inserts a user inside the caller's transaction (also used by first-run setup). */
export async function insertUser(
  manager: EntityManager,
  actor: SessionUser | null,
  input: NewUser,
  now: Date,
): Promise<UserRecord> {
  const taken = await manager
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where('u.username = :username COLLATE NOCASE', { username: input.username })
    .getExists();
  if (taken) {
    throw AppError.field('CONFLICT', 'username', 'Användarnamnet är redan upptaget.');
  }
  await refuseTakenSignature(manager, input.initials, null);
  const at = now.toISOString();
  const record: UserRecord = {
    id: randomUUID(),
    username: input.username,
    fullName: input.fullName,
    initials: foldInitials(input.initials),
    role: input.role,
    passwordHash: await hashPassword(input.password),
    active: true,
    createdAt: at,
    updatedAt: at,
  };
  await manager.insert(UserEntity, record);
  await recordAudit(manager, {
    actor: actor ?? record,
    at: now,
    action: 'user.create',
    entity: 'user',
    entityId: record.id,
    after: toUser(record),
  });
  return record;
}

export async function createUser(
  dataSource: DataSource,
  actor: SessionUser,
  input: NewUser,
  now: Date,
): Promise<User> {
  return toUser(await dataSource.transaction((m) => insertUser(m, actor, input, now)));
}

type UserChange = Partial<Pick<UserRecord, 'fullName' | 'initials' | 'role' | 'active'>>;

function changeUser(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  change: UserChange,
  action: AuditAction,
  now: Date,
): Promise<User> {
  return changeAudited(dataSource, {
    entity: UserEntity,
    entityName: 'user',
    id,
    actor,
    action,
    now,
    notFoundMessage: 'Användaren finns inte.',
    view: toUser,
    change: (before) =>
      change.initials !== undefined && change.initials !== before.initials
        ? { ...change, initials: foldInitials(change.initials) }
        : change,
    check: async (before, after, manager) => {
      await keepOneActiveManager(manager, before, after);
      if (after.active) await refuseTakenSignature(manager, after.initials, after.id);
    },
  });
}

/** Signatures are compared and stored in capitals: "kb" and "KB" are the same signature. */
function foldInitials(initials: string): string {
  return initials.toLocaleUpperCase('sv-SE');
}

/**
 * A signature must name one person: no two active users share initials. Enforced here
 * rather than by a unique index, because databases from before this rule may already hold
 * two active "KB"s and a migration cannot choose whose signature to change. Every save of
 * an active user is checked (not only a changed signature), so such a pair is resolved the
 * first time the enhetschef edits either of them; a deactivated user's initials are free.
 */
async function refuseTakenSignature(
  manager: EntityManager,
  initials: string,
  userId: string | null,
): Promise<void> {
  const folded = foldInitials(initials);
  const active = await manager.getRepository(UserEntity).findBy({ active: true });
  const holder = active.find((u) => u.id !== userId && foldInitials(u.initials) === folded);
  if (holder) {
    throw AppError.field(
      'CONFLICT',
      'initials',
      `Signaturen ${folded} används redan av ${holder.fullName}. Välj en annan, t.ex. med en ` +
        'bokstav till.',
    );
  }
}

/** The unit must never be left without an active enhetschef: nobody could add users. */
async function keepOneActiveManager(
  manager: EntityManager,
  before: UserRecord,
  after: UserRecord,
): Promise<void> {
  const wasManager = before.active && before.role === 'unitManager';
  const isManager = after.active && after.role === 'unitManager';
  if (!wasManager || isManager) return;
  const activeManagers = await manager
    .getRepository(UserEntity)
    .countBy({ role: 'unitManager', active: true });
  if (activeManagers <= 1) {
    const field = after.active ? 'role' : 'active';
    throw AppError.field(
      'CONFLICT',
      field,
      'Enheten måste ha minst en aktiv enhetschef. Lägg till eller aktivera en annan enhetschef först.',
    );
  }
}

export function updateUser(
  dataSource: DataSource,
  actor: SessionUser,
  input: { id: string; fullName: string; initials: string; role: Role },
  now: Date,
): Promise<User> {
  const { id, ...change } = input;
  return changeUser(dataSource, actor, id, change, 'user.update', now);
}

export function setUserActive(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  active: boolean,
  now: Date,
): Promise<User> {
  return changeUser(
    dataSource,
    actor,
    id,
    { active },
    active ? 'user.activate' : 'user.deactivate',
    now,
  );
}

export async function resetPassword(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  password: string,
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(UserEntity);
    const user = await repository.findOneBy({ id });
    if (!user) throw new AppError('NOT_FOUND', 'Användaren finns inte.');
    await repository.update({ id }, { passwordHash, updatedAt: now.toISOString() });
    // The audit records that the password changed, never the hash.
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'user.resetPassword',
      entity: 'user',
      entityId: id,
    });
  });
}

/**
 * A signed-in person sets their own password, proving the current one first. Returns
 * false, changing nothing, when the current one is wrong (the caller counts and logs it).
 */
export async function changeOwnPassword(
  dataSource: DataSource,
  actor: SessionUser,
  current: string,
  next: string,
  now: Date,
): Promise<boolean> {
  const user = await dataSource.getRepository(UserEntity).findOneBy({ id: actor.id });
  if (!user || !(await verifyPassword(current, user.passwordHash))) return false;
  if (next === current) {
    throw AppError.field(
      'VALIDATION',
      'password',
      'Det nya lösenordet ska skilja sig från det nuvarande.',
    );
  }
  const passwordHash = await hashPassword(next);
  await dataSource.transaction(async (manager) => {
    await manager
      .getRepository(UserEntity)
      .update({ id: actor.id }, { passwordHash, updatedAt: now.toISOString() });
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'user.changePassword',
      entity: 'user',
      entityId: actor.id,
    });
  });
  return true;
}

/** Returns the user if the name and password match an active account. */
export async function authenticate(
  dataSource: DataSource,
  username: string,
  password: string,
): Promise<UserRecord | null> {
  const user = await dataSource
    .getRepository(UserEntity)
    .createQueryBuilder('u')
    .where('u.username = :username COLLATE NOCASE', { username })
    .getOne();
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  const matches = await verifyPassword(password, user.passwordHash);
  return matches && user.active ? user : null;
}
