import { rmSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { transferTableLabels, type TransferFileInfo } from '../../../shared/transfer';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import { OutageEntity, type OutageRecord } from '../db/entities/outageRecord';
import { connectionOf } from '../db/open';
import { writeContainer } from './container';
import { formatNames, type TransferManifest } from './manifest';
import { outageLabel } from './outageLabel';
import { mergedTables, transferFileTables } from './tables';
import { fileOrigin, type FileCall } from './origin';

/**
 * On a laptop (or any installation): this device's records of one outage (`outageId`), or
 * of all (null), in a transfer file at `path`, encrypted with the unit passphrase, for the
 * office PC to read in. With the records go the people, outages, reconciliations, cash
 * custodians, USB receipts, printed references and the audit log they need; entries about
 * records of other outages stay behind.
 */
export async function writeTransferFile(
  dataSource: DataSource,
  call: FileCall & { outageId: string | null },
  path: string,
): Promise<TransferFileInfo> {
  const { actor, now, outageId } = call;
  let outage: OutageRecord | null = null;
  if (outageId) {
    outage = await dataSource.getRepository(OutageEntity).findOneBy({ id: outageId });
    if (!outage) throw AppError.field('NOT_FOUND', 'outageId', 'Avbrottet finns inte.');
  }
  const manifest = writeContainer<TransferManifest>(
    connectionOf(dataSource),
    path,
    {
      format: formatNames.transfer,
      ...(await fileOrigin(dataSource, call)).origin,
      scope: { outageId, label: outage ? outageLabel(outage) : 'Alla avbrott' },
    },
    outageId ? transferFileTables : transferFileTables.map(({ scoped: _, ...table }) => table),
    { outage: outageId },
  );
  const info = transferFileInfo(manifest);
  try {
    await dataSource.transaction((manager) =>
      recordAudit(manager, {
        actor,
        at: now,
        action: 'transfer.write',
        entity: 'transfer',
        entityId: manifest.fileId,
        after: { scope: manifest.scope, rows: info.rows },
      }),
    );
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return info;
}

export function transferFileInfo(manifest: TransferManifest): TransferFileInfo {
  return {
    fileId: manifest.fileId,
    formatVersion: manifest.formatVersion,
    unitName: manifest.unitName,
    deviceId: manifest.deviceId,
    deviceName: manifest.deviceName,
    createdAt: manifest.createdAt,
    createdByName: manifest.createdByName,
    scope: manifest.scope,
    rows: [
      ...mergedTables.map((t) => [t.key, t.table] as const),
      ['auditLog', 'audit_log'] as const,
    ].map(([table, name]) => ({
      table,
      label: transferTableLabels[table],
      rows: manifest.tables[name]?.rows ?? 0,
    })),
  };
}
