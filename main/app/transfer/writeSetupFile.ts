import type { DataSource } from 'typeorm';
import { formatReference } from '../../../shared/references';
import { AppError } from '../../../shared/result';
import type { SetupFileInfo } from '../../../shared/transfer';
import { recordAudit } from '../audit/auditLog';
import { connectionOf } from '../db/open';
import { deviceNameOr } from '../devices/deviceName';
import { takenSerialRanges } from '../devices/deviceService';
import { LAPTOP_BLOCKS, nextLaptopRange, type SerialRange } from '../devices/serialBlocks';
import { writeContainer } from './container';
import { formatNames, type SetupManifest } from './manifest';
import { fileOrigin, type FileCall } from './origin';
import { setupFileTables } from './tables';

/**
 * On the office PC: a setup file for one laptop, at `path`. It holds the unit (its id, name,
 * settings, reference prefix and local routines), every user with their password hash,
 * role, signature and active flag, the outages not yet ended, and the laptop's own range of
 * paper-reference serials, encrypted with the unit passphrase. The range is recorded here, so
 * the next laptop gets the next one; one file prepares one laptop.
 */
export async function writeSetupFile(
  dataSource: DataSource,
  call: FileCall & { deviceName?: string },
  path: string,
): Promise<SetupFileInfo> {
  const { actor, now } = call;
  const { unit, device, origin } = await fileOrigin(dataSource, call);
  if (device.kind !== 'office') {
    throw new AppError(
      'CONFLICT',
      'Installationsfiler skapas på enhetens kontorsdator, inte på en bärbar dator.',
    );
  }
  const range = await freeRange(dataSource);
  const [{ made }] = (await dataSource.query('SELECT count(*) AS made FROM setup_files')) as [
    { made: number },
  ];
  const laptopName = deviceNameOr(call.deviceName, `Bärbar dator ${made + 1}`);
  // The range is recorded before the file exists: should the power go while the file is
  // written, the range stays taken (a block lost) rather than handed to a second laptop.
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO setup_files (id, device_name, serial_first, serial_last, made_at,
         made_by_id, made_by_name)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        origin.fileId,
        laptopName,
        range.first,
        range.last,
        origin.createdAt,
        actor.id,
        actor.fullName,
      ],
    );
    await recordAudit(manager, {
      actor,
      at: now,
      action: 'setupFile.write',
      entity: 'setupFile',
      entityId: origin.fileId,
      after: {
        laptopName,
        firstReference: formatReference(unit.referencePrefix, range.first),
        lastReference: formatReference(unit.referencePrefix, range.last),
      },
    });
  });
  const manifest = writeContainer<SetupManifest>(
    connectionOf(dataSource),
    path,
    {
      format: formatNames.setup,
      ...origin,
      laptopName,
      serialFirst: range.first,
      serialLast: range.last,
    },
    setupFileTables,
    { now: now.toISOString() },
  );
  const info = setupFileInfo(manifest, unit.referencePrefix);
  return info;
}

async function freeRange(dataSource: DataSource): Promise<SerialRange> {
  const range = nextLaptopRange(await takenSerialRanges(dataSource));
  if (!range) {
    throw new AppError(
      'CONFLICT',
      `Alla ${LAPTOP_BLOCKS} nummerserier för bärbara datorers referenser är utdelade. ` +
        'Kontakta IT.',
    );
  }
  return range;
}

export function setupFileInfo(manifest: SetupManifest, prefix: string): SetupFileInfo {
  return {
    fileId: manifest.fileId,
    formatVersion: manifest.formatVersion,
    unitName: manifest.unitName,
    laptopName: manifest.laptopName,
    madeAt: manifest.createdAt,
    madeByName: manifest.createdByName,
    madeOnDeviceName: manifest.deviceName,
    userCount: manifest.tables.users?.rows ?? 0,
    firstReference: formatReference(prefix, manifest.serialFirst),
    lastReference: formatReference(prefix, manifest.serialLast),
  };
}
