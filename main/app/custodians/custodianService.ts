import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import type { Custodian } from '../../../shared/custodians';
import { AppError } from '../../../shared/result';
import { bySwedish } from '../../../shared/swedishText';
import { localDate } from '../../../shared/time';
import { recordAudit } from '../audit/auditLog';

interface CustodianRow {
  id: string;
  name: string;
  unit_name: string;
  phone: string;
  email: string;
  active: number;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
  removed_by_name: string | null;
}

const toCustodian = (row: CustodianRow): Custodian => ({
  id: row.id,
  name: row.name,
  unitName: row.unit_name,
  phone: row.phone,
  email: row.email,
  active: row.active === 1,
  updatedAt: row.updated_at,
  removedAt: row.removed_at ?? null,
  removedByName: row.removed_by_name ?? null,
});

type CustodianFields = Pick<Custodian, 'name' | 'unitName' | 'phone' | 'email'>;

export async function listCustodians(dataSource: DataSource): Promise<Custodian[]> {
  const rows = (await dataSource.query(`SELECT * FROM custodians`)) as CustodianRow[];
  // Those still custodians first, then those no longer one, then the removed; each group
  // by name the Swedish way (… Z, Å, Ä, Ö).
  const byName = bySwedish((row: CustodianRow) => row.name);
  const group = (row: CustodianRow) => (row.removed_at ? 2 : row.active ? 0 : 1);
  return rows.sort((a, b) => group(a) - group(b) || byName(a, b)).map(toCustodian);
}

/** Bilaga 1, the list of cash custodians: added, corrected, or marked as no longer one. */
export function saveCustodian(
  dataSource: DataSource,
  actor: SessionUser,
  id: string | null,
  fields: CustodianFields & { active?: boolean },
  now: Date,
): Promise<Custodian> {
  return dataSource.transaction(async (manager) => {
    const at = now.toISOString();
    let before: Custodian | undefined;
    if (id) {
      const [row] = (await manager.query(`SELECT * FROM custodians WHERE id = ?`, [
        id,
      ])) as CustodianRow[];
      if (!row) throw new AppError('NOT_FOUND', 'Kassaförvaltaren finns inte.');
      before = toCustodian(row);
      if (before.removedAt) throw removedError(before);
    }
    const after: CustodianRow = {
      id: id ?? randomUUID(),
      name: fields.name,
      unit_name: fields.unitName,
      phone: fields.phone,
      email: fields.email,
      active: (fields.active ?? before?.active ?? true) ? 1 : 0,
      created_at: at,
      updated_at: at,
      removed_at: null,
      removed_by_name: null,
    };
    if (before) {
      await manager.query(
        `UPDATE custodians SET name = ?, unit_name = ?, phone = ?, email = ?, active = ?,
           updated_at = ? WHERE id = ?`,
        [after.name, after.unit_name, after.phone, after.email, after.active, at, after.id],
      );
    } else {
      await manager.query(
        `INSERT INTO custodians (id, name, unit_name, phone, email, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          after.id,
          after.name,
          after.unit_name,
          after.phone,
          after.email,
          after.active,
          after.created_at,
          after.updated_at,
        ],
      );
    }
    const custodian = toCustodian(after);
    await recordAudit(manager, {
      actor,
      at: now,
      action: before ? 'custodians.update' : 'custodians.create',
      entity: 'custodian',
      entityId: custodian.id,
      before,
      after: custodian,
    });
    return custodian;
  });
}

const removedError = (custodian: Custodian) =>
  new AppError(
    'CONFLICT',
    `${custodian.name} togs bort ur listan ${localDate(custodian.removedAt!)} och kan inte ` +
      'ändras. Lägg till personen på nytt om hen ska vara kassaförvaltare igen.',
  );

/**
 * Takes a custodian off Bilaga 1. The row stays, marked with who removed it and when, so
 * the list's history still shows that the person was one (and the audit log the change).
 */
export function removeCustodian(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  now: Date,
): Promise<Custodian> {
  return dataSource.transaction(async (manager) => {
    const [row] = (await manager.query(`SELECT * FROM custodians WHERE id = ?`, [
      id,
    ])) as CustodianRow[];
    if (!row) throw new AppError('NOT_FOUND', 'Kassaförvaltaren finns inte.');
    const before = toCustodian(row);
    if (before.removedAt) throw removedError(before);
    const at = now.toISOString();
    await manager.query(
      `UPDATE custodians SET removed_at = ?, removed_by_id = ?, removed_by_name = ?,
         updated_at = ? WHERE id = ? AND removed_at IS NULL`,
      [at, actor.id, actor.fullName, at, id],
    );
    const after: Custodian = {
      ...before,
      removedAt: at,
      removedByName: actor.fullName,
      updatedAt: at,
    };
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'custodians.remove',
      entity: 'custodian',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
