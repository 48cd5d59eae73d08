import type { DataSource } from 'typeorm';
import type { OutageOverview } from '../../../shared/outages';
import { registerKeys, registers } from '../../../shared/registers';
import { mayRead } from '../../../shared/registers/access';
import type { Role } from '../../../shared/roles';
import { allows } from '../../../shared/access';
import { usbReceiptKeepers } from '../../../shared/usbReceipts';
import { deadlineWindow } from '../domain/deadlines';
import { tableOf } from '../registers/table';
import { listOutages } from './outageService';

interface CountRow {
  outageId: string;
  register: string;
  total: number;
  notEntered: number;
  dueSoon: number;
  overdue: number;
}

interface UsbRow {
  outageId: string;
  out: number;
  outlasting: number;
}

/**
 * Every outage with what it left to do. The counts of all outages come from one grouped
 * query over the registers the person may read (voided records left out, as on the
 * overview) and one over the USB sticks out, however many outages there are. The sticks
 * are counted only for those who may read the USB receipts; for others they are null, so
 * the counts do not tell them what the receipts list would not.
 */
export async function outageOverview(
  dataSource: DataSource,
  role: Role,
  now: Date,
): Promise<OutageOverview[]> {
  const outages = await listOutages(dataSource, now);
  const readable = registerKeys.filter((key) => mayRead(registers[key], role));
  const { today, dueSoonUntil } = deadlineWindow(now);
  const counts = readable.length
    ? ((await dataSource.query(
        `SELECT outage_id AS outageId, register, count(*) AS total,
                count(*) FILTER (WHERE entered_on IS NULL) AS notEntered,
                count(*) FILTER (WHERE entered_on IS NULL AND deadline >= ? AND deadline <= ?)
                  AS dueSoon,
                count(*) FILTER (WHERE entered_on IS NULL AND deadline < ?) AS overdue
           FROM (${readable
             .map(
               (key) =>
                 `SELECT '${key}' AS register, outage_id, entered_on, deadline
                    FROM ${tableOf(registers[key])} WHERE voided_at IS NULL`,
             )
             .join(' UNION ALL ')})
          WHERE outage_id IS NOT NULL
          GROUP BY outage_id, register`,
        [today, dueSoonUntil, today],
      )) as CountRow[])
    : [];
  const usb = allows(usbReceiptKeepers, role)
    ? ((await dataSource.query(
        `SELECT u.outage_id AS outageId, count(*) AS out,
                count(*) FILTER (WHERE o.ends_at IS NOT NULL AND o.ends_at <= ?) AS outlasting
           FROM usb_receipts u JOIN outages o ON o.id = u.outage_id
          WHERE u.returned_on IS NULL
          GROUP BY u.outage_id`,
        [now.toISOString()],
      )) as UsbRow[])
    : null;
  const usbByOutage = usb && new Map(usb.map((row) => [row.outageId, row]));
  return outages.map((outage) => {
    const mine = counts.filter((row) => row.outageId === outage.id);
    const sum = (field: 'notEntered' | 'dueSoon' | 'overdue') =>
      mine.reduce((total, row) => total + row[field], 0);
    return {
      outage,
      registers: readable.map((key) => {
        const row = mine.find((r) => r.register === key);
        return { key, total: row?.total ?? 0, notEntered: row?.notEntered ?? 0 };
      }),
      notEntered: sum('notEntered'),
      dueSoon: sum('dueSoon'),
      overdue: sum('overdue'),
      usbOut: usbByOutage && (usbByOutage.get(outage.id)?.out ?? 0),
      usbOutlasting: usbByOutage && (usbByOutage.get(outage.id)?.outlasting ?? 0),
    };
  });
}
