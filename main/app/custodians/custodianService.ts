import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import type { Custodian } from '../../../shared/custodians';
import { AppError } from '../../../shared/result';
import { bySwedish } from '../../../shared/swedishText';
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
}

const toCustodian = (row: CustodianRow): Custodian => ({
  id: row.id,
  name: row.name,
  unitName: row.unit_name,
  phone: row.phone,
  email: row.email,
  active: row.active === 1,
  updatedAt: row.updated_at,
});

type CustodianFields = Pick<Custodian, 'name' | 'unitName' | 'phone' | 'email'>;

export async function listCustodians(dataSource: DataSource): Promise<Custodian[]> {
  const rows = (await dataSource.query(`SELECT * FROM custodians`)) as CustodianRow[];
  // Those still custodians first, each group by name the Swedish way (… Z, Å, Ä, Ö).
  const byName = bySwedish((row: CustodianRow) => row.name);
  return rows.sort((a, b) => b.active - a.active || byName(a, b)).map(toCustodian);
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
        Object.values(after),
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
