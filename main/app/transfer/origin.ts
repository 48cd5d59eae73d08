import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import type { Device } from '../../../shared/devices';
import type { UnitRecord } from '../db/entities/unitRecord';
import { getThisDevice } from '../devices/deviceService';
import { getUnit } from '../unit/unitService';
import type { Manifest } from './manifest';

/** Who writes a file: the person, the person's unit and this installation. */
export interface FileCall {
  actor: SessionUser;
  now: Date;
}

type Origin = Pick<
  Manifest,
  | 'fileId'
  | 'unitId'
  | 'unitName'
  | 'deviceId'
  | 'deviceName'
  | 'createdAt'
  | 'createdById'
  | 'createdByName'
>;

/** The manifest entries every file starts with, for a new file made here now. */
export async function fileOrigin(
  dataSource: DataSource,
  { actor, now }: FileCall,
): Promise<{ unit: UnitRecord; device: Device; origin: Origin }> {
  const unit = await getUnit(dataSource);
  const device = await getThisDevice(dataSource);
  return {
    unit,
    device,
    origin: {
      fileId: randomUUID(),
      unitId: unit.uid,
      unitName: unit.name,
      deviceId: device.id,
      deviceName: device.name,
      createdAt: now.toISOString(),
      createdById: actor.id,
      createdByName: actor.fullName,
    },
  };
}
