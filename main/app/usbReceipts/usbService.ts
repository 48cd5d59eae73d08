import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { bySwedish } from '../../../shared/swedishText';
import { stickKey, type UsbReceipt } from '../../../shared/usbReceipts';
import { recordAudit } from '../audit/auditLog';
import { localDate } from '../../../shared/time';
import { findActiveOutage } from '../outages/outageService';

const columns = `u.id, u.stick_number AS stickNumber, u.outage_id AS outageId,
  u.issued_on AS issuedOn, u.receiver_name AS receiverName,
  u.receiver_signature AS receiverSignature, u.workplace, u.issued_by_name AS issuedByName,
  u.returned_on AS returnedOn, u.returned_signature AS returnedSignature,
  u.returned_by_name AS returnedByName, u.receiver_user_id AS receiverUserId,
  o.ends_at AS outageEndsAt`;
const from = 'usb_receipts u LEFT JOIN outages o ON o.id = u.outage_id';

type ReceiptRow = Omit<UsbReceipt, 'outlastsOutage'> & { outageEndsAt: string | null };

/** A stick still out after its outage has ended: its data should be entered and wiped. */
function toReceipt({ outageEndsAt, ...row }: ReceiptRow, now: Date): UsbReceipt {
  return {
    ...row,
    outlastsOutage:
      row.returnedOn === null && outageEndsAt !== null && Date.parse(outageEndsAt) <= +now,
  };
}

/** Bilaga 2, "Kvittenslista för USB-minnen": the sticks out first, then the returned. */
export async function listUsbReceipts(
  dataSource: DataSource,
  filter: { outageId: string | null; onlyOut: boolean },
  now: Date,
): Promise<UsbReceipt[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.outageId) {
    where.push('u.outage_id = ?');
    params.push(filter.outageId);
  }
  if (filter.onlyOut) where.push('u.returned_on IS NULL');
  const rows = (await dataSource.query(
    `SELECT ${columns} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  )) as ReceiptRow[];
  const receipts = rows.map((row) => toReceipt(row, now));
  // Within a day: by stick ("USB 2" before "USB 10"), then by name the Swedish way.
  const byStick = bySwedish((r: UsbReceipt) => r.stickNumber);
  const byName = bySwedish((r: UsbReceipt) => r.receiverName);
  return receipts.sort(
    (a, b) =>
      Number(a.returnedOn !== null) - Number(b.returnedOn !== null) ||
      (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0) ||
      byStick(a, b) ||
      byName(a, b),
  );
}

async function findReceipt(dataSource: DataSource, id: string, now: Date): Promise<UsbReceipt> {
  const [row] = (await dataSource.query(`SELECT ${columns} FROM ${from} WHERE u.id = ?`, [
    id,
  ])) as ReceiptRow[];
  if (!row) throw new AppError('NOT_FOUND', 'Kvittensen finns inte.');
  return toReceipt(row, now);
}

export function issueUsb(
  dataSource: DataSource,
  actor: SessionUser,
  typed: Omit<
    UsbReceipt,
    'id' | 'issuedByName' | 'returnedOn' | 'returnedSignature' | 'returnedByName' | 'outlastsOutage'
  >,
  now: Date,
): Promise<UsbReceipt> {
  if (typed.issuedOn > localDate(now)) {
    throw AppError.field('VALIDATION', 'issuedOn', 'Datumet kan inte ligga i framtiden.');
  }
  const key = stickKey(typed.stickNumber);
  return dataSource.transaction(async (manager) => {
    const [out] = (await manager.query(
      `SELECT stick_number AS stickNumber, receiver_name AS receiverName FROM usb_receipts
        WHERE stick_key = ? AND returned_on IS NULL`,
      [key],
    )) as { stickNumber: string; receiverName: string }[];
    if (out) {
      throw AppError.field(
        'CONFLICT',
        'stickNumber',
        `USB-minne ${out.stickNumber} är redan utlämnat till ${out.receiverName} och inte återlämnat.`,
      );
    }
    const input = typed.receiverUserId ? await pickedReceiver(manager, typed) : typed;
    const outageId = input.outageId ?? (await findActiveOutage(manager, now))?.id ?? null;
    const id = randomUUID();
    const at = now.toISOString();
    await manager.query(
      `INSERT INTO usb_receipts (id, stick_number, stick_key, outage_id, issued_on, receiver_name,
         receiver_signature, workplace, receiver_user_id, issued_by_id, issued_by_name,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        input.stickNumber,
        key,
        outageId,
        input.issuedOn,
        input.receiverName,
        input.receiverSignature,
        input.workplace,
        input.receiverUserId,
        actor.id,
        actor.fullName,
        at,
        at,
      ],
    );
    const receipt: UsbReceipt = {
      ...input,
      id,
      outageId,
      issuedByName: actor.fullName,
      returnedOn: null,
      returnedSignature: null,
      returnedByName: null,
      outlastsOutage: false,
    };
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'usbReceipts.issue',
      entity: 'usbReceipt',
      entityId: id,
      after: receipt,
    });
    return receipt;
  });
}

/** A receiver picked from the unit's users signs with their own name and initials. */
async function pickedReceiver<T extends { receiverUserId: string | null }>(
  manager: EntityManager,
  input: T & { receiverName: string; receiverSignature: string },
): Promise<T> {
  const [user] = (await manager.query(
    `SELECT full_name AS fullName, initials FROM users WHERE id = ? AND active = 1`,
    [input.receiverUserId],
  )) as { fullName: string; initials: string }[];
  if (!user) {
    throw AppError.field(
      'VALIDATION',
      'receiverUserId',
      'Personen finns inte bland enhetens aktiva användare. Välj någon annan eller "Annan person…".',
    );
  }
  return { ...input, receiverName: user.fullName, receiverSignature: user.initials };
}

/** Taken back, with the signed certification that its data is entered and wiped. */
export async function returnUsb(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  returnedOn: string,
  now: Date,
): Promise<UsbReceipt> {
  const before = await findReceipt(dataSource, id, now);
  if (before.returnedOn) throw new AppError('CONFLICT', 'USB-minnet är redan återlämnat.');
  if (returnedOn < before.issuedOn) {
    throw AppError.field(
      'VALIDATION',
      'returnedOn',
      'Återlämningen kan inte vara före utlämningen.',
    );
  }
  if (returnedOn > localDate(now)) {
    throw AppError.field('VALIDATION', 'returnedOn', 'Datumet kan inte ligga i framtiden.');
  }
  const after: UsbReceipt = {
    ...before,
    returnedOn,
    returnedSignature: actor.initials,
    returnedByName: actor.fullName,
    outlastsOutage: false,
  };
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `UPDATE usb_receipts SET returned_on = ?, returned_signature = ?, returned_by_name = ?,
         updated_at = ? WHERE id = ? AND returned_on IS NULL`,
      [returnedOn, actor.initials, actor.fullName, now.toISOString(), id],
    );
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'usbReceipts.return',
      entity: 'usbReceipt',
      entityId: id,
      before,
      after: {
        ...after,
        certified: 'All data på USB är infört och rensat från USB innan återlämning',
      },
    });
  });
  return after;
}
