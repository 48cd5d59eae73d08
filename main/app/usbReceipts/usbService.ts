import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { bySwedish } from '../../../shared/swedishText';
import type { UsbReceipt } from '../../../shared/usbReceipts';
import { recordAudit } from '../audit/auditLog';
import { localDate } from '../../../shared/time';
import { findActiveOutage } from '../outages/outageService';

const columns = `id, stick_number AS stickNumber, outage_id AS outageId, issued_on AS issuedOn,
  receiver_name AS receiverName, receiver_signature AS receiverSignature, workplace,
  issued_by_name AS issuedByName, returned_on AS returnedOn,
  returned_signature AS returnedSignature, returned_by_name AS returnedByName`;

/** Bilaga 2, "Kvittenslista för USB-minnen": the sticks out first, then the returned. */
export async function listUsbReceipts(
  dataSource: DataSource,
  filter: { outageId: string | null; onlyOut: boolean },
): Promise<UsbReceipt[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.outageId) {
    where.push('outage_id = ?');
    params.push(filter.outageId);
  }
  if (filter.onlyOut) where.push('returned_on IS NULL');
  const receipts = (await dataSource.query(
    `SELECT ${columns} FROM usb_receipts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY returned_on IS NOT NULL, issued_on DESC`,
    params,
  )) as UsbReceipt[];
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

async function findReceipt(dataSource: DataSource, id: string): Promise<UsbReceipt> {
  const [receipt] = (await dataSource.query(`SELECT ${columns} FROM usb_receipts WHERE id = ?`, [
    id,
  ])) as UsbReceipt[];
  if (!receipt) throw new AppError('NOT_FOUND', 'Kvittensen finns inte.');
  return receipt;
}

export function issueUsb(
  dataSource: DataSource,
  actor: SessionUser,
  input: Omit<
    UsbReceipt,
    'id' | 'issuedByName' | 'returnedOn' | 'returnedSignature' | 'returnedByName'
  >,
  now: Date,
): Promise<UsbReceipt> {
  if (input.issuedOn > localDate(now)) {
    throw AppError.field('VALIDATION', 'issuedOn', 'Datumet kan inte ligga i framtiden.');
  }
  return dataSource.transaction(async (manager) => {
    const [out] = (await manager.query(
      `SELECT receiver_name AS receiverName FROM usb_receipts
        WHERE stick_number = ? COLLATE NOCASE AND returned_on IS NULL`,
      [input.stickNumber],
    )) as { receiverName: string }[];
    if (out) {
      throw AppError.field(
        'CONFLICT',
        'stickNumber',
        `USB-minne ${input.stickNumber} är redan utlämnat till ${out.receiverName} och inte återlämnat.`,
      );
    }
    const outageId = input.outageId ?? (await findActiveOutage(manager, now))?.id ?? null;
    const id = randomUUID();
    const at = now.toISOString();
    await manager.query(
      `INSERT INTO usb_receipts (id, stick_number, outage_id, issued_on, receiver_name,
         receiver_signature, workplace, issued_by_id, issued_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        input.stickNumber,
        outageId,
        input.issuedOn,
        input.receiverName,
        input.receiverSignature,
        input.workplace,
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

/** Taken back, with the signed certification that its data is entered and wiped. */
export async function returnUsb(
  dataSource: DataSource,
  actor: SessionUser,
  id: string,
  returnedOn: string,
  now: Date,
): Promise<UsbReceipt> {
  const before = await findReceipt(dataSource, id);
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
